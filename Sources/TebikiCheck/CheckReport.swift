import TebikiModel

/// What `Checker` found: the diagnostics, and how much it proved.
package struct CheckReport: Sendable, Hashable {
    /// Every problem, sorted by place then identifier; the same problem found for many scenario
    /// classes is reported once, with the first counterexample.
    package var diagnostics: [Diagnostic]
    /// The scenario classes whose decisions and procedures were checked (every one the tables distinguish).
    package var classesChecked: Int
    /// The concrete scenarios evaluated (a class has one or two: the window's boundaries).
    package var scenariosChecked: Int
    /// The step lists of generated pages read back and compared with the model.
    package var claimsChecked: Int

    /// Creates a report.
    package init(diagnostics: [Diagnostic], classesChecked: Int, scenariosChecked: Int, claimsChecked: Int = 0) {
        self.diagnostics = diagnostics; self.classesChecked = classesChecked
        self.scenariosChecked = scenariosChecked; self.claimsChecked = claimsChecked
    }

    /// True when at least one diagnostic is an error: nothing may be published.
    package var hasErrors: Bool { diagnostics.hasErrors }

    /// How many diagnostics have `severity`.
    package func count(_ severity: Diagnostic.Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }

    /// The report with more diagnostics (the pages of a site on disk) and the step lists they checked,
    /// the same problem at the same place still reported once.
    package func adding(_ more: [Diagnostic], claimsChecked claims: Int = 0) -> CheckReport {
        CheckReport(diagnostics: CheckReport.merged(diagnostics + more), classesChecked: classesChecked,
                    scenariosChecked: scenariosChecked, claimsChecked: claimsChecked + claims)
    }

    /// The same problem at the same place once (the first counterexample kept), sorted.
    static func merged(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Key: Hashable { var id: String; var location: SourceLocation?; var summary: String }
        var firstIndex: [Key: Int] = [:]
        var repeats: [Int] = []
        var kept: [Diagnostic] = []
        for d in diagnostics {
            let key = Key(id: d.id, location: d.location, summary: d.summary)
            if let i = firstIndex[key] { repeats[i] += 1; continue }
            firstIndex[key] = kept.count
            kept.append(d)
            repeats.append(0)
        }
        for i in kept.indices where repeats[i] > 0 {
            let more = "Found in \(repeats[i] + 1) scenarios; the counterexample is the first."
            kept[i].explanation = kept[i].explanation.isEmpty ? more : kept[i].explanation + " " + more
        }
        return kept.sorted { a, b in
            if a < b { return true }
            if b < a { return false }
            return (a.counterexample ?? "", a.explanation) < (b.counterexample ?? "", b.explanation)
        }
    }
}
