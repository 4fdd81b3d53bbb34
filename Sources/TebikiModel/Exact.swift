/// An exact rational number for money and quantities: never binary floating point (decision D13).
///
/// Values are kept as a reduced fraction of two `Int128`s. Arithmetic that would overflow
/// throws instead of losing precision or trapping. Division is exact; rounding happens only when
/// asked; printing never overflows.
package struct Exact: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Numerator; carries the sign.
    package private(set) var numerator: Int128
    /// Denominator; always positive.
    package private(set) var denominator: Int128

    /// An arithmetic failure.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case overflow
        case divisionByZero

        package var description: String {
            switch self {
            case .overflow: return "the result is too large to compute exactly"
            case .divisionByZero: return "a division by zero"
            }
        }
    }

    /// The largest amount a scenario may give (10^12), so that no formula of the model over
    /// amounts and usage counts (whole numbers below 10^16) overflows.
    package static let largestAmount = Exact(integer: 1_000_000_000_000)

    /// Zero.
    package static let zero = Exact(integer: 0)
    /// One.
    package static let one = Exact(integer: 1)

    /// A whole number.
    package init(integer: Int) {
        numerator = Int128(integer)
        denominator = 1
    }

    /// A reduced fraction. The denominator must not be zero.
    package init(_ numerator: Int128, over denominator: Int128) throws(Failure) {
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
    package init?(decimal text: String) {
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

    package var description: String { decimalString(places: nil) }

    /// True when the value is below zero.
    package var isNegative: Bool { numerator < 0 }
    /// True when the value is zero.
    package var isZero: Bool { numerator == 0 }

    /// Sum.
    package func adding(_ other: Exact) throws(Failure) -> Exact {
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (n, o3) = a.addingReportingOverflow(b)
        let (d, o4) = denominator.multipliedReportingOverflow(by: other.denominator)
        if o1 || o2 || o3 || o4 { throw .overflow }
        return try Exact(n, over: d)
    }

    /// Difference.
    package func subtracting(_ other: Exact) throws(Failure) -> Exact {
        try adding(Exact(unchecked: -other.numerator, other.denominator))
    }

    /// Product.
    package func multiplied(by other: Exact) throws(Failure) -> Exact {
        let (n, o1) = numerator.multipliedReportingOverflow(by: other.numerator)
        let (d, o2) = denominator.multipliedReportingOverflow(by: other.denominator)
        if o1 || o2 { throw .overflow }
        return try Exact(n, over: d)
    }

    /// Quotient; throws on division by zero.
    package func divided(by other: Exact) throws(Failure) -> Exact {
        guard other.numerator != 0 else { throw .divisionByZero }
        let (n, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (d, o2) = denominator.multipliedReportingOverflow(by: other.numerator)
        if o1 || o2 { throw .overflow }
        return try Exact(n, over: d)
    }

    /// Why the value is not an amount a scenario may give, or nil: at most `places` decimal
    /// places (the currency's: "0.005" is not a US dollar amount) and at most `largestAmount`.
    package func amountProblem(places: Int) -> String? {
        let magnitude = isNegative ? (try? Exact.zero.subtracting(self)) ?? self : self
        if Exact.largestAmount < magnitude { return "is above the largest amount accepted (\(Exact.largestAmount))" }
        if digits(places: places).rest != 0 { return "has more decimal places than the currency (\(places))" }
        return nil
    }

    /// Rounded half up (away from zero at .5) to `places` decimal places (D13); throws when
    /// the rounded value does not fit.
    package func rounded(places: Int) throws(Failure) -> Exact {
        let (negative, whole, fraction) = roundedDigits(places: places)
        guard var n = Int128(exactly: whole) else { throw .overflow }
        var scale: Int128 = 1
        for digit in fraction {
            let (a, o1) = n.multipliedReportingOverflow(by: 10)
            let (b, o2) = a.addingReportingOverflow(Int128(digit))
            let (c, o3) = scale.multipliedReportingOverflow(by: 10)
            if o1 || o2 || o3 { throw .overflow }
            n = b; scale = c
        }
        return try Exact(negative ? -n : n, over: scale)
    }

    /// The value as a decimal string with exactly `places` places (rounded half up), or,
    /// with `nil`, as many places as the value needs when it is a finite decimal (else 12,
    /// rounded). Any value prints, however large.
    package func decimalString(places: Int?) -> String {
        var p = places ?? 0
        if places == nil {
            var d = denominator, twos = 0, fives = 0
            while d % 2 == 0 { d /= 2; twos += 1 }
            while d % 5 == 0 { d /= 5; fives += 1 }
            p = d == 1 ? max(twos, fives) : 12
        }
        let (negative, whole, fraction) = roundedDigits(places: p)
        var s = negative && (whole != 0 || fraction.contains { $0 != 0 }) ? "-" : ""
        s += String(whole)
        if !fraction.isEmpty { s += "." + String(decoding: fraction.map { $0 + 48 }, as: UTF8.self) }
        return s
    }

    /// The sign, the whole part and `places` decimal digits of the value, rounded half up (away
    /// from zero at .5).
    private func roundedDigits(places: Int) -> (negative: Bool, whole: UInt128, fraction: [UInt8]) {
        var (negative, whole, fraction, rest) = digits(places: places)
        // Half up: the rest (rest / denominator) is at least one half; rest < denominator, so
        // `denominator - rest` cannot overflow where `rest * 2` could.
        if rest != 0, rest >= denominator.magnitude - rest {
            var i = fraction.count - 1
            while i >= 0 && fraction[i] == 9 { fraction[i] = 0; i -= 1 }
            if i >= 0 { fraction[i] += 1 } else { whole += 1 }
        }
        return (negative, whole, fraction)
    }

    /// The sign, the whole part, `places` decimal digits (truncated) and the remainder over the
    /// denominator, by long division: nothing overflows, whatever the value.
    private func digits(places: Int) -> (negative: Bool, whole: UInt128, fraction: [UInt8], rest: UInt128) {
        let d = denominator.magnitude
        let whole = numerator.magnitude / d
        var rest = numerator.magnitude % d
        var fraction: [UInt8] = []
        fraction.reserveCapacity(max(places, 0))
        for _ in 0..<max(places, 0) {
            // 10 × rest = digit × d + new rest, adding rest ten times modulo d: rest < d ≤ 2^127,
            // so a sum below d plus rest stays below 2^128.
            var sum: UInt128 = 0, digit: UInt8 = 0
            for _ in 0..<10 {
                sum += rest
                if sum >= d { sum -= d; digit += 1 }
            }
            fraction.append(digit)
            rest = sum
        }
        return (numerator < 0, whole, fraction, rest)
    }

    package static func < (a: Exact, b: Exact) -> Bool {
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
