import Foundation
import Testing
import TebikiAnalysis
import TebikiModel
import TebikiRender

/// A product in a language.
struct ProductPageCase: CustomTestStringConvertible, Sendable {
    var product: Product
    var language: Language
    var testDescription: String { "\(language.id) \(product.id)" }
    static var all: [ProductPageCase] {
        realModel.languages.flatMap { l in realModel.products.map { ProductPageCase(product: $0, language: l) } }
    }
}

@Suite("Site: page content")
struct SiteContentTests {
    @Test("each product page and the rules page cover every status, outcome and step list of the product", arguments: ProductPageCase.all)
    func productPage(_ c: ProductPageCase) throws {
        let l = c.language.id
        let page = "\(l)/products/\(c.product.id)"
        for file in [page + ".md", "\(l)/refund-rules.md"] {
            let md = try #require(sitePages[file])
            #expect(md.contains(Markdown.escape(c.product.title[l])), "\(file)")
            // Every value of the product's own enumerations (certificate status, CA status).
            for fact in realModel.facts where fact.type == .enumeration && fact.appliesWhen.contains(where: { $0.test.matches(.symbol(c.product.id), in: Scenario()) }) {
                for value in fact.values {
                    #expect(md.contains(Markdown.escape(value.label[l])), "\(file): \(fact.id) = \(value.id) is not covered")
                }
            }
            // Every refunding situation of the product has numbered steps, claimed for the checker.
            let leaves = siteTree.leaves.filter { leaf in leaf.path.contains { $0.fact == "product" && $0.answers.contains { $0.id == c.product.id } } }
            #expect(!leaves.isEmpty)
            for leaf in leaves {
                if let procedure = leaf.decision.procedure.flatMap({ realModel.procedures[id: $0] }) {
                    #expect(md.contains(Markdown.escape(procedure.title[l])), "\(file): no section for \(procedure.id)")
                }
                let reason = try #require(realModel.reasons[id: leaf.decision.reason])
                let relative = realModel.string("site.relative.deadline", l).replacingOccurrences(of: "{days}", with: String(realModel.edition.window.length))
                let text = TemplateFiller(model: realModel, language: c.language, style: .markdown)
                    .fill(reason.text, values: ["deadline": .symbol(relative), "currency": .symbol(realModel.edition.currency)])
                #expect(md.contains(text), "\(file): the reason of \(leaf.id) is missing")
            }
            let claims = siteBuild.claims.filter { $0.path == file }
            for claim in claims where claim.scenario["product"] == .symbol(c.product.id) {
                #expect(markdownSteps(md, anchor: claim.anchor) == (try explainSteps(claim.scenario, c.language)), "\(file)#\(claim.anchor)")
            }
            let refunding = leaves.filter { realModel.outcomes[id: $0.decision.outcome]?.refunds == true }
            #expect(claims.contains { $0.scenario["product"] == .symbol(c.product.id) } == !refunding.isEmpty, "\(file): step lists")
        }
    }

    @Test("the rules page has the general rules, the deadline, the formula with its worked example and the routes", arguments: realModel.languages.map(\.id))
    func rulesPage(_ l: String) throws {
        let md = try #require(sitePages["\(l)/refund-rules.md"])
        for formula in realModel.formulas {
            #expect(md.contains(Markdown.escape(formula.text[l])), "formula \(formula.id)")
            if let example = formula.example { #expect(md.contains(Markdown.escape(example.text[l])), "example of \(formula.id)") }
        }
        for route in realModel.routes {
            let words = route.text.source[l].prefix(12)
            #expect(md.contains(Markdown.escape(String(words))), "route \(route.id)")
        }
        for warning in realModel.warnings {
            #expect(md.contains(Markdown.escape(warning.title?[l] ?? "")), "warning \(warning.id)")
        }
        #expect(md.contains("```mermaid"))
        // The deadline rule is stated once: the date question's help (for the guide) would say it again.
        let rule = realModel.string("site.deadline-rule-long", l).replacingOccurrences(of: "{days}", with: String(realModel.edition.window.length))
        #expect(md.components(separatedBy: Markdown.escape(rule)).count == 2, "the deadline rule is not stated exactly once")
        let help = try #require(realModel.facts[id: realModel.edition.window.countsFrom]?.help?[l])
        #expect(!md.contains(Markdown.escape(help)), "the payment date's help repeats the deadline rule")
        let html = try #require(sitePages["\(l)/refund-rules.html"])
        #expect(html.contains("<svg"))
        #expect(html.contains("<figure class=\"diagram\">"))
    }

    @Test("text from the model is escaped: no raw HTML passes")
    func escaping() {
        let processed = HTMLPostProcessor.addingHeadingIDs("<h2>A &amp; B</h2><h2>A &amp; B</h2>")
        #expect(processed == "<h2 id=\"a--b\">A &amp; B</h2><h2 id=\"a--b-1\">A &amp; B</h2>")
        #expect(InlineMarker.text("<script>\u{E000}lang=x\"\u{E001}") == Markdown.escape("<script>lang=x\""))
        for page in siteBuild.pages where page.path.hasSuffix(".html") {
            #expect(!page.contents.unicodeScalars.contains { (0xE000...0xE00F).contains($0.value) }, "\(page.path) keeps a mark")
        }
        for page in siteBuild.pages where page.path.hasSuffix(".md") {
            #expect(!page.contents.unicodeScalars.contains { (0xE000...0xE00F).contains($0.value) }, "\(page.path) keeps a mark")
        }
    }

    @Test("GitHub heading slugs", arguments: [
        ("Steps (Validity (years): 2)", "steps-validity-years-2"),
        ("手順 (有効期間 (年): 2 / 3 の場合)", "手順-有効期間-年-2--3-の場合"),
        ("「クラウド製品へのデプロイ」", "クラウド製品へのデプロイ"),
        ("A_b-C", "a_b-c"),
    ])
    func slugs(_ text: String, _ slug: String) {
        #expect(HeadingSlug.base(text) == slug)
    }
}
