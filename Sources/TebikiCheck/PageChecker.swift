#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TebikiConcurrency
import TebikiEngine
import TebikiMarkdown
import TebikiModel
import TebikiRender

/// Generated text against the model: every step list a page claims (`StepClaim`) is read back
/// from the page, Markdown or HTML, and must say what the model says for its scenario: the same
/// steps in the same order, as `Explanation` renders them; and the languages of one list agree.
struct PageChecker {
    let context: CheckContext
    /// Where the pages were read from (locations name it); nil: built in memory.
    let siteDirectory: String?

    func run(pages: [Page], claims: [StepClaim]) -> [Diagnostic] {
        var byPath: [String: Page] = [:]
        for page in pages { byPath[page.path] = page }
        // 1. Each page's lists read, on every core (a page is parsed once for all its claims).
        var claimsByPath: [String: [Int]] = [:]
        var paths: [String] = []
        for (i, claim) in claims.enumerated() {
            if claimsByPath[claim.path] == nil { paths.append(claim.path) }
            claimsByPath[claim.path, default: []].append(i)
        }
        let readByPage = ParallelMap.map(paths.count) { p -> [(Int, StepListReader.Result)] in
            guard let page = byPath[paths[p]] else { return [] }
            let document = StepListDocument(page)
            return claimsByPath[paths[p]]!.map { ($0, document.list(after: claims[$0].anchor)) }
        }
        var read = [StepListReader.Result?](repeating: nil, count: claims.count)
        for results in readByPage { for (i, r) in results { read[i] = r } }
        // 2. The model's steps, by scenario and language (nil: undecidable), and what a reader
        // sees of them and of each step read from a page: each distinct scenario, list and text
        // handled once (the same steps recur on many pages, and a page's steps are the model's),
        // on every core. Each claim keeps the numbers of its own, not to look them up again.
        let (scenarios, claimScenario) = Self.numberScenarios(claims)
        var expectedKeys: [ExpectedKey] = [], expectedIndex: [ExpectedKey: Int] = [:]
        var claimExpected: [Int] = []
        claimExpected.reserveCapacity(claims.count)
        for (i, claim) in claims.enumerated() {
            let s = claimScenario[i], e: Int
            let key = ExpectedKey(scenario: s, language: claim.language)
            if let known = expectedIndex[key] { e = known } else {
                e = expectedKeys.count; expectedIndex[key] = e; expectedKeys.append(key)
            }
            claimExpected.append(e)
        }
        let expectedMarkdown = ParallelMap.map(expectedKeys.count) { k in
            self.expectedSteps(scenario: scenarios[expectedKeys[k].scenario], language: expectedKeys[k].language)
        }
        var visibleKeys: [VisibleKey] = [], visibleIndex: [VisibleKey: Int] = [:]
        func visibleID(_ text: String, html: Bool) -> Int {
            let v = VisibleKey(text: text, html: html)
            if let k = visibleIndex[v] { return k }
            visibleIndex[v] = visibleKeys.count; visibleKeys.append(v)
            return visibleKeys.count - 1
        }
        let expectedVisible = expectedMarkdown.map { steps in steps?.map { visibleID($0, html: false) } }
        // The steps read from pages are numbered first within runs of claims, on every core; each
        // run's distinct texts are then numbered once in `visibleKeys` (a text recurs within a run).
        // A few hundred claims a run at least: each run's texts are hashed twice.
        let runs = max(1, min(16, claims.count / 256))
        let numberedRuns = ParallelMap.map(runs) { r -> (keys: [VisibleKey], items: [[Int]]) in
            var keys: [VisibleKey] = [], index: [VisibleKey: Int] = [:]
            let items = (claims.count * r / runs..<claims.count * (r + 1) / runs).map { i -> [Int] in
                guard case .items(let items)? = read[i] else { return [] }
                let html = StepListReader.isHTML(claims[i].path)
                return items.map { item in
                    let v = VisibleKey(text: item.text, html: html)
                    if let k = index[v] { return k }
                    index[v] = keys.count; keys.append(v)
                    return keys.count - 1
                }
            }
            return (keys, items)
        }
        var itemVisible: [[Int]] = []
        itemVisible.reserveCapacity(claims.count)
        for run in numberedRuns {
            let global = run.keys.map { visibleID($0.text, html: $0.html) }
            for items in run.items { itemVisible.append(items.map { global[$0] }) }
        }
        let visibleTexts = ParallelMap.map(visibleKeys.count) { k in visible(visibleKeys[k].text, html: visibleKeys[k].html) }
        // 3. The lists against the model, claim by claim.
        var out: [Diagnostic] = []
        var counts: [CountKey: [(LanguageID, Int, SourceLocation)]] = [:]
        let directory = siteDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        for (i, claim) in claims.enumerated() {
            let file = directory + claim.path
            let pageStart = SourceLocation(file: file, line: 1, column: 1)
            // The scenario as JSON, made only for a diagnostic.
            func example() -> String { context.counterexample(claim.scenario) }
            guard byPath[claim.path] != nil, let result = read[i] else {
                out.append(Diagnostic(.checkPageMissing, at: pageStart,
                                      "the page \(claim.path) the site claims steps on does not exist", counterexample: example()))
                continue
            }
            guard let expected = expectedVisible[claimExpected[i]] else {
                out.append(Diagnostic(.checkPageUndecidable, at: pageStart,
                                      "the steps under #\(claim.anchor) are for a scenario the engine cannot decide, or for a language the model does not have (\(claim.language))",
                                      counterexample: example()))
                continue
            }
            let items: [StepListReader.Item]
            switch result {
            case .noAnchor:
                out.append(Diagnostic(.checkPageAnchorMissing, at: pageStart,
                                      "\(claim.path) has no heading #\(claim.anchor), where the site claims the steps are", counterexample: example()))
                continue
            case .noList(let line):
                if expected.isEmpty { continue }
                out.append(Diagnostic(.checkPageStepsMissing, at: SourceLocation(file: file, line: line, column: 1),
                                      "no numbered list follows #\(claim.anchor) in \(claim.path); the model gives \(expected.count) steps",
                                      counterexample: example()))
                continue
            case .items(let found): items = found
            }
            let firstAt = SourceLocation(file: file, line: items[0].line, column: items[0].column)
            counts[CountKey(anchor: claim.anchor, scenario: claimScenario[i], path: Self.languageFree(claim.path, claim.language)), default: []]
                .append((claim.language, items.count, firstAt))
            for k in 0..<min(items.count, expected.count) {
                // The same text (the same number) reads the same.
                guard itemVisible[i][k] != expected[k] else { continue }
                let want = visibleTexts[expected[k]], found = visibleTexts[itemVisible[i][k]]
                guard found != want else { continue }
                out.append(Diagnostic(
                    .checkPageStepDiffers, at: SourceLocation(file: file, line: items[k].line, column: items[k].column),
                    "step \(k + 1) under #\(claim.anchor) (\(claim.language)) is not the model's step \(k + 1)",
                    explanation: "Expected: \(want)\nFound:    \(found)\nThe page was edited after it was built, or the builder wrote other steps; rebuild the site from content/.",
                    counterexample: example()))
                break
            }
            if items.count != expected.count {
                out.append(Diagnostic(.checkPageStepCount, at: firstAt,
                                      "the list under #\(claim.anchor) (\(claim.language)) has \(items.count) steps; the model gives \(expected.count)",
                                      counterexample: example()))
            }
        }
        // Only the lists whose languages differ are sorted (few: most lists agree).
        let differing = counts.filter { _, lists in lists.contains { $0.1 != lists[0].1 } }
        for (key, lists) in differing.sorted(by: { ($0.key.anchor, $0.key.path, $0.key.scenario) < ($1.key.anchor, $1.key.path, $1.key.scenario) }) {
            let sorted = lists.sorted { $0.0 < $1.0 }
            out.append(Diagnostic(.checkPageLanguagesDiffer, at: sorted[0].2,
                                  "the languages of the list #\(key.anchor) have different numbers of steps: \(sorted.map { "\($0.0) \($0.1)" }.joined(separator: ", "))",
                                  counterexample: context.counterexample(scenarios[key.scenario]), related: sorted.dropFirst().map(\.2)))
        }
        return out
    }

    /// The claims' distinct scenarios in the order they first appear, and each claim's number
    /// among them. The scenarios are hashed and compared on every core: each claim is numbered
    /// by its scenario's hash alone, then checked equal to the scenario of that number (a large
    /// dictionary to compare); a hash two different scenarios share, which no run is likely to
    /// meet, numbers them one by one instead (`numberScenariosSerially`).
    static func numberScenarios(_ claims: [StepClaim]) -> (scenarios: [Scenario], numbers: [Int]) {
        let hashes = ParallelMap.map(claims.count) { claims[$0].scenario.hashValue }
        var scenarios: [Scenario] = [], first: [Int] = [], byHash: [Int: Int] = [:]
        var numbers: [Int] = []
        numbers.reserveCapacity(claims.count)
        for (i, hash) in hashes.enumerated() {
            if let known = byHash[hash] { numbers.append(known); continue }
            byHash[hash] = scenarios.count; numbers.append(scenarios.count)
            scenarios.append(claims[i].scenario); first.append(i)
        }
        let agree = ParallelMap.map(claims.count) { i in first[numbers[i]] == i || claims[i].scenario == scenarios[numbers[i]] }
        return agree.allSatisfy { $0 } ? (scenarios, numbers) : numberScenariosSerially(claims)
    }

    /// `numberScenarios` one claim after the other, by a dictionary of the scenarios.
    static func numberScenariosSerially(_ claims: [StepClaim]) -> (scenarios: [Scenario], numbers: [Int]) {
        var scenarios: [Scenario] = [], index: [Scenario: Int] = [:], numbers: [Int] = []
        for claim in claims {
            if let known = index[claim.scenario] { numbers.append(known); continue }
            index[claim.scenario] = scenarios.count; numbers.append(scenarios.count); scenarios.append(claim.scenario)
        }
        return (scenarios, numbers)
    }

    /// A scenario (its number in the claims' scenarios) and a language.
    private struct ExpectedKey: Hashable { var scenario: Int; var language: LanguageID }
    /// A list on the pages of all languages: its anchor, scenario (numbered) and language-free path.
    private struct CountKey: Hashable { var anchor: String; var scenario: Int; var path: String }

    /// A step text and its format, compared and hashed by its UTF-8 bytes: `String` hashes
    /// text that is not ASCII (Japanese steps) only after normalizing it, and step texts are long.
    private struct VisibleKey: Hashable {
        var text: String
        var html: Bool
        static func == (a: VisibleKey, b: VisibleKey) -> Bool {
            guard a.html == b.html else { return false }
            var x = a.text, y = b.text
            // memcmp: a generic comparison of the buffers went byte by byte.
            return x.withUTF8 { p in
                y.withUTF8 { q in
                    p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
                }
            }
        }
        func hash(into hasher: inout Hasher) {
            hasher.combine(html)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// The model's steps for a claim's scenario, as Markdown, in the claim's language.
    private func expectedSteps(scenario: Scenario, language id: LanguageID) -> [String]? {
        guard let language = context.model.language(id) else { return nil }
        let decision: Decision
        do throws(EngineFailure) { decision = try context.engine.evaluate(scenario) } catch { return nil }
        return Explanation.steps(decision: decision, model: context.model, language: language, style: .markdown).map(\.text)
    }

    /// What a reader sees of a step: Markdown rendered by cmark-gfm, tags removed.
    private func visible(_ text: String, html: Bool) -> String {
        VisibleText.read(html: html ? text : (CommonMark.html(text) ?? text))
    }

    /// The path with its language folder replaced, so that `ja/x.md` and `en/x.md` pair up.
    /// An ASCII path and language are compared byte by byte (there a byte is a `Character`).
    static func languageFree(_ path: String, _ language: LanguageID) -> String {
        let bytes = Array(path.utf8), languageBytes = Array(language.utf8)
        if bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }), languageBytes.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (k, part) in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).enumerated() {
                if k > 0 { out.append(UInt8(ascii: "/")) }
                if part.elementsEqual(languageBytes) { out.append(UInt8(ascii: "*")) } else { out += part }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for i in parts.indices where parts[i] == language { parts[i] = "*" }
        return parts.joined(separator: "/")
    }
}
