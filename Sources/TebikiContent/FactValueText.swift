import TebikiModel

/// Reads a fact value written as text, by the fact's type: `true`, `12`, `1.6`, `2025-12-19`, `issued`.
package enum FactValueText {
    /// Why a text is not a value of a fact.
    package enum Problem: Error, Sendable, Hashable {
        /// Not of the fact's type; the associated text says what the type expects.
        case wrongType(expected: String)
        /// Not one of the enumeration's declared values.
        case unknownValue
    }

    /// The value of `text` for a fact of `signature`.
    package static func parse(_ text: String, for signature: FactSignature) -> Result<FactValue, Problem> {
        guard let type = signature.type else { return .failure(.wrongType(expected: "a value")) }
        switch type {
        case .boolean:
            if text == "true" { return .success(.boolean(true)) }
            if text == "false" { return .success(.boolean(false)) }
        case .integer:
            if let i = Int(text) { return .success(.integer(i)) }
        case .decimal:
            if let d = Exact(decimal: text) { return .success(.decimal(d)) }
        case .date:
            if let d = CalendarDate(iso: text) { return .success(.date(d)) }
        case .enumeration:
            if signature.valueSet.contains(text) { return .success(.symbol(text)) }
            return .failure(.unknownValue)
        }
        return .failure(.wrongType(expected: expectation(type)))
    }

    /// What a type's values look like, in words.
    package static func expectation(_ type: FactType) -> String {
        switch type {
        case .boolean: return "true or false"
        case .integer: return "a whole number"
        case .decimal: return "a decimal number such as 1.6"
        case .date: return "a date written YYYY-MM-DD"
        case .enumeration: return "one of its values"
        }
    }
}
