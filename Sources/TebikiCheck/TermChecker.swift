import TebikiModel

/// Terms come from the glossary: an upper-case term written in a text (GRRQ) that is one letter
/// away from a term of the glossary's labels (GRCQ) is a misspelling.
struct TermChecker {
    let model: Model

    func run() -> [Diagnostic] {
        var vocabulary = Set<String>()
        for element in model.glossary {
            for label in element.label.values.values { vocabulary.formUnion(Self.terms(in: label)) }
        }
        guard !vocabulary.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let texts = ModelTexts(model: model)
        var byLength: [Int: [String]] = [:]
        for term in vocabulary.sorted() { byLength[term.unicodeScalars.count, default: []].append(term) }
        var nearest: [String: String?] = [:]   // each unknown term is compared with the vocabulary once
        func scan(_ text: String, at location: SourceLocation, owner: String) {
            for term in Self.terms(in: text).sorted() where !vocabulary.contains(term) {
                if nearest[term] == nil {
                    nearest[term] = .some(byLength[term.unicodeScalars.count]?.first { Self.differsByOne($0, term) })
                }
                guard let near = nearest[term] ?? nil else { continue }
                out.append(Diagnostic(.checkTextNearMissTerm, at: location,
                                      "\(owner) writes '\(term)', which is not a glossary term; the glossary has '\(near)'",
                                      explanation: "Write the glossary's term, or add the new term to the glossary.", suggestion: near))
            }
        }
        for t in texts.templates {
            for (language, template) in t.template.templates.sorted(by: { $0.key < $1.key }) {
                let words = template.segments.map { if case .text(let s) = $0 { s } else { " " } }.joined()
                scan(words, at: t.template.source.location(language, or: t.location), owner: "the \(language) text of \(t.owner)")
            }
        }
        for p in texts.plain {
            for (language, text) in p.text.values.sorted(by: { $0.key < $1.key }) {
                scan(text, at: p.text.location(language, or: p.location), owner: "the \(language) text of \(p.owner)")
            }
        }
        return out
    }

    /// Upper-case ASCII words of three or more letters (GRCQ, PCA, HTTPS).
    static func terms(in text: String) -> Set<String> {
        var found = Set<String>()
        var word = ""
        func flush() {
            if word.unicodeScalars.count >= 3, word.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) { found.insert(word) }
            word = ""
        }
        for s in text.unicodeScalars {
            if s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) { word.unicodeScalars.append(s) } else { flush() }
        }
        flush()
        return found
    }

    /// Same length, exactly one letter different (or two neighbours swapped).
    static func differsByOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count == y.count else { return false }
        let diff = x.indices.filter { x[$0] != y[$0] }
        if diff.count == 1 { return true }
        return diff.count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]
    }
}
