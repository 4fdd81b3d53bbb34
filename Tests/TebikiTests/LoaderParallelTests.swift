import Foundation
import TebikiConcurrency
@testable import TebikiContent
import TebikiModel
import Testing

/// The loader reads the edition's files on every core, each reader on a branch of the context
/// that is absorbed back in reading order: the result must be the sequential load's, diagnostic
/// for diagnostic and in the same order, before and after sorting.
@Suite("ContentLoader: reading the files on every core gives what reading them in order gives")
struct LoaderParallelTests {
    /// A broken variant of the fixture, by the names of `ContentLoaderTests.brokenCases` it combines.
    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var cases: [String]
        var testDescription: String { name }
    }

    static let variants: [Variant] = [
        Variant(name: "the valid fixture", cases: []),
        // Errors in facts.yaml, products.yaml, outcomes.yaml, glossary.yaml, machines.yaml,
        // procedures.yaml and rules.yaml at once (the combination `severalErrors` checks).
        Variant(name: "errors in several files", cases: [
            "misspelled key", "wrong type", "bad date", "bad unary test: a symbol for a boolean fact", "formula example mismatch",
            "empty en label", "duplicate key in a block mapping", "dangling state reference",
        ]),
        Variant(name: "a file missing, so references to its kinds go unchecked", cases: ["missing file"]),
    ]

    /// The edits of the variant's cases.
    static func edits(_ variant: Variant) -> [Edit] {
        let cases = ContentLoaderTests.brokenCases.filter { variant.cases.contains($0.name) }
        #expect(cases.count == variant.cases.count, "unknown case name in \(variant.cases)")
        return cases.flatMap(\.edits)
    }

    @Test("the same diagnostics, in the same order, and the same model", arguments: variants)
    func sameAsSequential(_ variant: Variant) {
        let source = LoaderFixture.source(Self.edits(variant))
        let parallel = ContentLoader.loadRecording(from: source)
        let sequential = ParallelMap.sequentially { ContentLoader.loadRecording(from: source) }
        #expect(parallel.log == sequential.log)
        #expect(parallel.log.map(\.oneLine) == sequential.log.map(\.oneLine))
        #expect(parallel.result.diagnostics == sequential.result.diagnostics)
        #expect(parallel.result.model == sequential.result.model)
        // The log is the result before sorting.
        #expect(Set(parallel.log) == Set(parallel.result.diagnostics))
        #expect(parallel.log.count == parallel.result.diagnostics.count)
        // The public entry point is the parallel load.
        #expect(ContentLoader.load(from: source).diagnostics == parallel.result.diagnostics)
        if variant.cases.isEmpty {
            #expect(parallel.log.isEmpty)
            #expect(parallel.result.model != nil)
        } else {
            #expect(!parallel.log.isEmpty)
        }
    }

    @Test("content/: both editions load the same in parallel and in sequence", arguments: ["2024-10-25", "2025-12-19"])
    func realContent(_ edition: String) {
        let source = FileSystemContentSource(directory: repositoryRoot + "/content")
        let parallel = ContentLoader.loadRecording(from: source, edition: edition)
        let sequential = ParallelMap.sequentially { ContentLoader.loadRecording(from: source, edition: edition) }
        #expect(parallel.log == sequential.log)
        #expect(parallel.result.model == sequential.result.model)
        #expect(parallel.result.model != nil)
    }

    @Test("an edition that extends another, with errors in several of its files")
    func layeredErrors() {
        let old = EditionFixture.old
        let source = EditionFixture.source([
            Edit("\(old)/rules.yaml", "outcome: promotion-terms, reason: promotion}", "outcome: promotion-term, reason: promotion}"),
            Edit("\(old)/rules.yaml", "- id: G1-3-vouchers-only", "- id: G1-1-late-request"),
            Edit("\(old)/glossary.yaml", "    - id: PG-PCA\n      kind: page", "    - id: PG-PCA\n      kind: pag"),
            Edit("\(old)/facts.yaml", "id: https-acceleration-gateway", "id: https acceleration"),
        ])
        let parallel = ContentLoader.loadRecording(from: source, edition: "2024-10-25")
        let sequential = ParallelMap.sequentially { ContentLoader.loadRecording(from: source, edition: "2024-10-25") }
        #expect(parallel.log == sequential.log)
        #expect(parallel.result.diagnostics == sequential.result.diagnostics)
        let files = Set(parallel.log.compactMap { $0.location?.file.split(separator: "/").last.map(String.init) })
        #expect(files.isSuperset(of: ["rules.yaml", "glossary.yaml", "facts.yaml"]), "\(parallel.log.map(\.oneLine))")
        #expect(parallel.result.model == nil)
    }
}

/// `ScalarText.string` against the `String(String.UnicodeScalarView(_:))` it replaces, on every
/// run of scalars of tricky texts.
@Suite("ScalarText")
struct ScalarTextTests {
    static let texts = [
        "", "a", "issued, revoked", "ボタン「返金」", "が", "か\u{3099}", "e\u{301}\u{302}", "👩‍👩‍👧", "🇯🇵🇺🇸",
        "{BTN-REFUND} を押す", "{{literal}} {amount}", "\u{FEFF}x\u{200B}", "\r\n\n\u{85}\u{2028}", "≤ 3", "\u{10FFFF}\u{0}",
    ]

    @Test("every run of scalars gives the same string", arguments: texts)
    func sameAsScalarView(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for start in 0...scalars.count {
            for end in start...scalars.count {
                let slice = scalars[start..<end]
                let expected = String(String.UnicodeScalarView(slice))
                let found = ScalarText.string(slice)
                #expect(found == expected)
                #expect(Array(found.unicodeScalars) == Array(slice))
                #expect(Array(found.utf8) == Array(expected.utf8))
            }
        }
    }

    @Test("placeholders and their offsets in templates", arguments: [
        ("", [(String, Int)]()),
        ("{BTN-REFUND} を押す", [("BTN-REFUND", 0)]),
        ("「{ボタン}」と{amount}", [("ボタン", 1), ("amount", 8)]),
        ("{{not}} {e\u{301}}", [("e\u{301}", 8)]),
        ("👩‍👩‍👧{x}", [("x", 5)]),
        ("{}", [("", 0)]),
    ])
    func placeholders(_ source: String, _ expected: [(String, Int)]) {
        let found = TemplateScan.placeholderOffsets(source)
        #expect(found.map(\.name) == expected.map(\.0))
        #expect(found.map(\.offset) == expected.map(\.1))
    }

    /// The scan as it was, over an array of the scalars: the reference for the one in place.
    static func placeholderOffsetsByArray(_ source: String) -> [(name: String, offset: Int)] {
        let s = Array(source.unicodeScalars)
        var result: [(name: String, offset: Int)] = []
        var i = 0
        while i < s.count {
            if (s[i] == "{" || s[i] == "}"), i + 1 < s.count, s[i + 1] == s[i] { i += 2; continue }
            if s[i] == "{" {
                var j = i + 1
                while j < s.count, s[j] != "}" { j += 1 }
                result.append((String(String.UnicodeScalarView(s[(i + 1)..<j])), i))
                i = j + 1
                continue
            }
            i += 1
        }
        return result
    }

    @Test("placeholders are found as the scan over an array of scalars found them", arguments: texts + [
        "{a}{b}", "{{a}}{b}", "}}{x}", "a}}b{", "{unterminated", "{", "}", "{}}", "{{}", "「{ボタン}」{{と}}{e\u{301}}", "{👩‍👩‍👧}{x}",
        "{a\nb}", "{{{x}}}", "x{y}z{", "{か\u{3099}}{{",
    ])
    func placeholdersAsBefore(_ source: String) {
        let found = TemplateScan.placeholderOffsets(source)
        let expected = Self.placeholderOffsetsByArray(source)
        #expect(found.map(\.name) == expected.map(\.name))
        #expect(found.map(\.offset) == expected.map(\.offset))
    }

    @Test("fact ids and their offsets in expressions", arguments: [
        ("", [(String, Int)]()),
        ("cash_paid * 0.5", [("cash_paid", 0)]),
        ("(a1 + 価格) / 2", [("a1", 1), ("価格", 6)]),
        ("12.5-x_2", [("x_2", 5)]),
    ])
    func identifiers(_ source: String, _ expected: [(String, Int)]) {
        let found = ExpressionScan.identifiers(source)
        #expect(found.map(\.name) == expected.map(\.0))
        #expect(found.map(\.offset) == expected.map(\.1))
    }

    @Test("one file's line starts, asked from every core at once, are the ones asked alone")
    func lineStartsFromEveryCore() {
        let text = String(repeating: "a: 1\r\nb: \"日本語\"\n\u{2028}c: x\r", count: 2_000)
        let alone = SourceFile(path: "alone.yaml", text: text).lineStarts
        #expect(alone.count == 8_001)
        let shared = SourceFile(path: "shared.yaml", text: text)
        let asked = ParallelMap.map(64) { _ in shared.lineStarts }
        #expect(asked.allSatisfy { $0 == alone })
    }
}
