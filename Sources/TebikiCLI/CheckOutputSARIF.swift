import TebikiCheck
import TebikiEngine
import TebikiModel

/// `check --format sarif`: SARIF 2.1.0 for code-scanning tools. One run; the tool's rules are
/// those reported, as `DiagnosticRule` defines them; each result has its location, related
/// locations, the counterexample as a property, and a partial fingerprint that survives the
/// problem moving to another line.
package enum CheckOutputSARIF {
    package static func log(_ report: CheckReport) -> JSON {
        let rules = Set(report.diagnostics.map(\.rule)).sorted { $0.id < $1.id }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        let ruleObjects: [JSON] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.explanation))])),
                ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ])
        }
        let results: [JSON] = report.diagnostics.map { d in
            var message = d.summary
            if let s = d.suggestion { message += " (did you mean '\(s)'?)" }
            if !d.explanation.isEmpty { message += "\n" + d.explanation }
            var members: [(String, JSON)] = [
                ("ruleId", .string(d.id)),
                ("ruleIndex", .number(String(ruleIndex[d.rule] ?? 0))),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(message))])),
            ]
            if let l = d.location { members.append(("locations", .array([physical(l)]))) }
            if !d.related.isEmpty {
                members.append(("relatedLocations", .array(d.related.enumerated().map { k, l in
                    guard case .object(var m) = physical(l) else { return physical(l) }
                    m.insert(("id", .number(String(k + 1))), at: 0)
                    return .object(m)
                })))
            }
            members.append(("partialFingerprints", .object([("tebiki/v1", .string(fingerprint(d)))])))
            if let c = CheckOutput.counterexample(d) { members.append(("properties", .object([("counterexample", c)]))) }
            return .object(members)
        }
        let run: JSON = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("tebiki")),
                ("rules", .array(ruleObjects)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
            ("properties", .object([
                ("classesChecked", .number(String(report.classesChecked))),
                ("scenariosChecked", .number(String(report.scenariosChecked))),
                ("stepListsChecked", .number(String(report.claimsChecked))),
            ])),
        ])
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    private static func level(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private static func physical(_ l: SourceLocation) -> JSON {
        var region: [(String, JSON)] = []
        if l.line > 0 { region.append(("startLine", .number(String(l.line)))) }
        if l.column > 0 { region.append(("startColumn", .number(String(l.column)))) }
        var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(l.file))]))]
        if !region.isEmpty { physical.append(("region", .object(region))) }
        return .object([("physicalLocation", .object(physical))])
    }

    /// FNV-1a (64 bit) of the identifier, the file and the summary: stable when lines move.
    static func fingerprint(_ d: Diagnostic) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(d.id)\u{0}\(d.location?.file ?? "")\u{0}\(d.summary)".utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
