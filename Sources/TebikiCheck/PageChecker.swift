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
        var documents: [String: StepListDocument] = [:]
        // What a reader sees of the model's steps, by scenario and language (nil: undecidable).
        var expectedCache: [ExpectedKey: [String]?] = [:]
        // What a reader sees of each step read from a page (the same steps recur on many pages).
        var seen: [VisibleKey: String] = [:]
        var out: [Diagnostic] = []
        var counts: [CountKey: [(LanguageID, Int, SourceLocation)]] = [:]
        for claim in claims {
            let file = (siteDirectory.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "") + claim.path
            let pageStart = SourceLocation(file: file, line: 1, column: 1)
            // The scenario as JSON, made only for a diagnostic.
            func example() -> String { context.counterexample(claim.scenario) }
            guard let page = byPath[claim.path] else {
                out.append(Diagnostic(.error, "check.page.missing", at: pageStart,
                                      "the page \(claim.path) the site claims steps on does not exist", counterexample: example()))
                continue
            }
            let html = StepListReader.isHTML(claim.path)
            let key = ExpectedKey(scenario: claim.scenario, language: claim.language)
            if expectedCache[key] == nil { expectedCache[key] = .some(expectedSteps(claim)?.map { visible($0, html: false) }) }
            guard let expected = expectedCache[key] ?? nil else {
                out.append(Diagnostic(.error, "check.page.undecidable", at: pageStart,
                                      "the steps under #\(claim.anchor) are for a scenario the engine cannot decide, or for a language the model does not have (\(claim.language))",
                                      counterexample: example()))
                continue
            }
            let document = documents[page.path] ?? StepListDocument(page)
            documents[page.path] = document
            let read = document.list(after: claim.anchor)
            let items: [StepListReader.Item]
            switch read {
            case .noAnchor:
                out.append(Diagnostic(.error, "check.page.anchor-missing", at: pageStart,
                                      "\(claim.path) has no heading #\(claim.anchor), where the site claims the steps are", counterexample: example()))
                continue
            case .noList(let line):
                if expected.isEmpty { continue }
                out.append(Diagnostic(.error, "check.page.steps-missing", at: SourceLocation(file: file, line: line, column: 1),
                                      "no numbered list follows #\(claim.anchor) in \(claim.path); the model gives \(expected.count) steps",
                                      counterexample: example()))
                continue
            case .items(let found): items = found
            }
            let firstAt = SourceLocation(file: file, line: items[0].line, column: items[0].column)
            counts[CountKey(anchor: claim.anchor, scenario: claim.scenario, path: languageFree(claim.path, claim.language)), default: []]
                .append((claim.language, items.count, firstAt))
            for k in 0..<min(items.count, expected.count) {
                let want = expected[k]
                let seenKey = VisibleKey(text: items[k].text, html: html)
                let found = seen[seenKey] ?? visible(items[k].text, html: html)
                seen[seenKey] = found
                guard found != want else { continue }
                out.append(Diagnostic(
                    .error, "check.page.step-differs", at: SourceLocation(file: file, line: items[k].line, column: items[k].column),
                    "step \(k + 1) under #\(claim.anchor) (\(claim.language)) is not the model's step \(k + 1)",
                    explanation: "Expected: \(want)\nFound:    \(found)\nThe page was edited after it was built, or the builder wrote other steps; rebuild the site from content/.",
                    counterexample: example()))
                break
            }
            if items.count != expected.count {
                out.append(Diagnostic(.error, "check.page.step-count", at: firstAt,
                                      "the list under #\(claim.anchor) (\(claim.language)) has \(items.count) steps; the model gives \(expected.count)",
                                      counterexample: example()))
            }
        }
        for (key, lists) in counts.sorted(by: { $0.key.anchor < $1.key.anchor }) where Set(lists.map(\.1)).count > 1 {
            let sorted = lists.sorted { $0.0 < $1.0 }
            out.append(Diagnostic(.error, "check.page.languages-differ", at: sorted[0].2,
                                  "the languages of the list #\(key.anchor) have different numbers of steps: \(sorted.map { "\($0.0) \($0.1)" }.joined(separator: ", "))",
                                  counterexample: context.counterexample(key.scenario), related: sorted.dropFirst().map(\.2)))
        }
        return out
    }

    private struct ExpectedKey: Hashable { var scenario: Scenario; var language: LanguageID }
    private struct CountKey: Hashable { var anchor: String; var scenario: Scenario; var path: String }
    private struct VisibleKey: Hashable { var text: String; var html: Bool }

    /// The model's steps for the claim, as Markdown, in the claim's language.
    private func expectedSteps(_ claim: StepClaim) -> [String]? {
        guard let language = context.model.language(claim.language) else { return nil }
        let decision: Decision
        do throws(EngineFailure) { decision = try context.engine.evaluate(claim.scenario) } catch { return nil }
        return Explanation(decision: decision, model: context.model, language: language, style: .markdown).steps.map(\.text)
    }

    /// What a reader sees of a step: Markdown rendered by cmark-gfm, tags removed.
    private func visible(_ text: String, html: Bool) -> String {
        StepListReader.visibleText(html: html ? text : (CommonMark.html(text) ?? text))
    }

    /// The path with its language folder replaced, so that `ja/x.md` and `en/x.md` pair up.
    private func languageFree(_ path: String, _ language: LanguageID) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for i in parts.indices where parts[i] == language { parts[i] = "*" }
        return parts.joined(separator: "/")
    }
}
