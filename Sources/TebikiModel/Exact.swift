/// An exact rational number for money and quantities: never binary floating point (decision D13).
///
/// Values are kept as a reduced fraction of two `Int128`s. Arithmetic that would overflow
/// throws instead of losing precision. Division is exact; rounding happens only when asked.
public struct Exact: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Numerator; carries the sign.
    public private(set) var numerator: Int128
    /// Denominator; always positive.
    public private(set) var denominator: Int128

    /// An arithmetic failure.
    public enum Failure: Error, Sendable, Equatable {
        case overflow
        case divisionByZero
    }

    /// Zero.
    public static let zero = Exact(integer: 0)
    /// One.
    public static let one = Exact(integer: 1)

    /// A whole number.
    public init(integer: Int) {
        numerator = Int128(integer)
        denominator = 1
    }

    /// A reduced fraction. The denominator must not be zero.
    public init(_ numerator: Int128, over denominator: Int128) throws(Failure) {
        guard denominator != 0 else { throw .divisionByZero }
        var n = numerator, d = denominator
        if d < 0 {
            let (nn, o1) = Int128(0).subtractingReportingOverflow(n)
            let (dd, o2) = Int128(0).subtractingReportingOverflow(d)
            if o1 || o2 { throw .overflow }
            n = nn; d = dd
        }
        let g = Exact.gcd(n.magnitude, d.magnitude)
        self.numerator = g > 1 ? n / Int128(g) : n
        self.denominator = g > 1 ? d / Int128(g) : d
    }

    /// Parses a plain decimal string such as `1.6`, `-0.50` or `12`. No exponent, no grouping.
    public init?(decimal text: String) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        else if digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fraction.isEmpty { return nil }
        guard (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }),
              !(whole + fraction).isEmpty, whole.count + fraction.count <= 30
        else { return nil }
        guard let n = Int128(String(whole + fraction)) else { return nil }
        var d: Int128 = 1
        for _ in 0..<fraction.count { d *= 10 }
        guard let value = try? Exact(negative ? -n : n, over: d) else { return nil }
        self = value
    }

    public var description: String { decimalString(places: nil) }

    /// True when the value is below zero.
    public var isNegative: Bool { numerator < 0 }
    /// True when the value is zero.
    public var isZero: Bool { numerator == 0 }

    /// Sum.
    public func adding(_ other: Exact) throws(Failure) -> Exact {
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (n, o3) = a.addingReportingOverflow(b)
        let (d, o4) = denominator.multipliedReportingOverflow(by: other.denominator)
        if o1 || o2 || o3 || o4 { throw .overflow }
        return try Exact(n, over: d)
    }

    /// Difference.
    public func subtracting(_ other: Exact) throws(Failure) -> Exact {
        try adding(Exact(unchecked: -other.numerator, other.denominator))
    }

    /// Product.
    public func multiplied(by other: Exact) throws(Failure) -> Exact {
        let (n, o1) = numerator.multipliedReportingOverflow(by: other.numerator)
        let (d, o2) = denominator.multipliedReportingOverflow(by: other.denominator)
        if o1 || o2 { throw .overflow }
        return try Exact(n, over: d)
    }

    /// Quotient; throws on division by zero.
    public func divided(by other: Exact) throws(Failure) -> Exact {
        guard other.numerator != 0 else { throw .divisionByZero }
        let (n, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (d, o2) = denominator.multipliedReportingOverflow(by: other.numerator)
        if o1 || o2 { throw .overflow }
        return try Exact(n, over: d)
    }

    /// Rounded half up (away from zero at .5) to `places` decimal places (D13).
    public func rounded(places: Int) -> Exact {
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        // value * scale = numerator * scale / denominator; round half away from zero.
        let scaled = numerator.magnitude * scale.magnitude
        let d = denominator.magnitude
        var q = scaled / d
        let r = scaled % d
        if r * 2 >= d { q += 1 }
        let n = numerator < 0 ? -Int128(q) : Int128(q)
        return (try? Exact(n, over: scale)) ?? self
    }

    /// The value as a decimal string with exactly `places` places (rounded half up), or,
    /// with `nil`, as many places as the value needs when it is a finite decimal.
    public func decimalString(places: Int?) -> String {
        let value: Exact
        let p: Int
        if let places {
            value = rounded(places: places); p = places
        } else {
            var d = denominator, twos = 0, fives = 0
            while d % 2 == 0 { d /= 2; twos += 1 }
            while d % 5 == 0 { d /= 5; fives += 1 }
            if d != 1 { return decimalString(places: 12) }
            value = self; p = max(twos, fives)
        }
        var scale: UInt128 = 1
        for _ in 0..<p { scale *= 10 }
        let scaled = value.numerator.magnitude * scale / value.denominator.magnitude
        let whole = scaled / scale, frac = scaled % scale
        var s = value.numerator < 0 && scaled != 0 ? "-" : ""
        s += String(whole)
        if p > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: p - f.count) + f
        }
        return s
    }

    public static func < (a: Exact, b: Exact) -> Bool {
        // Compare a.n/a.d with b.n/b.d; fall back to a subtraction that cannot overflow for sane values.
        let (l, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (r, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        if !o1 && !o2 { return l < r }
        return Double(a.numerator) / Double(a.denominator) < Double(b.numerator) / Double(b.denominator)
    }

    private init(unchecked n: Int128, _ d: Int128) {
        numerator = n
        denominator = d
    }

    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
