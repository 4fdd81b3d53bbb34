import Foundation
@testable import TebikiCheck
import TebikiEngine
import TebikiMarkdown
import TebikiModel
import TebikiRender
import Testing

/// Pages made here the way a site shows steps (a heading, then the numbered list), in Markdown
/// and HTML, in both languages; hand edits of them must be caught.
enum TestSite {
    static let scenarios: [(String, String)] = [
        ("ssl-issued", #"{"product":"ssl-certificate","paid_on":"2025-12-01","requested_on":"2025-12-02","cash_paid":"30.00","certificate_status":"issued","validity_years":3}"#),
        ("pca-enabled", #"{"product":"private-ca","paid_on":"2025-12-01","requested_on":"2025-12-03","cash_paid":"100.00","ca_status":"enabled"}"#),
    ]

    /// The pages and the claims for them.
    static func build(model: Model = realModel) throws -> (pages: [Page], claims: [StepClaim]) {
        var pages: [Page] = [], claims: [StepClaim] = []
        for language in model.languages {
            var md = "# Guide\n\nSome words.\n\n", html = "<h1>Guide</h1>\n"
            for (name, json) in scenarios {
                let scenario = try ScenarioDecoder(model: model).decode(json: json).get()
                let decision = try Engine(model: model).evaluate(scenario)
                let steps = Explanation(decision: decision, model: model, language: language, style: .markdown).steps
                let list = steps.enumerated().map { "\($0 + 1). \($1.text)\n" + ($1.caution.map { "\n   > **Caution**: \($0)\n\n" } ?? "") }.joined()
                md += "## Steps \(name)\n\n\(list)\nAfter the list.\n\n"
                html += "<h2 id=\"steps-\(name)\">Steps</h2>\n" + (CommonMark.html(list) ?? "") + "<p>After the list.</p>\n"
                for ext in ["md", "html"] {
                    claims.append(StepClaim(path: "\(language.id)/guide.\(ext)", anchor: "steps-\(name)", language: language.id, scenario: scenario))
                }
            }
            pages.append(Page(path: "\(language.id)/guide.md", contents: md))
            pages.append(Page(path: "\(language.id)/guide.html", contents: html))
        }
        return (pages, claims)
    }
}

/// A hand edit of a built page and the diagnostic it must give.
struct PageEdit: Sendable, CustomTestStringConvertible {
    var name: String
    var path: String
    var edit: @Sendable (String) -> String
    var expected: String
    var testDescription: String { name }
}

@Suite("Check: generated pages against the model")
struct CheckPageTests {
    static let checker = Checker(model: realModel)

    @Test("pages built from the model pass")
    func builtPagesPass() throws {
        let site = try TestSite.build()
        #expect(site.claims.count == 8)
        #expect(Self.checker.checkPages(site.pages, claims: site.claims).map(\.oneLine) == [])
    }

    static let edits: [PageEdit] = [
        PageEdit(name: "a step reworded (Markdown, ja)", path: "ja/guide.md",
                 edit: { $0.replacingOccurrences(of: "**失効**", with: "**削除**") }, expected: "check.page.step-differs"),
        PageEdit(name: "a step reworded (HTML, en)", path: "en/guide.html",
                 edit: { $0.replacingOccurrences(of: "<strong>Revoke</strong>", with: "<strong>Delete</strong>") }, expected: "check.page.step-differs"),
        PageEdit(name: "two steps swapped (Markdown, en)", path: "en/guide.md", edit: { swapSteps($0) }, expected: "check.page.step-differs"),
        PageEdit(name: "a step removed (HTML, ja)", path: "ja/guide.html", edit: { removeLastItem($0) }, expected: "check.page.step-count"),
        PageEdit(name: "a step removed in one language only", path: "en/guide.md", edit: { removeLastMarkdownItem($0) }, expected: "check.page.languages-differ"),
        PageEdit(name: "the heading renamed", path: "ja/guide.md",
                 edit: { $0.replacingOccurrences(of: "## Steps pca-enabled", with: "## Procedure") }, expected: "check.page.anchor-missing"),
    ]

    @Test("a guide page edited by hand after the build is caught", arguments: edits)
    func handEdit(_ e: PageEdit) throws {
        var site = try TestSite.build()
        let i = try #require(site.pages.firstIndex { $0.path == e.path })
        let before = site.pages[i].contents
        site.pages[i].contents = e.edit(before)
        #expect(site.pages[i].contents != before, "the edit must change the page")
        let found = Self.checker.checkPages(site.pages, claims: site.claims, siteDirectory: "site")
        let hit = found.first { $0.id == e.expected }
        #expect(hit != nil, "expected \(e.expected); got \(found.map(\.oneLine))")
        #expect(hit?.location?.file.hasPrefix("site/") == true)
        #expect(hit?.counterexample != nil)
    }

    @Test("the differing step is pointed at by line")
    func differingLine() throws {
        var site = try TestSite.build()
        let i = try #require(site.pages.firstIndex { $0.path == "ja/guide.md" })
        site.pages[i].contents = site.pages[i].contents.replacingOccurrences(of: "**失効**", with: "**削除**")
        let lines = site.pages[i].contents.split(separator: "\n", omittingEmptySubsequences: false)
        let edited = try #require(lines.firstIndex { $0.contains("**削除**") && $0.first?.isNumber == true })
        let hit = try #require(Self.checker.checkPages(site.pages, claims: site.claims).first { $0.id == "check.page.step-differs" })
        #expect(hit.location == SourceLocation(file: "ja/guide.md", line: edited + 1, column: 4))
        #expect(hit.explanation.contains("失効"))
    }

    @Test("a page that is missing is reported")
    func missingPage() throws {
        let site = try TestSite.build()
        let found = Self.checker.checkPages(site.pages.filter { $0.path != "en/guide.html" }, claims: site.claims)
        #expect(found.map(\.id) == ["check.page.missing", "check.page.missing"])
    }

    @Test("Markdown slugs follow GitHub's rules, any script")
    func slugs() {
        #expect(HeadingSlug.base("Steps ssl-issued") == "steps-ssl-issued")
        #expect(HeadingSlug.base("返金の手順 (SSL)") == "返金の手順-ssl")
    }

    /// The real site, built in memory by `SiteBuilder` with the repository's templates.
    static func realSite() throws -> SiteBuild {
        let layout = try String(contentsOfFile: repositoryRoot + "/templates/layout.mustache", encoding: .utf8)
        let css = try String(contentsOfFile: repositoryRoot + "/templates/style.css", encoding: .utf8)
        let templates = try SiteTemplates(layout: layout, css: css)
        return try SiteBuilder(model: realModel, baseURL: "https://help.example.com/cms/refunds/", templates: templates).build()
    }

    @Test("the site SiteBuilder builds from the real content passes, every step list of it")
    func realSitePasses() throws {
        let site = try Self.realSite()
        #expect(!site.claims.isEmpty)
        #expect(Set(site.claims.map(\.language)) == Set(realModel.languages.map(\.id)))
        #expect(Self.checker.checkPages(site.pages, claims: site.claims).map(\.oneLine) == [])
    }

    @Test("a page of the real site edited by hand after the build is caught, Markdown and HTML", arguments: ["md", "html"])
    func realSiteEdited(_ ext: String) throws {
        var site = try Self.realSite()
        let (from, to) = ext == "md" ? ("**Refund**", "**Return**") : (">Refund</strong>", ">Return</strong>")
        let claim = try #require(site.claims.first { c in
            c.path.hasSuffix(".\(ext)") && c.language == "en" && site.pages.contains { $0.path == c.path && $0.contents.contains(from) }
        })
        let i = try #require(site.pages.firstIndex { $0.path == claim.path })
        let before = site.pages[i].contents
        site.pages[i].contents = before.replacingOccurrences(of: from, with: to)
        #expect(site.pages[i].contents != before)
        let found = Self.checker.checkPages(site.pages, claims: site.claims, siteDirectory: "site")
        #expect(found.contains { $0.id == "check.page.step-differs" && $0.location?.file == "site/" + claim.path }, "\(found.map(\.oneLine))")
    }

    static func swapSteps(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let a = lines.firstIndex(where: { $0.hasPrefix("1. ") }), let b = lines.firstIndex(where: { $0.hasPrefix("2. ") }) else { return text }
        let first = String(lines[a].dropFirst(3)), second = String(lines[b].dropFirst(3))
        lines[a] = "1. " + second; lines[b] = "2. " + first
        return lines.joined(separator: "\n")
    }

    static func removeLastItem(_ html: String) -> String {
        guard let end = html.range(of: "</li>\n</ol>"), let start = html.range(of: "<li>", options: .backwards, range: html.startIndex..<end.lowerBound)
        else { return html }
        return html.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "</ol>")
    }

    static func removeLastMarkdownItem(_ md: String) -> String {
        var lines = md.components(separatedBy: "\n")
        guard let after = lines.firstIndex(of: "After the list.") else { return md }
        var k = after - 1
        while k > 0, lines[k].first?.isNumber != true { k -= 1 }
        lines.removeSubrange(k..<after)
        return lines.joined(separator: "\n")
    }
}
