import Foundation
import TebikiCheck
import TebikiContent
import TebikiEngine
import TebikiModel
import Testing

/// The real content/ read once into memory; broken models are small textual patches of it.
enum RealContent {
    static let directory = repositoryRoot + "/content"
    static let edition = "editions/2025-12-19"

    /// Every file of content/ by path relative to it.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files[relative] = try? String(contentsOf: url, encoding: .utf8)
        }
        return files
    }()

    /// The content with `patches` applied (each must apply exactly once), loaded from memory.
    static func load(_ patches: [Patch]) -> LoadResult {
        var files = files
        for p in patches {
            let path = p.file.contains("/") || p.file == "tebiki.yaml" || p.file == "strings.yaml" ? p.file : "\(edition)/\(p.file)"
            guard let text = files[path] else { Issue.record("no content file \(path)"); continue }
            let parts = text.components(separatedBy: p.find)
            #expect(parts.count == 2, "the patch text must occur exactly once in \(path): \(p.find)")
            files[path] = parts.joined(separator: p.replace)
        }
        return ContentLoader.load(from: InMemoryContentSource(files))
    }
}

/// A textual change of one content file.
struct Patch: Sendable {
    var file: String, find: String, replace: String
    init(_ file: String, _ find: String, _ replace: String) { self.file = file; self.find = find; self.replace = replace }
}

/// A broken model: its patches and the diagnostic it must produce (with the file it must point at).
struct BrokenModel: Sendable, CustomTestStringConvertible {
    var name: String
    var patches: [Patch]
    var expected: DiagnosticRule
    var file: String
    var testDescription: String { name }
    init(_ name: String, _ patches: [Patch], _ expected: DiagnosticRule, in file: String) {
        self.name = name; self.patches = patches; self.expected = expected; self.file = file
    }
}

@Suite("Check: broken models")
struct CheckBrokenModelTests {
    static let cases: [BrokenModel] = [
        BrokenModel("a Delete step removed", [
            Patch("procedures.yaml", "      - wait-for-revocation\n      - delete-certificate\n      - request-refund\n\n  - id: ssl-revocation-under-review",
                  "      - wait-for-revocation\n      - request-refund\n\n  - id: ssl-revocation-under-review"),
        ], .checkStepsRefundRequirementUnmet, in: "procedures.yaml"),
        BrokenModel("two steps swapped", [
            Patch("procedures.yaml", "      - revoke-certificate\n      - wait-for-revocation\n", "      - wait-for-revocation\n      - revoke-certificate\n"),
        ], .checkStepsActionNotAllowed, in: "procedures.yaml"),
        BrokenModel("an irreversible step on a no-refund path", [
            Patch("rules.yaml", "then: {outcome: no-refund, reason: revocation-late}", "then: {outcome: no-refund, reason: revocation-late, procedure: ssl-issued}"),
        ], .checkStepsIrreversibleWithoutRefund, in: "rules.yaml"),
        BrokenModel("an overlapping row", [
            Patch("rules.yaml", "      - id: P-2-reset\n        when: {ca_status: reset}", "      - id: P-2-reset\n        when: {ca_status: \"enabled, reset\"}"),
        ], .checkTableOverlap, in: "rules.yaml"),
        BrokenModel("a gap in a table", [
            Patch("rules.yaml", "      - id: H-unused\n        when: {domain_added: false}", "      - id: H-unused\n        when: {domain_added: false, grcq_consumed: 0}"),
        ], .checkTableGap, in: "rules.yaml"),
        BrokenModel("a shadowed row", [
            Patch("rules.yaml", "        when: {certificate_status: none}", "        when: {certificate_status: \"none, removed\"}"),
        ], .checkTableShadowedRow, in: "rules.yaml"),
        BrokenModel("conflicting rows", [
            Patch("rules.yaml", "      - id: S-6-removed\n", """
                      - id: S-6-removed-conflict
                        when: {certificate_status: removed}
                        then: {outcome: no-refund, reason: late-request}
                        source: {page: "001", line: 57, quote: "その後、返金をリクエストできます。"}
                      - id: S-6-removed

                """),
        ], .checkTableConflictingRows, in: "rules.yaml"),
        BrokenModel("a wait that outlasts the window without a warning", [
            Patch("machines.yaml", "must_end_in_window: true, warning: revocation-may-end-late}", "must_end_in_window: true}"),
        ], .checkStepsWaitWithoutWarning, in: "machines.yaml"),
        BrokenModel("an empty English label (the loader's diagnostic)", [
            Patch("glossary.yaml", "label: {ja: 払い戻し, en: Refund}", "label: {ja: 払い戻し, en: \"\"}"),
        ], .contentMissingTranslation, in: "glossary.yaml"),
        BrokenModel("a step naming an unknown UI element (the loader's diagnostic)", [
            Patch("machines.yaml", "{DLG-TIP} ダイアログボックスで、{BTN-CONFIRMDELETE} をクリックします。", "{DLG-TIP} ダイアログボックスで、{BTN-CONFIRMDELET} をクリックします。"),
            Patch("machines.yaml", "In the {DLG-TIP} dialog box, click {BTN-CONFIRMDELETE}.", "In the {DLG-TIP} dialog box, click {BTN-CONFIRMDELET}."),
        ], .contentUnknownReference, in: "machines.yaml"),
        BrokenModel("a near-miss of a glossary term (GRRQ for GRCQ)", [
            Patch("products.yaml", "how much gateway resource calculation quantity (GRCQ) has been consumed", "how much gateway resource calculation quantity (GRRQ) has been consumed"),
        ], .checkTextNearMissTerm, in: "products.yaml"),
    ]

    /// The loader's diagnostics, then the checker's when a model loads.
    static func diagnostics(_ c: BrokenModel) -> [Diagnostic] {
        let loaded = RealContent.load(c.patches)
        guard let model = loaded.model else { return loaded.diagnostics }
        return loaded.diagnostics + Checker(model: model).check().diagnostics
    }

    @Test("every broken model is caught with its diagnostic, and its counterexample shows the problem", arguments: cases)
    func caught(_ c: BrokenModel) throws {
        let loaded = RealContent.load(c.patches)
        let found = loaded.diagnostics + (loaded.model.map { Checker(model: $0).check().diagnostics } ?? [])
        let hit = try #require(found.first { $0.rule == c.expected && $0.severity == .error },
                               "expected \(c.expected); got \(found.map(\.oneLine))")
        #expect(hit.location?.file.hasSuffix(c.file) == true, "\(hit.oneLine) should point into \(c.file)")
        guard let model = loaded.model, c.expected.id.hasPrefix("check.steps") || c.expected.id.hasPrefix("check.table"),
              c.expected != .checkTableConflictingRows   // a property of two rows, not of a scenario
        else { return }
        let json = try #require(hit.counterexample, "\(c.expected) carries a counterexample")
        let scenario = try ScenarioDecoder(model: model).decode(json: json).get()
        let outcome = Result { () throws(EngineFailure) in try Engine(model: model).evaluate(scenario) }
        switch c.expected {
        case .checkTableGap:
            #expect(throws: EngineFailure.self) { try outcome.get() }
        case .checkTableOverlap:
            guard case .failure(let f) = outcome else { Issue.record("the engine decided \(json)"); return }
            #expect(f.message.contains("overlapping"))
        case .checkStepsWaitWithoutWarning:
            let d = try outcome.get()
            #expect(d.actions.contains { $0.action == "wait-for-revocation" })
            #expect(!d.warnings.contains { $0.warning == "revocation-may-end-late" })
        case .checkStepsIrreversibleWithoutRefund:
            #expect(try outcome.get().outcome == "no-refund")
            #expect(try outcome.get().actions.isEmpty)
        case .checkStepsRefundRequirementUnmet, .checkStepsActionNotAllowed:
            #expect(try outcome.get().actions.contains { $0.action == "revoke-certificate" })
        default:
            _ = try outcome.get()
        }
    }

    @Test("the real content passes the same loader and checker with no errors")
    func realContentPasses() {
        let loaded = RealContent.load([])
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.oneLine) == [])
        guard let model = loaded.model else { Issue.record("content/ does not load"); return }
        #expect(Checker(model: model).check().diagnostics.filter { $0.severity == .error }.map(\.oneLine) == [])
    }
}
