/// An identifier of a fact, such as `product` or `paid_on` (the key in a scenario).
package typealias FactID = String

/// The value of one fact in a scenario.
package enum FactValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    case boolean(Bool)
    case integer(Int)
    /// Boxed: an exact number takes 32 bytes, and scenarios hold many values of other kinds
    /// (the value takes 32 bytes instead of 48 in every scenario's dictionary).
    indirect case decimal(Exact)
    case date(CalendarDate)
    /// One of an enumeration's values, by id.
    case symbol(String)

    package var description: String {
        switch self {
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.description
        case .date(let d): return d.description
        case .symbol(let s): return s
        }
    }

    /// The value as an exact number, for integers and decimals.
    package var number: Exact? {
        switch self {
        case .integer(let i): return Exact(integer: i)
        case .decimal(let d): return d
        default: return nil
        }
    }

    package static func < (a: FactValue, b: FactValue) -> Bool {
        switch (a, b) {
        case (.date(let x), .date(let y)): return x < y
        case (.symbol(let x), .symbol(let y)): return x < y
        case (.boolean(let x), .boolean(let y)): return !x && y
        default:
            if let x = a.number, let y = b.number { return x < y }
            return a.description < b.description
        }
    }
}

/// The type of a fact.
package enum FactType: String, Sendable, Hashable, CaseIterable {
    case boolean, integer, decimal, date, enumeration = "enum"
}

/// A scenario: values of facts. Derived facts are added by the engine.
package struct Scenario: Sendable, Hashable {
    /// Values by fact id. A fact that is absent has no value (unknown or not applicable).
    package var values: [FactID: FactValue]

    /// Creates a scenario.
    package init(_ values: [FactID: FactValue] = [:]) { self.values = values }

    /// An empty scenario with room for `minimumCapacity` values before it grows.
    package init(minimumCapacity: Int) { values = Dictionary(minimumCapacity: minimumCapacity) }

    /// The value of a fact, if any.
    package subscript(fact: FactID) -> FactValue? {
        get { values[fact] }
        set { values[fact] = newValue }
    }
}
