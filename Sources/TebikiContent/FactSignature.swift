import TebikiModel

/// What a condition, a value or an expression needs to know about a fact before all facts are read:
/// its type and, for enumerations, its values.
package struct FactSignature: Sendable, Hashable {
    /// The type, or nil when the fact's type is broken (tests on it are then not checked).
    package var type: FactType?
    /// Enumeration values in declared order.
    package var values: [String]
    /// The same values, for lookups.
    package var valueSet: Set<String>

    /// Creates a signature.
    package init(type: FactType?, values: [String] = []) {
        self.type = type
        self.values = values
        self.valueSet = Set(values)
    }
}
