/// A problem found by any stage, as data: printing it is someone else's job.
public struct Diagnostic: Sendable, Hashable, Comparable {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// error, warning or note.
    public var severity: Severity
    /// A stable identifier, such as `content.unknown-key` or `check.irreversible-without-refund`.
    public var id: String
    /// Where the problem is, when it has a place.
    public var location: SourceLocation?
    /// One line that says what is wrong and what is expected.
    public var summary: String
    /// Further explanation, may be empty.
    public var explanation: String
    /// A close known name, for "did you mean".
    public var suggestion: String?
    /// A concrete scenario that shows the problem, as a JSON object in `explain`'s input format.
    public var counterexample: String?
    /// Other places the problem involves (the second dialog, the overlapping row).
    public var related: [SourceLocation]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ id: String, at location: SourceLocation?, _ summary: String,
        explanation: String = "", suggestion: String? = nil, counterexample: String? = nil,
        related: [SourceLocation] = []
    ) {
        self.severity = severity
        self.id = id
        self.location = location
        self.summary = summary
        self.explanation = explanation
        self.suggestion = suggestion
        self.counterexample = counterexample
        self.related = related
    }

    /// Sorted by place, then identifier, so that output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let la = a.location ?? .unknown, lb = b.location ?? .unknown
        if la != lb { return la < lb }
        if a.id != b.id { return a.id < b.id }
        return a.summary < b.summary
    }

    /// `file:line:col: error: summary (did you mean 'x'?) [id]`.
    public var oneLine: String {
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
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// The closest candidate to `name` by edit distance, if it is close enough to be a likely typo.
public func nearestName(to name: String, in candidates: some Sequence<String>) -> String? {
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
