/// The stages of the commands, in one visible order: load → check the model → render → check
/// the pages → write (`explain` evaluates a scenario between loading and rendering). Every
/// diagnostic belongs to one (`DiagnosticRule.stage`), and a failure names its stage.
package enum Stage: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case load, checkModel, evaluate, render, checkPages, write

    /// The stage's name in messages (`tebiki: load: …`); both checks are `check`.
    package var description: String {
        switch self {
        case .load: "load"
        case .checkModel, .checkPages: "check"
        case .evaluate: "evaluate"
        case .render: "render"
        case .write: "write"
        }
    }
}

/// A problem found by any stage, as data: printing it is someone else's job.
package struct Diagnostic: Sendable, Hashable, Comparable {
    /// How bad the problem is.
    package enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// The kind of problem, which gives its identifier, severity and stage.
    package var rule: DiagnosticRule
    /// error, warning or note: the rule's.
    package var severity: Severity { rule.severity }
    /// The rule's stable identifier, such as `content.unknown-key` or `check.steps.irreversible-without-refund`.
    package var id: String { rule.id }
    /// The stage that found it.
    package var stage: Stage { rule.stage }
    /// Where the problem is, when it has a place.
    package var location: SourceLocation?
    /// One line that says what is wrong and what is expected.
    package var summary: String
    /// Further explanation, may be empty.
    package var explanation: String
    /// A close known name, for "did you mean".
    package var suggestion: String?
    /// A concrete scenario that shows the problem, as a JSON object in `explain`'s input format.
    package var counterexample: String?
    /// Other places the problem involves (the second dialog, the overlapping row).
    package var related: [SourceLocation]

    /// Creates a diagnostic of `rule`.
    package init(
        _ rule: DiagnosticRule, at location: SourceLocation?, _ summary: String,
        explanation: String = "", suggestion: String? = nil, counterexample: String? = nil,
        related: [SourceLocation] = []
    ) {
        self.rule = rule
        self.location = location
        self.summary = summary
        self.explanation = explanation
        self.suggestion = suggestion
        self.counterexample = counterexample
        self.related = related
    }

    /// Sorted by place, then identifier, so that output is stable.
    package static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let la = a.location ?? .unknown, lb = b.location ?? .unknown
        if la != lb { return la < lb }
        if a.id != b.id { return a.id < b.id }
        return a.summary < b.summary
    }

    /// `file:line:col: error: summary (did you mean 'x'?) [id]`.
    package var oneLine: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "\(severity.rawValue): \(summary)"
        if let suggestion { s += " (did you mean '\(suggestion)'?)" }
        s += " [\(id)]"
        return s
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    package var hasErrors: Bool { contains { $0.severity == .error } }
}

/// The closest candidate to `name` by edit distance, if it is close enough to be a likely typo.
package func nearestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let a = Array(name.lowercased().unicodeScalars)
    var best: (String, Int)?
    for candidate in candidates {
        let d = editDistance(a, Array(candidate.lowercased().unicodeScalars))
        if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) { best = (candidate, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(1, min(3, (max(a.count, candidate.unicodeScalars.count) + 2) / 4))
    return distance <= limit ? candidate : nil
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = Swift.min(current[j], twoBack[j - 2] + 1)
            }
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[b.count]
}
