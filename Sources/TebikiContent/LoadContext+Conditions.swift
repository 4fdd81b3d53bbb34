import TebikiModel

/// Conditions (`when`, `applies_when`) and the unary tests in their cells.
extension LoadContext {
    /// The facts a rule's conditions may test, and the table they belong to.
    struct Inputs {
        var facts: Set<FactID>
        var table: String
        var list: [FactID]
    }

    /// Fact ids mapped to unary tests. With `inputs`, only those facts may be tested.
    func conditions(_ node: YNode, _ what: @autoclosure () -> String, inputs: Inputs? = nil) -> [Condition]? {
        guard let entries = entries(node, what(), expected: "a mapping of fact ids to unary tests") else { return nil }
        var result: [Condition] = []
        for (key, value) in entries {
            guard let signature = fact(key.value, at: key.location, what()) else { continue }
            if let inputs, !inputs.facts.contains(key.value) {
                error(.contentInvalidValue, at: key.location,
                      "\(what()) tests '\(key.value)', which is not among the inputs of table '\(inputs.table)' (\(list(inputs.list))); add it to the inputs or test another fact")
                continue
            }
            guard let test = cellTest(value, fact: key.value, signature: signature, what()) else { continue }
            result.append(Condition(fact: key.value, test: test, location: key.location))
        }
        return result
    }

    /// The unary test of one cell. A YAML boolean or number is its text; a flow sequence such as
    /// `[1..3]` (YAML reads an unquoted range as one) is its text with the brackets.
    func cellTest(_ node: YNode, fact: FactID, signature: FactSignature, _ what: @autoclosure () -> String) -> UnaryTest? {
        let source: String
        if let s = node.scalar {
            source = node.isNull ? (s.string.isEmpty ? "" : "null") : s.string
        } else if let items = node.items, items.allSatisfy({ $0.scalar != nil }) {
            source = "[" + items.map { $0.scalar?.string ?? "" }.joined(separator: ", ") + "]"
        } else {
            wrongType(node, expected: "a unary test (-, true, issued, not(issued), > 0, [1..3], null)", "the test of '\(fact)' in \(what())")
            return nil
        }
        let parsed = UnaryTestParser.parse(source, fact: fact, signature: signature, facts: facts)
        for p in parsed.problems {
            error(p.id, at: node.location(offset: p.offset), "\(p.message) (the test of '\(fact)' in \(what()))", suggestion: p.suggestion)
        }
        return parsed.test
    }

    func conditions(_ f: Fields, _ key: String, inputs: Inputs? = nil) -> [Condition]? {
        f[key].flatMap { conditions($0, "'\(key)' of \(f.what)", inputs: inputs) }
    }
}
