import TebikiModel

/// Reads products.yaml: products, the resources an order creates and what a refund requires.
struct ProductsReader {
    let ctx: LoadContext

    func read(_ node: YNode?, file: SourceFile) -> Catalog<Product> {
        let root = ctx.root(node, file: file, required: ["products"])
        return Catalog(ctx.items(root, "products", kinds: [.product]).compactMap(product))
    }

    private func product(_ node: YNode) -> Product? {
        guard var f = ctx.fields(
            node, "a product", required: ["id", "title", "summary"], optional: ["source", "resources", "refund_requires"])
        else { return nil }
        let id = ctx.id(f, "id", .kebab)
        if let id { ctx.declare(.product, id) }
        f = f.named("product", id)
        let title = ctx.localized(f, "title")
        let summary = ctx.localized(f, "summary")
        let source = ctx.citation(f, "source")
        let resources = ctx.sequence(f, "resources")?.compactMap { resource($0, f.what) }
        let refundRequires = ctx.stateReferences(f, "refund_requires")
        guard let id, let title, let summary else { return nil }
        return Product(
            id: id.value, title: title, summary: summary, resources: resources ?? [], refundRequires: refundRequires ?? [],
            source: source, location: f.location)
    }

    private func resource(_ node: YNode, _ what: String) -> Product.Resource? {
        guard let f = ctx.fields(
            node, "a resource of \(what)", required: ["machine"], optional: ["count", "state_from", "initial", "when"])
        else { return nil }
        let machine = ctx.reference(f, "machine", to: .machine)
        let count = ctx.expression(f, "count")
        var stateFact: FactID?
        if let n = f["state_from"], let fact = ctx.id(n, "'state_from' of \(f.what)"),
           let signature = ctx.fact(fact.value, at: fact.location, "'state_from' of \(f.what)") {
            if let type = signature.type, type != .enumeration {
                ctx.error(.contentInvalidValue, at: fact.location,
                          "'state_from' of \(f.what) must name an enum fact whose values give states; '\(fact.value)' is \(type.rawValue)")
            } else {
                stateFact = fact.value
            }
        }
        let initial = ctx.id(f, "initial")
        if let initial, let machine {
            ctx.referState(machine: machine.value, state: initial.value, at: initial.location, .key("initial", of: f.what))
        }
        if f.has("state_from") == f.has("initial") {
            ctx.error(f.has("initial") ? .contentInvalidValue : .contentMissingKey, at: f.location,
                      "\(f.what) needs exactly one of 'state_from' (a fact that gives the state) and 'initial' (a fixed state)")
        }
        let when = ctx.conditions(f, "when")
        guard let machine else { return nil }
        return Product.Resource(machine: machine.value, count: count, stateFact: stateFact, initialState: initial?.value, when: when ?? [])
    }
}
