import TebikiModel

/// Expressions, state references and citations.
extension LoadContext {
    /// An exact arithmetic expression over integer and decimal facts.
    func expression(_ node: YNode, _ what: String) -> Expression? {
        guard let t = text(node, what) else { return nil }
        switch Expression.parse(t.value) {
        case .failure(let problem):
            error(.contentBadExpression, at: node.location(offset: problem.offset),
                  "\(what) is not a valid expression: \(problem.message)",
                  explanation: "Expressions use + - * /, parentheses, decimal numbers and fact ids.")
            return nil
        case .success(let expression):
            for (name, offset) in ExpressionScan.identifiers(t.value) {
                // The exact column is found only for a diagnostic (it reads the line again).
                guard let signature = fact(name, at: node.location(offset: offset), what), let type = signature.type else { continue }
                if type != .integer && type != .decimal {
                    error(.contentBadExpression, at: node.location(offset: offset),
                          "fact '\(name)' in \(what) is a \(type == .enumeration ? "enum" : type.rawValue) fact; expressions read integer and decimal facts")
                }
            }
            return expression
        }
    }

    /// A state written `machine.state`; both parts are checked at the end.
    func stateReference(_ node: YNode, _ what: String) -> StateReference? {
        guard let t = id(node, what) else { return nil }
        let parts = t.value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            error(.contentInvalidValue, at: t.location, "\(what) must name a state as machine.state, found '\(t.value)'")
            return nil
        }
        let reference = StateReference(machine: String(parts[0]), state: String(parts[1]))
        refer(.machine, Located(value: reference.machine, location: t.location), .words(what))
        referState(machine: reference.machine, state: reference.state, in: node, offset: parts[0].unicodeScalars.count + 1, .words(what))
        return reference
    }

    /// A sequence of `machine.state` references.
    func stateReferences(_ node: YNode, _ what: String) -> [StateReference]? {
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { stateReference($0, "an item of \(what)") }
    }

    /// A citation of a seed page: `{page, line, quote, decision}`.
    func citation(_ node: YNode, _ what: String) -> SourceCitation? {
        guard let f = fields(node, what, required: ["page", "line", "quote"], optional: ["decision"]) else { return nil }
        let page = id(f, "page")
        if let page { refer(.page, page, .key("page", of: what)) }
        var line = integer(f, "line")
        if let l = line, l < 1, let n = f["line"] {
            error(.contentInvalidValue, at: n.location, "'line' of \(what) must be 1 or more (lines are 1-based), found \(l)")
            line = nil
        }
        let quote = text(f, "quote")
        if let quote, quote.value.unicodeScalars.allSatisfy({ $0.isWhiteSpace }) {
            error(.contentInvalidValue, at: quote.location, "'quote' of \(what) is empty; quote the exact words of the page")
        }
        let decision = text(f, "decision")
        if let d = decision, !(d.value.count >= 2 && d.value.first == "D" && d.value.dropFirst().allSatisfy(\.isASCII) && Int(d.value.dropFirst()) != nil) {
            error(.contentInvalidValue, at: d.location, "'decision' of \(what) must name a decision such as D11, found '\(d.value)'")
        }
        guard let page, let line, let quote else { return nil }
        return SourceCitation(page: page.value, line: line, quote: quote.value, decision: decision?.value)
    }

    func expression(_ f: Fields, _ key: String) -> Expression? { f[key].flatMap { expression($0, "'\(key)' of \(f.what)") } }
    func stateReference(_ f: Fields, _ key: String) -> StateReference? { f[key].flatMap { stateReference($0, "'\(key)' of \(f.what)") } }
    func stateReferences(_ f: Fields, _ key: String) -> [StateReference]? { f[key].flatMap { stateReferences($0, "'\(key)' of \(f.what)") } }
    func citation(_ f: Fields, _ key: String) -> SourceCitation? { f[key].flatMap { citation($0, "'\(key)' of \(f.what)") } }

    /// Reads a reference to an element of `kind` under `key` and records it for the final check.
    @discardableResult
    func reference(_ f: Fields, _ key: String, to kind: ElementKind) -> Located<String>? {
        guard let r = id(f, key) else { return nil }
        refer(kind, r, .key(key, of: f.what))
        return r
    }

    /// Reads a list of references to elements of `kind` under `key`.
    func references(_ f: Fields, _ key: String, to kind: ElementKind) -> [Located<String>]? {
        guard let list = idList(f, key) else { return nil }
        for r in list { refer(kind, r, .key(key, of: f.what)) }
        return list
    }
}

/// Finds the fact ids of a well-formed expression with their offsets (the model's parser keeps none).
enum ExpressionScan {
    /// Each identifier and its 0-based scalar offset, in order.
    static func identifiers(_ source: String) -> [(name: String, offset: Int)] {
        let s = Array(source.unicodeScalars)
        var result: [(name: String, offset: Int)] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.isASCII && c.properties.numericType != nil }
        while i < s.count {
            if s[i].properties.isAlphabetic || s[i] == "_" {
                let start = i
                while i < s.count, s[i].properties.isAlphabetic || s[i] == "_" || isDigit(s[i]) { i += 1 }
                result.append((ScalarText.string(s[start..<i]), start))
            } else if isDigit(s[i]) || s[i] == "." {
                while i < s.count, isDigit(s[i]) || s[i] == "." { i += 1 }
            } else {
                i += 1
            }
        }
        return result
    }
}
