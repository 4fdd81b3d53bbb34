import Foundation
import TebikiContent
import TebikiModel
import Testing

/// The minimal content set under Fixtures/content, read once into memory; broken variants are edits of it.
enum LoaderFixture {
    /// Tests/TebikiTests.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// Fixtures/content.
    static let contentDirectory = testsDirectory.appendingPathComponent("Fixtures/content").path
    /// The repository's own content/ (three levels up from this file).
    static let realContentDirectory = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("content").path
    /// The edition folder, as locations name it.
    static let edition = "content/editions/2025-01-01"

    /// The fixture's files by path relative to the content directory.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        let root = URL(fileURLWithPath: contentDirectory)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try? String(contentsOf: url, encoding: .utf8)
        }
        return files
    }()

    /// The fixture with `edits` applied; every edit must apply exactly once.
    static func source(_ edits: [Edit] = []) -> InMemoryContentSource {
        var files = files
        for edit in edits {
            let path = ["tebiki.yaml", "strings.yaml"].contains(edit.file) ? edit.file : "editions/2025-01-01/\(edit.file)"
            guard let text = files[path] else { Issue.record("no fixture file \(path)"); continue }
            if edit.find.isEmpty {
                files[path] = nil
                continue
            }
            let parts = text.components(separatedBy: edit.find)
            #expect(parts.count == 2, "'\(edit.find)' must occur once in \(path)")
            files[path] = parts.joined(separator: edit.replace)
        }
        return InMemoryContentSource(files)
    }

    /// Loads the fixture with `edits`.
    static func load(_ edits: [Edit] = []) -> LoadResult { ContentLoader.load(from: source(edits)) }
}

/// A text replacement in one fixture file (`find` empty: delete the file).
struct Edit: Sendable {
    var file: String
    var find: String
    var replace: String
    init(_ file: String, _ find: String, _ replace: String) { self.file = file; self.find = find; self.replace = replace }
}

/// A broken variant of the fixture and the diagnostics it must give, as `id@file:line:col`.
struct BrokenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [Edit]
    var expected: [String]
    var suggestion: String?
    var testDescription: String { name }

    init(_ name: String, _ edits: [Edit], _ expected: [String], suggestion: String? = nil) {
        self.name = name; self.edits = edits; self.expected = expected; self.suggestion = suggestion
    }
    init(_ name: String, _ edit: Edit, _ expected: String, suggestion: String? = nil) {
        self.init(name, [edit], [expected], suggestion: suggestion)
    }
    init(_ name: String, _ edit: Edit, _ expected: [String], suggestion: String? = nil) {
        self.init(name, [edit], expected, suggestion: suggestion)
    }
}

/// `id@file:line:col` (or `id@-` without a location).
func brief(_ d: Diagnostic) -> String { "\(d.id)@\(d.location.map(\.description) ?? "-")" }

private let E = LoaderFixture.edition

@Suite("ContentLoader")
struct ContentLoaderTests {
    @Test("the fixture loads with no diagnostics into the expected model")
    func validFixture() throws {
        let result = LoaderFixture.load()
        #expect(result.diagnostics.map(\.oneLine) == [])
        let model = try #require(result.model)
        #expect(model.languages.map(\.id) == ["ja", "en"])
        #expect(model.sourceLanguage.id == "ja")
        #expect(result.editions.map(\.id) == ["2025-01-01"])
        #expect(result.currentEdition == "2025-01-01")
        #expect(result.baseURL == "https://help.example.com/refunds/")
        #expect(model.edition.date == CalendarDate(year: 2025, month: 1, day: 1))
        #expect(model.edition.window == Window(length: 7, unit: .calendarDays, countsFrom: "paid_on", requestFact: "requested_on"))
        #expect(model.edition.pages == ["001": "seeds/001_widget.txt"])
        #expect(model.facts.ids == ["product", "paid_on", "requested_on", "requested_in_window", "cash_paid", "units", "widget_status"])
        #expect(model.facts[id: "requested_in_window"]?.derivation == .withinWindow("requested_on"))
        #expect(model.facts[id: "units"]?.defaultValue == .integer(1))
        #expect(model.facts[id: "units"]?.minimum == .value(.integer(1)))
        #expect(model.facts[id: "widget_status"]?.values[id: "active"]?.state == StateReference(machine: "widget", state: "active"))
        #expect(model.products.ids == ["widget"])
        #expect(model.products[id: "widget"]?.refundRequires == [StateReference(machine: "widget", state: "removed")])
        #expect(model.outcomes.ids == ["full-refund", "no-refund"])
        #expect(model.outcomes.map(\.determinable) == [true, true])
        #expect(model.edition.window.requestFact == "requested_on")
        #expect(model.facts[id: "requested_in_window"]?.question?["en"] == "Is it within 7 days of payment?")
        #expect(model.facts[id: "cash_paid"]?.partitions.map(\.test) == [.oneOf([.decimal(.zero)]), .compare(.greaterThan, .value(.decimal(.zero)))])
        #expect(model.facts[id: "cash_paid"]?.partitions.map(\.sample) == [.decimal(.zero), .decimal(.one)])
        #expect(model.strings["explain.reason"]?.values == ["ja": "理由", "en": "Reason"])
        #expect(model.formulas[id: "cash-less-fee"]?.example?.result == Exact(decimal: "1.6"))
        #expect(model.glossary.ids == ["PG-WIDGETS", "BTN-REMOVE", "BTN-REFUND", "ST-ACTIVE", "ST-REMOVED", "ICN-MORE"])
        #expect(model.glossary[id: "ICN-MORE"]?.untitled == true)
        #expect(model.glossary[id: "BTN-REMOVE"]?.untitled == false)
        #expect(model.machines[id: "widget"]?.states.ids == ["active", "removed", "refunded"])
        #expect(model.machines[id: "widget"]?.actions.ids == ["remove-widget", "request-refund"])
        #expect(model.action("request-refund")?.wait == Wait(maximum: 5, unit: .businessDays, mustEndInWindow: true, warning: "may-end-late"))
        let step = try #require(model.action("remove-widget")?.steps.first)
        #expect(step.text["en"].placeholders == ["PG-WIDGETS", "BTN-REMOVE", "row"])
        #expect(step.location == SourceLocation(file: "\(E)/machines.yaml", line: 22, column: 13))
        let procedure = try #require(model.procedures[id: "widget-refund"])
        #expect(procedure.items.map(\.action) == ["remove-widget", "request-refund"])
        #expect(procedure.items.map(\.repeatCount) == [.fact("units"), nil])
        #expect(model.tables.ids == ["refund", "widget", "route"])
        let row = try #require(model.tables[id: "widget"]?.rules.first)
        #expect(row.test(for: "widget_status") == .oneOf([.symbol("active")]))
        #expect(row.test(for: "cash_paid") == .compare(.greaterThan, .value(.decimal(.zero))))
        #expect(row.test(for: "units") == .range(.integer(1), .integer(10)))
        #expect(row.source == SourceCitation(page: "001", line: 9, quote: "全額返金", decision: "D1"))
        #expect(row.result == .decide(RuleDecision(
            outcome: "full-refund", reason: "in-window", amount: "cash-less-fee", channel: "console",
            procedure: "widget-refund", warnings: ["may-end-late"])))
        #expect(model.tables[id: "refund"]?.rules.last?.result == .next("widget"))
        #expect(model.tables[id: "route"]?.rules.first?.test(for: "product") == .not(.isNull))
        let title = try #require(model.outcomes[id: "full-refund"]?.title)
        #expect(title.values == ["ja": "全額返金", "en": "Full refund"])
        #expect(title.locations["en"] == SourceLocation(file: "\(E)/outcomes.yaml", line: 3, column: 27))
    }

    @Test("the fixture read from disk gives the same model as in memory")
    func fileSystemSource() {
        let disk = ContentLoader.load(contentDirectory: LoaderFixture.contentDirectory)
        #expect(disk.diagnostics.map(\.oneLine) == [])
        #expect(disk.model != nil)
        #expect(disk.model == LoaderFixture.load().model)
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase("misspelled key", Edit("products.yaml", "    summary:", "    sumary:"),
                   "content.unknown-key@\(E)/products.yaml:4:5", suggestion: "summary"),
        BrokenCase("wrong type", Edit("outcomes.yaml", "refunds: true", "refunds: \"yes\""),
                   "content.wrong-type@\(E)/outcomes.yaml:4:14"),
        BrokenCase("wrong type: a string where a text mapping is expected",
                   Edit("outcomes.yaml", "title: {ja: 返金なし, en: No refund}", "title: No refund"),
                   "content.wrong-type@\(E)/outcomes.yaml:7:12"),
        BrokenCase("duplicate id",
                   Edit("glossary.yaml", "  - id: ST-ACTIVE\n", "  - id: PG-WIDGETS\n    kind: page\n    label: {ja: 一覧, en: List}\n  - id: ST-ACTIVE\n"),
                   "content.duplicate-id@\(E)/glossary.yaml:12:9"),
        BrokenCase("duplicate key in a flow mapping",
                   Edit("outcomes.yaml", "{ja: 全額返金, en: Full refund}", "{ja: 全額返金, ja: 全部, en: Full refund}"),
                   "content.duplicate-key@\(E)/outcomes.yaml:3:23"),
        BrokenCase("a key three times in one mapping and twice in another",
                   [Edit("machines.yaml", "        to: removed\n", "        to: removed\n        to: refunded\n        to: active\n"),
                    Edit("machines.yaml", "      - id: refunded\n", "      - id: refunded\n        id: refunded\n")],
                   ["content.duplicate-key@\(E)/machines.yaml:12:9", "content.duplicate-key@\(E)/machines.yaml:19:9",
                    "content.duplicate-key@\(E)/machines.yaml:20:9"]),
        BrokenCase("duplicate key in a block mapping",
                   Edit("machines.yaml", "        to: removed\n", "        to: removed\n        to: refunded\n"),
                   "content.duplicate-key@\(E)/machines.yaml:18:9"),
        BrokenCase("dangling fact reference", Edit("facts.yaml", "within_window: requested_on}", "within_window: requested_onn}"),
                   "content.unknown-reference@\(E)/facts.yaml:20:29", suggestion: "requested_on"),
        BrokenCase("dangling fact in an expression", Edit("procedures.yaml", "repeat: units", "repeat: 2 * unit"),
                   "content.unknown-reference@\(E)/procedures.yaml:6:21", suggestion: "units"),
        BrokenCase("unknown glossary placeholder in a step",
                   Edit("machines.yaml", "click {BTN-REMOVE} (unit", "click {BTN-REMOVED} (unit"),
                   ["content.placeholder-mismatch@\(E)/machines.yaml:22:74",
                    "content.unknown-reference@\(E)/machines.yaml:22:98"], suggestion: "BTN-REMOVE"),
        BrokenCase("missing en translation", Edit("glossary.yaml", "label: {ja: 払い戻し, en: Refund}", "label: {ja: 払い戻し}"),
                   "content.missing-translation@\(E)/glossary.yaml:11:12"),
        BrokenCase("empty en label", Edit("glossary.yaml", "en: Removed}", "en: \"\"}"),
                   "content.missing-translation@\(E)/glossary.yaml:17:27"),
        BrokenCase("unknown language", Edit("glossary.yaml", "en: Refund}", "en: Refund, eng: Refund}"),
                   "content.unknown-language@\(E)/glossary.yaml:11:35", suggestion: "en"),
        BrokenCase("placeholder mismatch ja/en", Edit("outcomes.yaml", "Request it by {deadline}.", "Request it in time."),
                   "content.placeholder-mismatch@\(E)/outcomes.yaml:11:47"),
        BrokenCase("unknown engine placeholder",
                   Edit("outcomes.yaml", "{deadline} までに申請してください。\", en: \"Request it by {deadline}.\"",
                        "{dedline} までに申請してください。\", en: \"Request it by {dedline}.\""),
                   ["content.unknown-placeholder@\(E)/outcomes.yaml:11:17", "content.unknown-placeholder@\(E)/outcomes.yaml:11:61"],
                   suggestion: "deadline"),
        BrokenCase("template syntax", Edit("outcomes.yaml", "\"Request it with {BTN-REFUND}.\"", "\"Request it with {BTN-REFUND.\""),
                   "content.template-syntax@\(E)/outcomes.yaml:22:62"),
        BrokenCase("bad unary test: a symbol for a boolean fact", Edit("rules.yaml", "{requested_in_window: false}", "{requested_in_window: issued}"),
                   "content.bad-test@\(E)/rules.yaml:8:37"),
        BrokenCase("bad unary test: a range on an enum", Edit("rules.yaml", "{widget_status: active,", "{widget_status: \"[1..2]\","),
                   "content.bad-test@\(E)/rules.yaml:21:32"),
        BrokenCase("undeclared enum value in a test", Edit("rules.yaml", "\"removed, active\"", "\"removed, actve\""),
                   "content.unknown-reference@\(E)/rules.yaml:25:41", suggestion: "active"),
        BrokenCase("a rule tests a fact that is not an input", Edit("rules.yaml", "{product: not(null)}", "{paid_on: not(null)}"),
                   "content.invalid-value@\(E)/rules.yaml:34:16"),
        BrokenCase("bad date", Edit("edition.yaml", "date: 2025-01-01", "date: 2025-02-30"),
                   "content.invalid-value@\(E)/edition.yaml:2:7"),
        BrokenCase("unknown hit policy", Edit("rules.yaml", "hit_policy: first", "hit_policy: frist"),
                   "content.invalid-value@\(E)/rules.yaml:4:17", suggestion: "first"),
        BrokenCase("refund row lacking procedure", Edit("rules.yaml", ", procedure: widget-refund", ""),
                   "content.invalid-value@\(E)/rules.yaml:22:15"),
        BrokenCase("next cycle", Edit("rules.yaml", "then: {outcome: no-refund, reason: nothing-in-cash}", "then: {next: refund}"),
                   "content.invalid-value@\(E)/rules.yaml:26:22"),
        BrokenCase("formula example mismatch", Edit("outcomes.yaml", "result: \"1.6\"", "result: \"1.5\""),
                   "content.invalid-value@\(E)/outcomes.yaml:32:15"),
        BrokenCase("bad expression", Edit("outcomes.yaml", "\"cash_paid - cash_paid / 5\"", "\"cash_paid - / 5\""),
                   "content.bad-expression@\(E)/outcomes.yaml:28:30"),
        BrokenCase("dangling state reference", Edit("products.yaml", "[widget.removed]", "[widget.remved]"),
                   "content.unknown-reference@\(E)/products.yaml:10:30", suggestion: "removed"),
        BrokenCase("dangling outcome", Edit("rules.yaml", "{outcome: no-refund, reason: late-request}", "{outcome: no-refnd, reason: late-request}"),
                   "content.unknown-reference@\(E)/rules.yaml:9:25", suggestion: "no-refund"),
        BrokenCase("missing key", Edit("outcomes.yaml", "    refunds: false\n", ""),
                   "content.missing-key@\(E)/outcomes.yaml:6:5"),
        BrokenCase("two source languages", Edit("tebiki.yaml", "role: translation", "role: source"),
                   "content.invalid-value@content/tebiki.yaml:9:5"),
        BrokenCase("malformed YAML", Edit("procedures.yaml", "      - request-refund", "      - [request-refund"),
                   "content.yaml-syntax@\(E)/procedures.yaml:8:1"),
        BrokenCase("a string without its en text", Edit("strings.yaml", "{ja: 理由, en: Reason}", "{ja: 理由}"),
                   "content.missing-translation@content/strings.yaml:3:19"),
        BrokenCase("a partition's sample fails its test", Edit("facts.yaml", "{test: \"> 0\", sample: \"1\"", "{test: \"> 0\", sample: \"-1\""),
                   "content.invalid-value@\(E)/facts.yaml:29:31"),
        BrokenCase("the window's request is not a date fact", Edit("edition.yaml", "request: requested_on}", "request: cash_paid}"),
                   "content.invalid-value@\(E)/edition.yaml:7:73"),
        BrokenCase("missing file", Edit("glossary.yaml", "", ""), "content.missing-file@-"),
    ]

    @Test("a broken variant gives exactly its diagnostics", arguments: brokenCases)
    func brokenVariant(_ c: BrokenCase) {
        let result = LoaderFixture.load(c.edits)
        #expect(result.diagnostics.map(brief) == c.expected, "\(result.diagnostics.map(\.oneLine))")
        #expect(result.model == nil)
        if let suggestion = c.suggestion {
            #expect(result.diagnostics.contains { $0.suggestion == suggestion }, "\(result.diagnostics.map(\.oneLine))")
        }
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && !$0.summary.isEmpty })
    }

    @Test("several errors in several files are all reported, in order")
    func severalErrors() {
        let edits = Self.brokenCases.filter {
            ["misspelled key", "wrong type", "bad date", "bad unary test: a symbol for a boolean fact", "formula example mismatch",
             "empty en label", "duplicate key in a block mapping", "dangling state reference"].contains($0.name)
        }
        let result = LoaderFixture.load(edits.flatMap(\.edits))
        let expected = edits.flatMap(\.expected)
        #expect(edits.count == 8)
        #expect(Set(result.diagnostics.map(brief)) == Set(expected), "\(result.diagnostics.map(\.oneLine))")
        #expect(result.diagnostics.count == expected.count)
        #expect(result.diagnostics == result.diagnostics.sorted())
    }

    @Test("loading is deterministic")
    func deterministic() {
        let edits = Self.brokenCases.flatMap(\.edits).filter { $0.file == "rules.yaml" && !$0.replace.contains("next") }
        let a = LoaderFixture.load(edits), b = LoaderFixture.load(edits)
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.diagnostics.map(\.oneLine) == b.diagnostics.map(\.oneLine))
        #expect(a.diagnostics.count >= 5)
        #expect(LoaderFixture.load().model == LoaderFixture.load().model)
    }

    @Test("a requested edition that is not declared is reported")
    func unknownEdition() {
        let result = ContentLoader.load(from: LoaderFixture.source(), edition: "2025-01-02")
        #expect(result.diagnostics.map(brief) == ["content.unknown-reference@content/tebiki.yaml:16:3"])
        #expect(result.diagnostics.first?.suggestion == "2025-01-01")
        #expect(result.model == nil)
    }

    @Test(
        "the repository's content/ loads with no errors",
        .enabled(if: FileManager.default.fileExists(atPath: LoaderFixture.realContentDirectory + "/tebiki.yaml")))
    func realContent() {
        let result = ContentLoader.load(contentDirectory: LoaderFixture.realContentDirectory)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.oneLine) == [])
        #expect(result.model != nil)
    }

    @Test("1000 synthetic products load, every one kept (speed is measured by scripts/bench, not here)")
    func manyProducts() throws {
        let n = 1000
        var values = "", products = "", rows = ""
        for i in 0..<n {
            values += "      - id: p-\(i)\n        label: {ja: 製品 \(i), en: Product \(i)}\n"
            products += """
                  - id: p-\(i)
                    title: {ja: 製品 \(i), en: Product \(i)}
                    summary: {ja: 製品です。, en: A product.}
                    source: {page: "001", line: 3, quote: ウィジェットの返金}
                    resources:
                      - machine: widget
                        state_from: widget_status
                    refund_requires: [widget.removed]

                """
            rows += """
                      - id: to-p-\(i)
                        when: {product: p-\(i)}
                        then: {next: widget}
                        source: {page: "001", line: 3, quote: ウィジェットの返金}

                """
        }
        let source = LoaderFixture.source([
            Edit("facts.yaml", "    values:\n      - id: widget\n", "    values:\n\(values)      - id: widget\n"),
            Edit("products.yaml", "products:\n", "products:\n\(products)"),
            Edit("rules.yaml", "    rules:\n      - id: late\n", "    rules:\n\(rows)      - id: late\n"),
        ])
        let result = ContentLoader.load(from: source)
        #expect(result.diagnostics.map(\.oneLine) == [])
        let model = try #require(result.model)
        #expect(model.products.count == n + 1)
        #expect(model.tables[id: "refund"]?.rules.count == n + 2)
    }

    static let unaryCases: [(String, FactType, String)] = [
        ("-", .boolean, "-"),
        ("true", .boolean, "true"),
        ("null", .integer, "null"),
        ("12", .integer, "12"),
        ("1.6", .decimal, "1.6"),
        ("2025-12-19", .date, "2025-12-19"),
        ("issued", .enumeration, "issued"),
        ("issued, revoked", .enumeration, "issued, revoked"),
        ("not(issued)", .enumeration, "not(issued)"),
        ("not(null)", .date, "not(null)"),
        ("> 0", .decimal, "> 0"),
        ("<= 7", .integer, "<= 7"),
        ("= grcq_total", .integer, "= grcq_total"),
        ("!= 0", .integer, "!= 0"),
        ("!= revoked", .enumeration, "!= revoked"),
        ("[1..3]", .integer, "[1..3]"),
        ("[2025-01-01..2025-01-31]", .date, "[2025-01-01..2025-01-31]"),
        (" issued ,revoked ", .enumeration, "issued, revoked"),
        ("issued", .boolean, "content.bad-test@0"),
        ("1.5", .integer, "content.bad-test@0"),
        ("isued", .enumeration, "content.unknown-reference@0"),
        ("issued, revkd", .enumeration, "content.unknown-reference@8"),
        ("> issued", .enumeration, "content.bad-test@0"),
        ("<= grcq_totl", .integer, "content.unknown-reference@3"),
        ("= paid_on", .integer, "content.bad-test@2"),
        ("[3..1]", .integer, "content.bad-test@0"),
        ("[1..3]", .enumeration, "content.bad-test@0"),
        ("[1..3", .integer, "content.bad-test@0"),
        ("", .integer, "content.bad-test@0"),
        ("not(-)", .integer, "content.bad-test@0"),
        ("issued,", .enumeration, "content.bad-test@7"),
        ("null, issued", .enumeration, "content.bad-test@0"),
        (">", .integer, "content.bad-test@0"),
    ]

    @Test("unary tests parse by the fact's type", arguments: unaryCases)
    func unaryTest(_ text: String, _ type: FactType, _ expected: String) {
        let facts: [FactID: FactSignature] = [
            "grcq_total": FactSignature(type: .integer), "paid_on": FactSignature(type: .date),
        ]
        let signature = FactSignature(type: type, values: type == .enumeration ? ["issued", "revoked"] : [])
        let parsed = UnaryTestParser.parse(text, fact: "f", signature: signature, facts: facts)
        if let test = parsed.test {
            #expect(test.description == expected)
        } else {
            #expect(parsed.problems.map { "\($0.id)@\($0.offset)" } == [expected])
        }
    }
}
