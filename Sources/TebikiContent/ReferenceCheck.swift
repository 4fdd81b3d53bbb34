import TebikiConcurrency
import TebikiModel

/// Checks every reference recorded while reading against the ids declared, with a "did you mean".
/// One pass over the references; each lookup is a dictionary lookup.
///
/// The lookups run in runs of references on every core (the context is only read then); the
/// references that name nothing are then reported on the calling thread, in the order they were
/// recorded, as one pass would have reported them. (Reporting reads the source line of a
/// placeholder again, which a file does on one thread at a time.)
struct ReferenceCheck {
    let ctx: LoadContext

    /// References looked up by one task: enough that a run outweighs handing it out.
    private static let runLength = 1024

    func run() {
        let lists = ctx.references
        var runs: [(list: Int, range: Range<Int>)] = []
        for (l, list) in lists.enumerated() {
            for start in stride(from: 0, to: list.count, by: Self.runLength) {
                runs.append((l, start..<min(list.count, start + Self.runLength)))
            }
        }
        let unresolved = { (run: Int) -> [PendingReference] in
            let list = lists[runs[run].list]
            return runs[run].range.compactMap { self.resolves(list[$0]) ? nil : list[$0] }
        }
        let found = ParallelMap.map(runs.count, unresolved)
        for reference in found.joined() { report(reference) }
    }

    /// Whether `r` names something declared, or cannot be checked (what it names is unavailable).
    private func resolves(_ r: PendingReference) -> Bool {
        switch r.target {
        case .element(let kind):
            return ctx.unavailable.contains(kind) || ctx.isDeclared(kind, r.id)
        case .state(let machine):
            guard !ctx.unavailable.contains(.machine), ctx.isDeclared(.machine, machine),
                  let states = ctx.states[machine], states[r.id] == nil
            else { return true }
            return false
        case .placeholder:
            return ctx.unavailable.contains(.glossary) || ctx.isDeclared(.glossary, r.id)
        }
    }

    /// Reports a reference that does not resolve.
    private func report(_ r: PendingReference) {
        switch r.target {
        case .element(let kind):
            ctx.error(.contentUnknownReference, at: r.location,
                      "unknown \(kind.noun) '\(r.id)' in \(r.context.words); expected the id of \(kind.phrase) declared in \(kind.declaredIn)",
                      suggestion: nearestName(to: r.id, in: ctx.ids(kind)))
        case .state(let machine):
            let states = ctx.states[machine] ?? [:]
            ctx.error(.contentUnknownReference, at: r.location,
                      "machine '\(machine)' has no state '\(r.id)' (in \(r.context.words)); its states are \(ctx.list(states.keys.sorted()))",
                      suggestion: nearestName(to: r.id, in: states.keys))
        case .placeholder:
            if let first = r.id.unicodeScalars.first, first.properties.isUppercase {
                ctx.error(.contentUnknownReference, at: r.location,
                          "unknown glossary element {\(r.id)} in \(r.context.words); expected the id of an element declared in glossary.yaml",
                          suggestion: nearestName(to: r.id, in: ctx.ids(.glossary)))
            } else {
                let engine = LoadContext.enginePlaceholders
                ctx.error(.contentUnknownPlaceholder, at: r.location,
                          "unknown placeholder {\(r.id)} in \(r.context.words); expected a glossary id or one of \(engine.map { "{\($0)}" }.joined(separator: ", "))",
                          suggestion: nearestName(to: r.id, in: engine) ?? nearestName(to: r.id, in: ctx.ids(.glossary)))
            }
        }
    }
}
