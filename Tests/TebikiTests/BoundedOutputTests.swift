import Foundation
import Testing
@testable import TebikiCLI
import TebikiCheck
import TebikiModel

/// Unbounded input and output (issue 15): `explain --scenario -` read an endless stream to its end,
/// and 5 million unknown keys printed 5 million errors; `check` printed every diagnostic of a rule.
@Suite("Scenario input is read with a cap; text output shows a few diagnostics per rule")
struct BoundedOutputTests {
    /// Runs `tebiki explain --scenario FILE` on the real content.
    func explain(scenarioFile: String) throws -> (status: Int32, out: String, err: String) {
        try TestTools.run(try TestTools.tebiki(), ["explain", "--content", repositoryRoot + "/content", "--scenario", scenarioFile])
    }

    @Test("a scenario larger than 1 MiB, or an endless one, is refused after reading at most 1 MiB",
          arguments: ["/dev/zero", "big"])
    func tooLarge(_ name: String) throws {
        var path = name
        if name == "big" {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-big-\(UUID().uuidString).json").path
            let padding = String(repeating: " ", count: ScenarioInput.maximumBytes)
            try #"{"product": "ssl-certificate"}"#.appending(padding).write(toFile: path, atomically: false, encoding: .utf8)
        }
        defer { if name == "big" { try? FileManager.default.removeItem(atPath: path) } }
        let run = try explain(scenarioFile: path)
        #expect(run.status == 1, "exit \(run.status)")
        #expect(run.err.contains("larger than 1048576 bytes (1 MiB)"), "\(run.err)")
    }

    @Test("thousands of unknown fields print the first five and one summary line")
    func unknownFields() throws {
        let keys = (0..<20_000).map { "\"zz\($0)\": 1" }.joined(separator: ", ")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-keys-\(UUID().uuidString).json").path
        try "{\(keys)}".write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try explain(scenarioFile: path)
        #expect(run.status == 1)
        let lines = run.err.split(separator: "\n")
        #expect(lines.filter { $0.contains(": unknown field") }.count == ScenarioInput.unknownFieldsShown, "\(lines.prefix(8))")
        #expect(lines.contains { $0.hasSuffix("... and 19995 more unknown fields") }, "\(lines.suffix(3))")
        #expect(lines.count < 20, "\(lines.count) lines")
    }

    @Test("text output shows at most five diagnostics of a rule, then how many more; JSON keeps all")
    func perRule() {
        let many = (1...12).map { Diagnostic(.checkTableGap, at: SourceLocation(file: "rules.yaml", line: $0, column: 1), "gap \($0)") }
        let one = Diagnostic(.checkEngineFailure, at: nil, "the engine cannot decide")
        let report = CheckReport(diagnostics: many + [one], classesChecked: 1, scenariosChecked: 1)
        let text = CheckOutput.text(report, colour: false)
        #expect((1...5).allSatisfy { text.contains("gap \($0) ") } && !text.contains("gap 6 "), "\(text)")
        #expect(text.contains("... and 7 more [\(DiagnosticRule.checkTableGap.id)]"), "\(text)")
        #expect(text.contains("the engine cannot decide"))
        #expect(text.contains("13 errors"), "the summary counts every diagnostic: \(text)")
        let lines = CheckOutput.lines(many)
        #expect(lines.split(separator: "\n").count == 6 && lines.hasSuffix("... and 7 more [\(DiagnosticRule.checkTableGap.id)]\n"))
        if case .array(let all)? = CheckOutput.json(report)["diagnostics"] { #expect(all.count == 13) } else { Issue.record("no diagnostics array") }
    }

    @Test("a value above a fact's maximum says maximum-side words, not \"the minimum\"")
    func aboveMaximum() throws {
        let run = try TestTools.run(try TestTools.tebiki(), ["explain", "--content", repositoryRoot + "/content",
            "--product", "ssl-certificate", "--paid-on", "2025-12-01", "--requested-on", "2025-12-02", "--cash-paid", "30.00",
            "--certificate-status", "issued", "--validity-years", "4"])
        #expect(run.status == 1)
        #expect(run.err.contains("validity_years") && run.err.contains("above the limit; expected at most"), "\(run.err)")
        #expect(!run.err.contains("minimum"), "\(run.err)")
    }
}
