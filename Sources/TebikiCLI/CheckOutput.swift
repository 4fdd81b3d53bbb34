import TebikiCheck
import TebikiEngine
import TebikiModel

/// `check`'s output for people and for programs. Pure functions of the report.
package enum CheckOutput {
    /// For people: diagnostics grouped by file, then a summary line. `colour` adds ANSI colours
    /// (only when standard output is a terminal).
    package static func text(_ report: CheckReport, colour: Bool) -> String {
        let paint = { (code: String, s: String) in colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var groups: [String: [Diagnostic]] = [:]
        for d in report.diagnostics { groups[d.location?.file ?? "", default: []].append(d) }
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
