import Foundation
import TebikiCheck
import TebikiEngine
import TebikiModel
import Testing
@testable import TebikiCLI

/// `check`'s output formats and exit statuses.
@Suite("Check: output and exit status")
struct CheckOutputTests {
    static let report = CheckReport(
        diagnostics: [
            Diagnostic(.checkTableGap, at: SourceLocation(file: "content/editions/x/rules.yaml", line: 12, column: 5),
                       "no row of table 'private-ca' matches a possible scenario", explanation: "Add a row.",
                       counterexample: #"{"product":"private-ca","ca_status":"reset"}"#),
            Diagnostic(.checkDialogInconsistentConfirmation, at: SourceLocation(file: "content/editions/x/machines.yaml", line: 3, column: 7),
                       "action 'request-refund' is confirmed in 2 different dialogs",
                       related: [SourceLocation(file: "content/editions/x/machines.yaml", line: 9, column: 7)]),
            Diagnostic(.checkEngineFailure, at: nil, "the engine cannot decide a possible scenario"),
        ],
        classesChecked: 42, scenariosChecked: 80)

    @Test("text: grouped by file, with the counterexample, the related place and the counts")
    func text() {
        let out = CheckOutput.text(Self.report, colour: false)
        #expect(!out.contains("\u{1B}["))
        #expect(out.contains("content/editions/x/machines.yaml\n  3:7: warning: action 'request-refund'"))
        #expect(out.contains("content/editions/x/rules.yaml\n  12:5: error: no row of table 'private-ca'"))
        #expect(out.contains(#"      scenario: {"product":"private-ca","ca_status":"reset"}"#))
        #expect(out.contains("      see also: content/editions/x/machines.yaml:9:7"))
        #expect(out.contains("(no file)\n  -: error: the engine cannot decide"))
        #expect(out.hasSuffix("checked 42 scenario classes (80 scenarios): 2 errors, 1 warning\n"))
        let files = out.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty && !$0.hasPrefix("checked") }
        #expect(files == ["(no file)", "content/editions/x/machines.yaml", "content/editions/x/rules.yaml"])
    }

    @Test("text: colour only when asked (a terminal)")
    func colour() {
        let out = CheckOutput.text(Self.report, colour: true)
        #expect(out.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(out.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
    }

    @Test("json: counts and diagnostics, the counterexample as an object")
    func json() throws {
        let text = CheckOutput.json(Self.report).serialized()
        let parsed = try JSON.parse(text)
        #expect(parsed["classes_checked"] == .number("42"))
        #expect(parsed["errors"] == .number("2"))
        guard case .array(let ds)? = parsed["diagnostics"] else { Issue.record("no diagnostics"); return }
        #expect(ds.count == 3)
        #expect(ds[0]["counterexample"]?["ca_status"] == .string("reset"))
        #expect(ds[0]["location"]?["line"] == .number("12"))
        #expect(ds[2]["location"] == .null)
    }

    @Test("sarif: 2.1.0 with rules, results, locations and fingerprints")
    func sarif() throws {
        let log = try JSON.parse(CheckOutputSARIF.log(Self.report).serialized())
        #expect(log["version"] == .string("2.1.0"))
        guard case .array(let runs)? = log["runs"], let run = runs.first,
              case .array(let rules)? = run["tool"]?["driver"]?["rules"], case .array(let results)? = run["results"]
        else { Issue.record("no run"); return }
        let ruleIDs = rules.compactMap { if case .string(let s)? = $0["id"] { s } else { nil } }
        #expect(ruleIDs == ["check.dialog.inconsistent-confirmation", "check.engine.failure", "check.table.gap"])
        // The rules as the registry defines them.
        #expect(rules[2]["shortDescription"]?["text"] == .string(DiagnosticRule.checkTableGap.explanation))
        #expect(rules[0]["defaultConfiguration"]?["level"] == .string("warning"))
        #expect(results.count == 3)
        for r in results {
            guard case .string(let id)? = r["ruleId"], case .number(let n)? = r["ruleIndex"], let k = Int(n) else { Issue.record("bad result"); continue }
            #expect(ruleIDs[k] == id)
            guard case .string(let fp)? = r["partialFingerprints"]?["tebiki/v1"] else { Issue.record("no fingerprint"); continue }
            #expect(fp.count == 16)
        }
        let gap = try #require(results.first { $0["ruleId"] == .string("check.table.gap") })
        #expect(gap["level"] == .string("error"))
        guard case .array(let locations)? = gap["locations"] else { Issue.record("no locations"); return }
        #expect(locations[0]["physicalLocation"]?["artifactLocation"]?["uri"] == .string("content/editions/x/rules.yaml"))
        #expect(locations[0]["physicalLocation"]?["region"]?["startLine"] == .number("12"))
        #expect(gap["properties"]?["counterexample"]?["product"] == .string("private-ca"))
        let dialog = try #require(results.first { $0["ruleId"] == .string("check.dialog.inconsistent-confirmation") })
        #expect(dialog["level"] == .string("warning"))
        guard case .array(let related)? = dialog["relatedLocations"] else { Issue.record("no related"); return }
        #expect(related.count == 1)
    }

    @Test("a fingerprint survives the problem moving to another line")
    func fingerprintStable() {
        var moved = Self.report.diagnostics[0]
        moved.location?.line += 10
        #expect(CheckOutputSARIF.fingerprint(moved) == CheckOutputSARIF.fingerprint(Self.report.diagnostics[0]))
        #expect(CheckOutputSARIF.fingerprint(Self.report.diagnostics[1]) != CheckOutputSARIF.fingerprint(Self.report.diagnostics[0]))
    }

    /// Runs `tebiki check` in-process with its output captured away; returns the exit status.
    static func exitStatus(_ arguments: [String]) -> Int32 {
        do {
            var command = try TebikiCommand.parseAsRoot(["check"] + arguments)
            try command.run()
            return 0
        } catch {
            return TebikiCommand.exitCode(for: error).rawValue
        }
    }

    @Test("exit status: 0 clean, 1 errors found, 2 could not run")
    func exitStatuses() throws {
        let templates = ["--templates", repositoryRoot + "/templates"]
        #expect(Self.exitStatus(["--content", RealContent.directory, "--no-site", "--format", "json"] + templates) == 0)
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-check-\(getpid())")
        defer { try? FileManager.default.removeItem(at: broken) }
        for (path, text) in RealContent.files {
            let url = broken.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let patched = path.hasSuffix("procedures.yaml") ? text.replacingOccurrences(of: "      - delete-certificate\n", with: "") : text
            try patched.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(Self.exitStatus(["--content", broken.path, "--no-site", "--format", "json"] + templates) == 1)
        #expect(Self.exitStatus(["--content", broken.path + "/nothing-here", "--no-site"] + templates) == 2)
        #expect(Self.exitStatus(["--content", RealContent.directory, "--no-site", "--templates", broken.path + "/no-templates"]) == 2)
    }

    @Test("a site on disk edited by hand after the build fails the check (exit 1)")
    func editedSiteOnDisk() throws {
        let site = try CheckPageTests.realSite()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-check-site-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let claim = try #require(site.claims.first { c in
            c.path.hasSuffix(".html") && c.language == "ja" && site.pages.contains { $0.path == c.path && $0.contents.contains(">払い戻し</strong>") }
        })
        for page in site.pages {
            let url = directory.appendingPathComponent(page.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = page.path == claim.path ? page.contents.replacingOccurrences(of: ">払い戻し</strong>", with: ">返金</strong>") : page.contents
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let pages = try Pipeline.readSite(directory: directory.path)
        #expect(pages.count == site.pages.filter { $0.path.hasSuffix(".md") || $0.path.hasSuffix(".html") }.count)
        let found = Checker(model: realModel).checkPages(pages, claims: site.claims, siteDirectory: directory.path)
        #expect(found.contains { $0.id == "check.page.step-differs" && $0.location?.file == directory.path + "/" + claim.path })
        #expect(Self.exitStatus(["--content", RealContent.directory, "--templates", repositoryRoot + "/templates",
                                 "--site", directory.path, "--format", "sarif"]) == 1)
    }
}
