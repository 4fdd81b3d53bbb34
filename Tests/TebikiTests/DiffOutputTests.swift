import Foundation
import Testing
import TebikiDiff
import TebikiEngine
import TebikiMarkdown
import TebikiModel
import TebikiRender

/// The diff's renderers: sorted, stable JSON; Markdown and HTML in ja and en; the "What changed" page.
@Suite("Diff: output formats")
struct DiffOutputTests {
    /// The fixture against a variant of it (one row's outcome, one label, one step), computed twice.
    static let fixtureBefore: Model? = DiffContent.model(DiffContent.patched(DiffContent.fixture, [(
        "label: {ja: 払い戻し, en: Refund}", "label: {ja: 返金する, en: Refund}"
    )]))
    static let fixtureAfter: Model? = DiffContent.model(DiffContent.fixture)

    /// Every object's keys are in sorted order, at every depth.
    static func keysSorted(_ json: JSON) -> Bool {
        switch json {
        case .object(let members):
            let keys = members.map(\.0)
            return keys == keys.sorted() && members.allSatisfy { keysSorted($0.1) }
        case .array(let items): return items.allSatisfy(keysSorted)
        default: return true
        }
    }

    @Test("JSON: keys sorted at every depth, byte-identical on every run, and valid JSON")
    func jsonStable() throws {
        let before = try #require(DiffTests.before), after = try #require(DiffTests.after)
        let first = try #require(DiffTests.diff)
        let second = ModelDiffer.diff(before: before, after: after)
        let text = DiffJSON.text(first)
        #expect(text == DiffJSON.text(second))
        #expect(first == second)
        let parsed = try JSON.parse(text)
        #expect(Self.keysSorted(parsed))
        #expect(parsed["empty"] == .bool(false))
        guard case .array(let behaviour)? = parsed["behaviour"] else { Issue.record("no behaviour array"); return }
        #expect(behaviour.count == first.behaviour.count)
        // The example is explain's input: dates and amounts as strings.
        let example = try #require(behaviour.first?["example"])
        if case .string? = example["paid_on"] {} else { Issue.record("paid_on is not a string: \(String(describing: example["paid_on"]))") }
        if case .string? = example["cash_paid"] {} else { Issue.record("cash_paid is not a string") }
    }

    @Test("the example of each behaviour group is accepted by explain's decoder and decided as the diff says")
    func examplesReplay() throws {
        let after = try #require(DiffTests.after)
        let diff = try #require(DiffTests.diff)
        for g in diff.behaviour {
            guard let expected = g.after.decision else { continue }
            let json = DiffJSON.scenario(g.example).serialized()
            let fields = after.facts.filter { !$0.isDerived }.map(\.id)
            let input = "{" + (try JSON.parse(json)).members.filter { fields.contains($0.0) }.map { "\"\($0.0)\": \($0.1.serialized(pretty: false))" }.joined(separator: ", ") + "}"
            let decision = try decide(input, model: after)
            #expect(decision.outcome == expected.outcome, "\(input)")
            #expect(decision.actions.map(\.action) == expected.actions, "\(input)")
        }
    }

    @Test("Markdown in ja and en: sections in order, behaviour first, labels and the example present",
          arguments: ["ja", "en"])
    func markdown(_ lang: String) throws {
        let before = try #require(DiffTests.before), after = try #require(DiffTests.after)
        let diff = try #require(DiffTests.diff)
        let language = try #require(after.language(lang))
        let text = DiffMarkdown(diff: diff, before: before, after: after, language: language).text
        let headings = ["diff.behaviour", "diff.products", "diff.rules", "diff.procedures", "diff.old-steps", "diff.labels", "diff.texts"]
            .map { "## " + Markdown.escape(after.string($0, lang)) + "\n" }
        var last = text.startIndex
        for h in headings {
            guard let r = text.range(of: h, range: last..<text.endIndex) else { Issue.record("no heading \(h) after the previous one"); continue }
            last = r.upperBound
        }
        #expect(text.contains("注文管理 → 注文の返金管理"))
        #expect(text.contains("```json\n{\n  \"cash_paid\""))
        #expect(text.contains(Markdown.escape(after.action("delete-certificate")!.title[lang])))
        #expect(!text.contains("diff."), "a tool string is missing from strings.yaml")
        // Valid GFM that cmark renders; no raw HTML from content gets through.
        let html = try #require(CommonMark.html(text))
        #expect(html.contains("<table>"))
    }

    @Test("HTML: one standalone page in the language, no external resources")
    func html() throws {
        let before = try #require(Self.fixtureBefore), after = try #require(Self.fixtureAfter)
        let diff = ModelDiffer.diff(before: before, after: after)
        #expect(!diff.isEmpty)
        let md = DiffMarkdown(diff: diff, before: before, after: after, language: after.languages[1]).text
        let page = try #require(DiffHTML.page(markdown: md, title: "t <x>", language: "en"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<title>t &lt;x&gt;</title>"))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))
        #expect(page.contains("返金する → 払い戻し"))
    }

    @Test("What changed: one article in ja and en, behaviour first, new products, renamed labels")
    func whatChanged() throws {
        let before = try #require(DiffTests.before), after = try #require(DiffTests.after)
        let articles = WhatChangedPage.articles(before: before, after: after, diff: DiffTests.diff)
        #expect(articles.count == 1)
        let a = try #require(articles.first)
        #expect(a.slug == "what-changed")
        for lang in ["ja", "en"] {
            let body = a.body[lang]
            #expect(!a.title[lang].isEmpty)
            let ssl = try #require(body.range(of: "## " + Markdown.escape(after.products[id: "ssl-certificate"]!.title[lang])))
            let added = try #require(body.range(of: "## " + Markdown.escape(after.string("whatchanged.products-added", lang))))
            #expect(ssl.lowerBound < added.lowerBound)
            // Only the ja label was renamed: the en page has no such section.
            let labels = body.range(of: "## " + Markdown.escape(after.string("whatchanged.labels", lang)))
            if lang == "ja" {
                let labels = try #require(labels)
                #expect(added.lowerBound < labels.lowerBound)
            } else {
                #expect(labels == nil)
            }
            #expect(body.contains(Markdown.escape(after.products[id: "cloud-deployment"]!.title[lang])))
            #expect(!body.contains("# "  + a.title[lang]), "the body has no h1")
        }
        #expect(a.body["ja"].contains("| 注文管理 (ページ) | 注文の返金管理 (ページ) |"))
        #expect(a.body["ja"] != a.body["en"])
    }
}

private extension JSON {
    var members: [(String, JSON)] { if case .object(let m) = self { return m } else { return [] } }
}
