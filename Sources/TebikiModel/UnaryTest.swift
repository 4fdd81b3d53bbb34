/// A test in a decision table cell, in the manner of DMN's unary tests:
/// `-` (any), `true`, `issued`, `issued, revoked`, `not(issued)`, `> 0`, `<= grcq_total`,
/// `[1..3]`, `null`, `not(null)`.
package indirect enum UnaryTest: Sendable, Hashable, CustomStringConvertible {
    /// Anything matches, including no value.
    case any
    /// No value.
    case isNull
    /// Equal to one of the values.
    case oneOf([FactValue])
    /// A comparison with a constant or another fact.
    case compare(ComparisonOperator, Operand)
    /// Inclusive range of two constants.
    case range(FactValue, FactValue)
    /// The negation of a test.
    case not(UnaryTest)

    /// A comparison operator.
    package enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
        case lessThan = "<", lessOrEqual = "<=", greaterThan = ">", greaterOrEqual = ">=", equal = "=", notEqual = "!="
    }

    /// The right-hand side of a comparison.
    package enum Operand: Sendable, Hashable, CustomStringConvertible {
        case value(FactValue)
        case fact(FactID)
        package var description: String {
            switch self {
            case .value(let v): return v.description
            case .fact(let f): return f
            }
        }
    }

    package var description: String {
        switch self {
        case .any: return "-"
        case .isNull: return "null"
        case .oneOf(let values): return values.map(\.description).joined(separator: ", ")
        case .compare(let op, let rhs): return "\(op.rawValue) \(rhs)"
        case .range(let lo, let hi): return "[\(lo)..\(hi)]"
        case .not(let t): return "not(\(t))"
        }
    }

    /// The other facts the test compares with (empty: its result depends on the tested value only).
    package var factsCompared: [FactID] {
        switch self {
        case .compare(_, .fact(let f)): return [f]
        case .not(let t): return t.factsCompared
        default: return []
        }
    }

    /// Whether `value` (nil: no value) passes, in `scenario` (for fact operands).
    package func matches(_ value: FactValue?, in scenario: Scenario) -> Bool {
        switch self {
        case .any: return true
        case .isNull: return value == nil
        case .oneOf(let values):
            guard let value else { return false }
            return values.contains { UnaryTest.equal(value, $0) }
        case .compare(let op, let rhs):
            guard let value else { return false }
            let other: FactValue?
            switch rhs {
            case .value(let v): other = v
            case .fact(let f): other = scenario[f]
            }
            guard let other else { return false }
            switch op {
            case .equal: return UnaryTest.equal(value, other)
            case .notEqual: return !UnaryTest.equal(value, other)
            case .lessThan: return value < other
            case .lessOrEqual: return value < other || UnaryTest.equal(value, other)
            case .greaterThan: return other < value
            case .greaterOrEqual: return other < value || UnaryTest.equal(value, other)
            }
        case .range(let lo, let hi):
            guard let value else { return false }
            return !(value < lo) && !(hi < value)
        case .not(let t):
            return !t.matches(value, in: scenario)
        }
    }

    /// Numbers compare by value (1 = 1.0); everything else structurally.
    static func equal(_ a: FactValue, _ b: FactValue) -> Bool {
        if let x = a.number, let y = b.number { return x == y }
        return a == b
    }
}
