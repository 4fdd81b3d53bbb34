import TebikiModel

/// Reads glossary.yaml: the console elements steps name.
struct GlossaryReader {
    let ctx: LoadContext

    func read(_ node: YNode?, file: SourceFile) -> Catalog<UIElement> {
        let root = ctx.root(node, file: file, required: ["elements"])
        return Catalog(ctx.items(root, "elements", kinds: [.glossary]).compactMap(element))
    }

    private func element(_ node: YNode) -> UIElement? {
        guard var f = ctx.fields(node, "a glossary element", required: ["id", "kind", "label"], optional: ["note", "untitled", "reconstructed"]) else { return nil }
        let id = ctx.id(f, "id")
        if let id { ctx.declare(.glossary, id) }
        f = f.named("glossary element", id)
        let kind = ctx.choice(f, "kind", as: UIElement.Kind.self)
        let label = ctx.localized(f, "label")
        let note = ctx.text(f, "note")
        let untitled = ctx.bool(f, "untitled")
        let reconstructed = ctx.sequence(f, "reconstructed").map { $0.compactMap(language) } ?? []
        if !reconstructed.isEmpty, note == nil {
            ctx.error(.contentMissingKey, at: f.location,
                      "\(f.what) has a 'reconstructed' label but no 'note'; the note says what the source page lost and where the label comes from")
        }
        guard let id, let kind, let label else { return nil }
        return UIElement(
            id: id.value, kind: kind, label: label, note: note?.value, untitled: untitled ?? false,
            reconstructed: reconstructed, location: f.location)
    }

    /// A language id of 'reconstructed': one of the declared languages.
    private func language(_ node: YNode) -> LanguageID? {
        guard let id = ctx.id(node, "a language of 'reconstructed'") else { return nil }
        if ctx.languagesKnown, !ctx.languages.contains(id.value) {
            ctx.error(.contentUnknownReference, at: id.location,
                      "unknown language '\(id.value)' in 'reconstructed'; expected one of the languages of tebiki.yaml: \(ctx.list(ctx.languages))",
                      suggestion: nearestName(to: id.value, in: ctx.languages))
            return nil
        }
        return id.value
    }
}
