/// An arithmetic expression over facts, evaluated exactly: `cash_paid * (1 - grcq_consumed / grcq_total)`.
package indirect enum Expression: Sendable, Hashable, CustomStringConvertible {
    case number(Exact)
    case fact(FactID)
    case binary(Operator, Expression, Expression)
    case negate(Expression)

    /// A binary operator.
    package enum Operator: Character, Sendable, Hashable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
        var precedence: Int { self == .add || self == .subtract ? 1 : 2 }
    }

    /// Why an expression could not be evaluated.
    package enum EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
        case missingFact(FactID)
        case notANumber(FactID)
        case arithmetic(Exact.Failure)

        package var description: String {
            switch self {
            case .missingFact(let fact): return "no value for \(fact)"
            case .notANumber(let fact): return "\(fact) is not a number"
            case .arithmetic(let failure): return failure.description
            }
        }
    }

    package var description: String {
        switch self {
        case .number(let n): return n.description
        case .fact(let f): return f
        case .negate(let e): return "-\(e.parenthesized(above: 2))"
        case .binary(let op, let l, let r):
            let rightLimit = op == .subtract || op == .divide ? op.precedence : op.precedence - 1
            return "\(l.parenthesized(above: op.precedence - 1)) \(op.rawValue) \(r.parenthesized(above: rightLimit))"
        }
    }

    private func parenthesized(above limit: Int) -> String {
        if case .binary(let op, _, _) = self, op.precedence <= limit { return "(\(self))" }
        return description
    }

    /// The facts the expression reads.
    package var facts: Set<FactID> {
        switch self {
        case .number: return []
        case .fact(let f): return [f]
        case .negate(let e): return e.facts
        case .binary(_, let l, let r): return l.facts.union(r.facts)
        }
    }

    /// The exact value in `scenario`.
    package func evaluate(in scenario: Scenario) throws(EvaluationError) -> Exact {
        switch self {
        case .number(let n): return n
        case .fact(let f):
            guard let v = scenario[f] else { throw .missingFact(f) }
            guard let n = v.number else { throw .notANumber(f) }
            return n
        case .negate(let e):
            let v = try e.evaluate(in: scenario)
            do { return try Exact.zero.subtracting(v) } catch { throw .arithmetic(error) }
        case .binary(let op, let l, let r):
            let a = try l.evaluate(in: scenario), b = try r.evaluate(in: scenario)
            do {
                switch op {
                case .add: return try a.adding(b)
                case .subtract: return try a.subtracting(b)
                case .multiply: return try a.multiplied(by: b)
                case .divide: return try a.divided(by: b)
                }
            } catch { throw .arithmetic(error) }
        }
    }

    /// The longest expression, in scalars: a formula is a line, and every step of reading and
    /// evaluating one recurses once per operator.
    package static let maximumLength = 500
    /// The deepest nesting of parentheses and negations.
    package static let maximumDepth = 32

    /// Parses an expression. On failure returns a message and the 0-based scalar offset.
    package static func parse(_ source: String) -> Result<Expression, TemplateError> {
        let scalars = Array(source.unicodeScalars)
        guard scalars.count <= maximumLength else {
            return .failure(TemplateError(message: "the expression is \(scalars.count) characters long; a formula may have at most \(maximumLength)", offset: maximumLength))
        }
        var parser = ExpressionParser(scalars)
        do throws(TemplateError) {
            let e = try parser.parseSum()
            parser.skipSpaces()
            if parser.position < parser.scalars.count {
                throw TemplateError(message: "unexpected '\(parser.scalars[parser.position])'; expected an operator (+ - * /)", offset: parser.position)
            }
            return .success(e)
        } catch {
            return .failure(error)
        }
    }
}

private struct ExpressionParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    /// Parentheses and negations open around the current position.
    var depth = 0
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// Enters one more level of nesting, or refuses beyond `Expression.maximumDepth`.
    mutating func nest() throws(TemplateError) {
        depth += 1
        guard depth <= Expression.maximumDepth else {
            throw TemplateError(message: "parentheses and minus signs are nested more than \(Expression.maximumDepth) deep", offset: position)
        }
    }

    mutating func skipSpaces() { while position < scalars.count, scalars[position] == " " { position += 1 } }

    mutating func parseSum() throws(TemplateError) -> Expression {
        var left = try parseProduct()
        while true {
            skipSpaces()
            guard position < scalars.count, scalars[position] == "+" || scalars[position] == "-" else { return left }
            let op: Expression.Operator = scalars[position] == "+" ? .add : .subtract
            position += 1
            left = .binary(op, left, try parseProduct())
        }
    }

    mutating func parseProduct() throws(TemplateError) -> Expression {
        var left = try parseFactor()
        while true {
            skipSpaces()
            guard position < scalars.count, scalars[position] == "*" || scalars[position] == "/" else { return left }
            let op: Expression.Operator = scalars[position] == "*" ? .multiply : .divide
            position += 1
            left = .binary(op, left, try parseFactor())
        }
    }

    mutating func parseFactor() throws(TemplateError) -> Expression {
        skipSpaces()
        guard position < scalars.count else { throw TemplateError(message: "the expression ends where a number, a fact or '(' is expected", offset: position) }
        let c = scalars[position]
        if c == "(" {
            try nest()
            defer { depth -= 1 }
            position += 1
            let e = try parseSum()
            skipSpaces()
            guard position < scalars.count, scalars[position] == ")" else { throw TemplateError(message: "expected ')'", offset: position) }
            position += 1
            return e
        }
        if c == "-" {
            try nest()
            defer { depth -= 1 }
            position += 1
            return .negate(try parseFactor())
        }
        let start = position
        if c.properties.numericType != nil && c.isASCII || c == "." {
            while position < scalars.count, scalars[position].isASCII, scalars[position].properties.numericType != nil || scalars[position] == "." { position += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<position]))
            guard let n = Exact(decimal: text) else { throw TemplateError(message: "'\(text)' is not a decimal number", offset: start) }
            return .number(n)
        }
        if c.properties.isAlphabetic || c == "_" {
            while position < scalars.count, scalars[position].properties.isAlphabetic || scalars[position] == "_" || (scalars[position].isASCII && scalars[position].properties.numericType != nil) { position += 1 }
            return .fact(String(String.UnicodeScalarView(scalars[start..<position])))
        }
        throw TemplateError(message: "unexpected '\(c)'; expected a number, a fact or '('", offset: position)
    }
}
