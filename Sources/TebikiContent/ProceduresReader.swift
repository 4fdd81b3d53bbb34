import TebikiModel

/// Reads procedures.yaml: sequences of console actions.
struct ProceduresReader {
    let ctx: LoadContext

    func read(_ node: YNode?, file: SourceFile) -> Catalog<Procedure> {
        let root = ctx.root(node, file: file, required: ["procedures"])
        return Catalog(ctx.items(root, "procedures", kinds: [.procedure]).compactMap(procedure))
    }

    private func procedure(_ node: YNode) -> Procedure? {
        guard var f = ctx.fields(node, "a procedure", required: ["id", "title", "actions"]) else { return nil }
        let id = ctx.id(f, "id", .kebab)
        if let id { ctx.declare(.procedure, id) }
        f = f.named("procedure", id)
        let title = ctx.localized(f, "title")
        var items: [Procedure.Item]?
        if let list = ctx.sequence(f, "actions") {
            if list.isEmpty, let n = f["actions"] {
                ctx.error(.contentInvalidValue, at: n.location, "'actions' of \(f.what) is empty; a procedure has at least one action")
            }
            items = list.compactMap { item($0, f.what) }
        }
        guard let id, let title, let items else { return nil }
        return Procedure(id: id.value, title: title, items: items, location: f.location)
    }

    /// An action id, or `{action: id, repeat: expression}`.
    private func item(_ node: YNode, _ what: String) -> Procedure.Item? {
        if node.scalar != nil {
            guard let action = ctx.id(node, "an action of \(what)") else { return nil }
            ctx.refer(.action, action, .actions(of: what))
            return Procedure.Item(action: action.value, location: node.location)
        }
        guard node.kind == .mapping else {
            ctx.wrongType(node, expected: "an action id or a mapping {action, repeat}", "an action of \(what)")
            return nil
        }
        guard let f = ctx.fields(node, "an action of \(what)", required: ["action"], optional: ["repeat"]) else { return nil }
        let action = ctx.reference(f, "action", to: .action)
        let count = ctx.expression(f, "repeat")
        guard let action else { return nil }
        return Procedure.Item(action: action.value, repeatCount: count, location: node.location)
    }
}
