import TebikiModel

/// Parses the unary test of a decision-table cell (content/README.md, "Unary tests"), typed by
/// the fact it tests: `-`, `null`, `true`, `12`, `issued, revoked`, `not(issued)`, `> 0`,
/// `<= grcq_total`, `[1..3]`.
package struct UnaryTestParser {
    /// A problem in a test, at a 0-based scalar offset of the text.
    package struct Problem: Sendable, Hashable {
        /// `.contentBadTest` or `.contentUnknownReference`.
        package var id: DiagnosticRule
        package var message: String
        package var offset: Int
        package var suggestion: String?
    }

    /// The parsed test (nil when it has problems or the fact's type is unknown) and the problems.
    package struct Parsed: Sendable, Hashable {
        package var test: UnaryTest?
        package var problems: [Problem]
    }

    private let scalars: [Unicode.Scalar]
    private let fact: FactID
    private let signature: FactSignature
    private let facts: [FactID: FactSignature]

    /// Parses `text` as a test on `fact`; `facts` gives the other facts a comparison may name.
    package static func parse(_ text: String, fact: FactID, signature: FactSignature, facts: [FactID: FactSignature]) -> Parsed {
        guard signature.type != nil else { return Parsed(test: nil, problems: []) }
        let parser = UnaryTestParser(scalars: Array(text.unicodeScalars), fact: fact, signature: signature, facts: facts)
        var problems: [Problem] = []
        let test = parser.test(0..<parser.scalars.count, &problems)
        return Parsed(test: problems.isEmpty ? test : nil, problems: problems)
    }

    private var typeName: String { signature.type.map { $0 == .enumeration ? "enum" : $0.rawValue } ?? "?" }

    private func test(_ range: Range<Int>, _ problems: inout [Problem]) -> UnaryTest? {
        let r = trim(range)
        let t = text(r)
        if r.isEmpty {
            problems.append(bad("an empty test; write - for any value or null for no value", at: range.lowerBound))
            return nil
        }
        if t == "-" { return .any }
        if t == "null" { return .isNull }
        if t.hasPrefix("not("), t.hasSuffix(")") {
            let inner = trim(r.lowerBound + 4..<r.upperBound - 1)
            if text(inner) == "-" {
                problems.append(bad("not(-) matches nothing; remove the row or test something", at: r.lowerBound))
                return nil
            }
            return test(inner, &problems).map { .not($0) }
        }
        if scalars[r.lowerBound] == "[" { return rangeTest(r, &problems) }
        for op in [UnaryTest.ComparisonOperator.lessOrEqual, .greaterOrEqual, .notEqual, .lessThan, .greaterThan, .equal]
        where t.hasPrefix(op.rawValue) {
            return comparison(op, trim(r.lowerBound + op.rawValue.unicodeScalars.count..<r.upperBound), at: r.lowerBound, &problems)
        }
        return list(r, &problems)
    }

    private func rangeTest(_ r: Range<Int>, _ problems: inout [Problem]) -> UnaryTest? {
        let t = text(r)
        guard t.hasSuffix("]"), let dots = firstDots(in: r.lowerBound + 1..<r.upperBound - 1) else {
            problems.append(bad("a range is written [low..high], found '\(t)'", at: r.lowerBound))
            return nil
        }
        guard let type = signature.type, type == .integer || type == .decimal || type == .date else {
            problems.append(bad("'\(fact)' is a \(typeName) fact; ranges test integer, decimal and date facts", at: r.lowerBound))
            return nil
        }
        let lo = constant(trim(r.lowerBound + 1..<dots), &problems)
        let hi = constant(trim(dots + 2..<r.upperBound - 1), &problems)
        guard let lo, let hi else { return nil }
        if hi < lo {
            problems.append(bad("the range [\(lo)..\(hi)] is empty; write the low end first", at: r.lowerBound))
            return nil
        }
        return .range(lo, hi)
    }

    private func comparison(_ op: UnaryTest.ComparisonOperator, _ rhs: Range<Int>, at start: Int, _ problems: inout [Problem]) -> UnaryTest? {
        guard !rhs.isEmpty else {
            problems.append(bad("a comparison needs a value or a fact after '\(op.rawValue)'", at: start))
            return nil
        }
        if let type = signature.type, type == .boolean || type == .enumeration, op != .equal, op != .notEqual {
            problems.append(bad("'\(fact)' is a \(typeName) fact; compare it with = or != only", at: start))
            return nil
        }
        let name = text(rhs)
        if let other = facts[name] {
            guard comparable(signature.type, other.type) else {
                problems.append(bad("'\(fact)' (\(typeName)) cannot be compared with fact '\(name)' (\(other.type.map(\.rawValue) ?? "?"))", at: rhs.lowerBound))
                return nil
            }
            return .compare(op, .fact(name))
        }
        switch FactValueText.parse(name, for: signature) {
        case .success(let value): return .compare(op, .value(value))
        case .failure(.unknownValue):
            problems.append(Problem(
                id: .contentUnknownReference,
                message: "'\(name)' is neither a value of fact '\(fact)' (\(signature.values.joined(separator: ", "))) nor a fact",
                offset: rhs.lowerBound, suggestion: nearestName(to: name, in: signature.values + facts.keys.sorted())))
        case .failure(.wrongType(let expected)):
            if let first = scalars[rhs].first, first.properties.isAlphabetic || first == "_" {
                problems.append(Problem(
                    id: .contentUnknownReference,
                    message: "unknown fact '\(name)' in a comparison on '\(fact)'; expected \(expected) or the id of a fact",
                    offset: rhs.lowerBound, suggestion: nearestName(to: name, in: facts.keys)))
            } else {
                problems.append(bad("'\(name)' is not a value of \(typeName) fact '\(fact)'; expected \(expected)", at: rhs.lowerBound))
            }
        }
        return nil
    }

    private func list(_ r: Range<Int>, _ problems: inout [Problem]) -> UnaryTest? {
        var values: [FactValue] = []
        var start = r.lowerBound
        var ok = true
        for i in r.lowerBound...r.upperBound where i == r.upperBound || scalars[i] == "," {
            let item = trim(start..<i)
            let t = text(item)
            if item.isEmpty {
                problems.append(bad("an empty value in a list of values", at: start)); ok = false
            } else if t == "null" || t == "-" {
                problems.append(bad("'\(t)' cannot be one of a list; write it alone", at: item.lowerBound)); ok = false
            } else if let v = constant(item, &problems) {
                values.append(v)
            } else {
                ok = false
            }
            start = i + 1
        }
        return ok ? .oneOf(values) : nil
    }

    /// A constant of the fact's type.
    private func constant(_ r: Range<Int>, _ problems: inout [Problem]) -> FactValue? {
        let t = text(r)
        switch FactValueText.parse(t, for: signature) {
        case .success(let v): return v
        case .failure(.unknownValue):
            problems.append(Problem(
                id: .contentUnknownReference,
                message: "'\(t)' is not a value of fact '\(fact)'; its values are \(signature.values.joined(separator: ", "))",
                offset: r.lowerBound, suggestion: nearestName(to: t, in: signature.values)))
        case .failure(.wrongType(let expected)):
            problems.append(bad("'\(t)' is not a value of \(typeName) fact '\(fact)'; expected \(expected)", at: r.lowerBound))
        }
        return nil
    }

    private func comparable(_ a: FactType?, _ b: FactType?) -> Bool {
        guard let a, let b else { return true }
        let numeric: Set<FactType> = [.integer, .decimal]
        return a == b || (numeric.contains(a) && numeric.contains(b))
    }

    private func bad(_ message: String, at offset: Int) -> Problem {
        Problem(id: .contentBadTest, message: message, offset: offset, suggestion: nil)
    }

    private func firstDots(in r: Range<Int>) -> Int? {
        guard r.count >= 2 else { return nil }
        for i in r.lowerBound..<r.upperBound - 1 where scalars[i] == "." && scalars[i + 1] == "." { return i }
        return nil
    }

    private func trim(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, scalars[lo].isWhiteSpace { lo += 1 }
        while hi > lo, scalars[hi - 1].isWhiteSpace { hi -= 1 }
        return lo..<hi
    }

    private func text(_ r: Range<Int>) -> String { ScalarText.string(scalars[r]) }
}
