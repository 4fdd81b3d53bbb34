import TebikiModel

/// Reads glossary.yaml: the console elements steps name.
struct GlossaryReader {
    let ctx: LoadContext

    func read(_ node: YNode?, file: SourceFile) -> Catalog<UIElement> {
        let root = ctx.root(node, file: file, required: ["elements"])
        return Catalog(ctx.items(root, "elements", kinds: [.glossary]).compactMap(element))
    }

    private func element(_ node: YNode) -> UIElement? {
        guard var f = ctx.fields(node, "a glossary element", required: ["id", "kind", "label"], optional: ["note", "untitled"]) else { return nil }
        let id = ctx.id(f, "id")
        if let id { ctx.declare(.glossary, id) }
        f = f.named("glossary element", id)
        let kind = ctx.choice(f, "kind", as: UIElement.Kind.self)
        let label = ctx.localized(f, "label")
        let note = ctx.text(f, "note")
        let untitled = ctx.bool(f, "untitled")
        guard let id, let kind, let label else { return nil }
        return UIElement(id: id.value, kind: kind, label: label, note: note?.value, untitled: untitled ?? false, location: f.location)
    }
}
