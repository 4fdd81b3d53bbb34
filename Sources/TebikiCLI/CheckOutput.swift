import TebikiCheck
import TebikiEngine
import TebikiModel

/// `check`'s output for people and for programs. Pure functions of the report.
package enum CheckOutput {
    /// For people: diagnostics grouped by file, then a summary line. `colour` adds ANSI colours
    /// (only when standard output is a terminal).
    /// The text output shows at most this many diagnostics of one rule, then a line with how many
    /// more there are (JSON and SARIF keep every one).
    package static let shownPerRule = 5

    /// The diagnostics to show, at most `shownPerRule` per rule (the first ones, in order), and per
    /// rule left out, how many.
    package static func shown(_ diagnostics: [Diagnostic]) -> (shown: [Diagnostic], more: [(id: String, count: Int)]) {
        var seen: [String: Int] = [:], order: [String] = []
        var shown: [Diagnostic] = []
        for d in diagnostics {
            if seen[d.id] == nil { order.append(d.id) }
            seen[d.id, default: 0] += 1
            if seen[d.id]! <= shownPerRule { shown.append(d) }
        }
        return (shown, order.compactMap { id in seen[id]! > shownPerRule ? (id, seen[id]! - shownPerRule) : nil })
    }

    /// `... and 12 more [content.unknown-field]`.
    package static func moreLine(_ id: String, _ count: Int) -> String { "... and \(count) more [\(id)]" }

    /// One line per diagnostic (`Diagnostic.oneLine`), at most `shownPerRule` per rule, then the
    /// summary lines of the rules cut short.
    package static func lines(_ diagnostics: [Diagnostic]) -> String {
        let (shown, more) = shown(diagnostics)
        return shown.map { $0.oneLine + "\n" }.joined() + more.map { moreLine($0.id, $0.count) + "\n" }.joined()
    }

    package static func text(_ report: CheckReport, colour: Bool) -> String {
        let paint = { (code: String, s: String) in colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let (shown, more) = shown(report.diagnostics)
        var groups: [String: [Diagnostic]] = [:]
        for d in shown { groups[d.location?.file ?? "", default: []].append(d) }
        var out = ""
        for file in groups.keys.sorted() {
            out += paint("1", file.isEmpty ? "(no file)" : file) + "\n"
            for d in groups[file]! {
                let place = d.location.map { "\($0.line):\($0.column)" } ?? "-"
                let severity: String
                switch d.severity {
                case .error: severity = paint("1;31", "error")
                case .warning: severity = paint("1;33", "warning")
                case .note: severity = paint("1;36", "note")
                }
                out += "  \(place): \(severity): \(d.summary)"
                if let s = d.suggestion { out += " (did you mean '\(s)'?)" }
                out += " " + paint("2", "[\(d.id)]") + "\n"
                for line in d.explanation.split(separator: "\n") where !line.isEmpty { out += "      \(line)\n" }
                if let c = d.counterexample { out += "      scenario: \(c)\n" }
                for r in d.related { out += "      see also: \(r)\n" }
            }
            out += "\n"
        }
        for (id, count) in more { out += moreLine(id, count) + " (--format json lists all)\n" }
        if !more.isEmpty { out += "\n" }
        out += summary(report) + "\n"
        return out
    }

    /// `checked 4832 scenario classes (8016 scenarios), 12 step lists: 0 errors, 1 warning`.
    package static func summary(_ report: CheckReport) -> String {
        let e = report.count(.error), w = report.count(.warning)
        var s = "checked \(report.classesChecked) scenario classes (\(report.scenariosChecked) scenarios)"
        if report.claimsChecked > 0 { s += ", \(report.claimsChecked) step lists" }
        return s + ": \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    }

    /// For programs: one object with the counts and every diagnostic.
    package static func json(_ report: CheckReport) -> JSON {
        .object([
            ("classes_checked", .number(String(report.classesChecked))),
            ("scenarios_checked", .number(String(report.scenariosChecked))),
            ("step_lists_checked", .number(String(report.claimsChecked))),
            ("errors", .number(String(report.count(.error)))),
            ("warnings", .number(String(report.count(.warning)))),
            ("diagnostics", .array(report.diagnostics.map(diagnostic))),
        ])
    }

    static func diagnostic(_ d: Diagnostic) -> JSON {
        var members: [(String, JSON)] = [
            ("id", .string(d.id)),
            ("severity", .string(d.severity.rawValue)),
            ("location", d.location.map(location) ?? .null),
            ("summary", .string(d.summary)),
            ("explanation", .string(d.explanation)),
            ("suggestion", JSON.text(d.suggestion)),
        ]
        members.append(("counterexample", counterexample(d) ?? .null))
        members.append(("related", .array(d.related.map(location))))
        return .object(members)
    }

    static func location(_ l: SourceLocation) -> JSON {
        .object([("file", .string(l.file)), ("line", .number(String(l.line))), ("column", .number(String(l.column)))])
    }

    /// The counterexample as a JSON object (it is one, in `explain`'s input format).
    static func counterexample(_ d: Diagnostic) -> JSON? {
        guard let text = d.counterexample else { return nil }
        return (try? JSON.parse(text)) ?? .string(text)
    }
}
