import Foundation
import Testing
import TebikiAnalysis
import TebikiEngine
import TebikiMarkdown
import TebikiModel
import TebikiRender

/// One leaf of the decision guide in one language.
struct GuideLeafCase: CustomTestStringConvertible, Sendable {
    var leaf: DecisionTree.Leaf
    var language: Language
    var testDescription: String { "\(language.id) \(leaf.id)" }
    static var all: [GuideLeafCase] {
        realModel.languages.flatMap { l in siteTree.leaves.map { GuideLeafCase(leaf: $0, language: l) } }
    }
}

@Suite("Site: decision guide")
struct SiteGuideTests {
    @Test("every outcome of the engine is reachable in the guide")
    func outcomesReachable() {
        let reached = Set(siteTree.leaves.map(\.decision.outcome))
        #expect(reached == Set(realModel.outcomes.ids))
        for l in realModel.languages {
            for leaf in siteTree.leaves {
                #expect(sitePages["\(l.id)/guide/result/\(leaf.id).html"] != nil, "no permalink page for \(leaf.id) in \(l.id)")
            }
        }
    }

    @Test("each leaf page agrees with tebiki explain for the leaf's answers", arguments: GuideLeafCase.all)
    func leafAgreesWithExplain(_ c: GuideLeafCase) throws {
        let base = "\(c.language.id)/guide/result/\(c.leaf.id)"
        let md = try #require(sitePages[base + ".md"])
        let html = try #require(sitePages[base + ".html"])
        // The leaf's own scenario (the first answer of each merged step), as explain decides it.
        var answers: [FactID: Answer] = [:]
        for step in c.leaf.path { answers[step.fact] = step.answers[0] }
        let scenario = siteSpace.scenario(for: answers)
        let decision = try Engine(model: realModel).evaluate(scenario)
        let explanation = Explanation(decision: decision, model: realModel, language: c.language, style: .markdown)
        #expect(decision.outcome == c.leaf.decision.outcome)
        #expect(md.contains(Markdown.escape(explanation.outcomeTitle)))
        let claims = siteBuild.claims.filter { $0.path == base + ".md" }
        if explanation.steps.isEmpty {
            #expect(claims.isEmpty, "a leaf without steps claims steps")
            #expect(!md.contains("\n1. "), "a leaf without steps shows a numbered list")
        } else {
            let lists = claims.compactMap { markdownSteps(md, anchor: $0.anchor) }
            #expect(lists.contains(explanation.steps.map(\.text)), "the page does not show explain's steps for \(scenario)")
        }
        // Every list on the page is explain's steps for the claim's scenario, in both formats.
        for claim in siteBuild.claims where claim.path.hasPrefix(base + ".") {
            let expected = try explainSteps(claim.scenario, c.language)
            if claim.path.hasSuffix(".md") {
                #expect(markdownSteps(md, anchor: claim.anchor) == expected, "\(claim.path)#\(claim.anchor)")
            } else {
                let items = try #require(htmlSteps(html, anchor: claim.anchor), "\(claim.path)#\(claim.anchor) has no list")
                #expect(items.map(HTMLPostProcessor.plainText) == expected.map { HTMLPostProcessor.plainText(CommonMark.html($0) ?? "") }
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
            }
        }
    }

    @Test("the cases the tree does not ask are shown as variants: one list per number of Not Activated rows")
    func variantsForUnaskedFacts() throws {
        for l in realModel.languages {
            let base = "\(l.id)/guide/result/MY-4-issued-multi-year.md"
            let claims = siteBuild.claims.filter { $0.path == base }
            let years = Set(claims.compactMap { $0.scenario["validity_years"] })
            #expect(years == [.integer(2), .integer(3)])
            let pending = siteBuild.claims.filter { $0.path == "\(l.id)/guide/result/S-6-pending-application.md" }
            #expect(pending.count == 2, "pending application: one list for 1 year, one for 2 or 3 years")
        }
    }

    @Test("each question page links every answer to the next question or the outcome")
    func questionPagesLinkAnswers() throws {
        func walk(_ node: DecisionTree, _ path: [DecisionTree.PathStep], _ language: Language) throws {
            guard case .question(let fact, _, let branches) = node else { return }
            let page = path.isEmpty ? "guide/index" : "guide/ask/" + path.map { "\($0.fact)-\($0.answers.map(\.id).joined(separator: "-"))" }.joined(separator: "--")
            let file = "\(language.id)/\(page).html"
            let html = try #require(sitePages[file], "no page \(file)")
            #expect(html.contains(HTMLEscape(realModel.facts[id: fact]?.question?[language.id] ?? fact)))
            #expect(!html.contains("<script"), "the guide works without JavaScript")
            for b in branches {
                let label = b.answers.map { siteSpace.label($0, fact: fact, language: language.id) }.joined(separator: " / ")
                #expect(html.contains(">" + HTMLEscape(label) + "</a>"), "\(file): no link for answer \(label)")
                try walk(b.node, path + [DecisionTree.PathStep(fact: fact, answers: b.answers)], language)
            }
        }
        for l in realModel.languages { try walk(siteTree, [], l) }
    }
}

/// HTML escaping as cmark-gfm writes text.
func HTMLEscape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
