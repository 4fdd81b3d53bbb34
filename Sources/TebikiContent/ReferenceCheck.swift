import TebikiModel

/// Checks every reference recorded while reading against the ids declared, with a "did you mean".
/// One pass over the references; each lookup is a dictionary lookup.
struct ReferenceCheck {
    let ctx: LoadContext

    func run() {
        for r in ctx.references {
            switch r.target {
            case .element(let kind):
                guard !ctx.unavailable.contains(kind), !ctx.isDeclared(kind, r.id) else { continue }
                ctx.error("content.unknown-reference", at: r.location,
                          "unknown \(kind.noun) '\(r.id)' in \(r.context.words); expected the id of \(kind.phrase) declared in \(kind.declaredIn)",
                          suggestion: nearestName(to: r.id, in: ctx.ids(kind)))
            case .state(let machine):
                guard !ctx.unavailable.contains(.machine), ctx.isDeclared(.machine, machine),
                      let states = ctx.states[machine], states[r.id] == nil
                else { continue }
                ctx.error("content.unknown-reference", at: r.location,
                          "machine '\(machine)' has no state '\(r.id)' (in \(r.context.words)); its states are \(ctx.list(states.keys.sorted()))",
                          suggestion: nearestName(to: r.id, in: states.keys))
            case .placeholder:
                guard !ctx.unavailable.contains(.glossary), !ctx.isDeclared(.glossary, r.id) else { continue }
                if let first = r.id.unicodeScalars.first, first.properties.isUppercase {
                    ctx.error("content.unknown-reference", at: r.location,
                              "unknown glossary element {\(r.id)} in \(r.context.words); expected the id of an element declared in glossary.yaml",
                              suggestion: nearestName(to: r.id, in: ctx.ids(.glossary)))
                } else {
                    let engine = LoadContext.enginePlaceholders
                    ctx.error("content.unknown-placeholder", at: r.location,
                              "unknown placeholder {\(r.id)} in \(r.context.words); expected a glossary id or one of \(engine.map { "{\($0)}" }.joined(separator: ", "))",
                              suggestion: nearestName(to: r.id, in: engine) ?? nearestName(to: r.id, in: ctx.ids(.glossary)))
                }
            }
        }
    }
}
