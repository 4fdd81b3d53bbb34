import TebikiModel

/// A value read from content, with where it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
