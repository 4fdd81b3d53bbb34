import TebikiEngine
import TebikiModel

/// A scenario written back in `explain`'s JSON input format, so that a counterexample can be
/// pasted into `tebiki explain --scenario -`. Only input facts are written, in declaration order.
package enum ScenarioJSON {
    /// The JSON object of the input facts of `scenario`.
    package static func object(_ scenario: Scenario, model: Model) -> JSON {
        // The scenario's facts in declaration order (not every fact of the model: there are
        // thousands with a thousand products).
        let positions = scenario.values.keys.compactMap { model.facts.position(of: $0) }.sorted()
        var members: [(String, JSON)] = []
        for p in positions {
            let fact = model.facts[p]
            guard !fact.isDerived, let value = scenario[fact.id] else { continue }
            members.append((fact.id, json(value)))
        }
        return .object(members)
    }

    /// The object on one line.
    package static func text(_ scenario: Scenario, model: Model) -> String {
        object(scenario, model: model).serialized(pretty: false)
    }

    private static func json(_ value: FactValue) -> JSON {
        switch value {
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .number(String(i))
        case .decimal(let d): return .string(d.description)  // amounts are strings in the contract
        case .date(let d): return .string(d.description)
        case .symbol(let s): return .string(s)
        }
    }
}
