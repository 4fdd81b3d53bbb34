import Foundation
import Testing
import TebikiAnalysis
import TebikiCLI
import TebikiContent
import TebikiDiff
import TebikiEngine
import TebikiMarkdown
import TebikiModel
import TebikiRender

/// The site built once from the real content and templates, for every site test.
let siteBuild: SiteBuild = {
    do { return try buildSite() } catch { fatalError("the site does not build: \(error)") }
}()

/// The articles `tebiki build` publishes with the real content (the "What changed" page), as
/// the pipeline makes them: the current edition against the one before it.
let realArticles: [Article] = {
    let run = Pipeline(content: repositoryRoot + "/content", edition: nil, templates: repositoryRoot + "/templates").load()
    guard let model = run.loaded?.model, let previous = run.previous else { fatalError("content/ or its previous edition does not load") }
    return WhatChangedPage.articles(before: previous, after: model)
}()

/// The real base URL of content/tebiki.yaml.
let siteBaseURL: String = ContentLoader.load(contentDirectory: repositoryRoot + "/content").baseURL ?? ""

/// The real templates.
func siteTemplates() throws -> SiteTemplates {
    let layout = try String(contentsOfFile: repositoryRoot + "/templates/layout.mustache", encoding: .utf8)
    let css = try String(contentsOfFile: repositoryRoot + "/templates/style.css", encoding: .utf8)
    return try SiteTemplates(layout: layout, css: css)
}

/// A fresh build in memory.
func buildSite(articles: [Article] = realArticles) throws -> SiteBuild {
    try SiteBuilder(model: realModel, baseURL: siteBaseURL, templates: siteTemplates(), articles: articles).build()
}

/// The built pages by path.
let sitePages: [String: String] = Dictionary(uniqueKeysWithValues: siteBuild.pages.map { ($0.path, $0.contents) })

/// The decision tree the guide is made from.
let siteSpace = QuestionSpace(model: realModel)
let siteTree = TreeBuilder(space: siteSpace).tree()

/// The step texts of the first ordered list after the heading `anchor` of a Markdown page.
func markdownSteps(_ markdown: String, anchor: String) -> [String]? {
    var slugs = HeadingSlug()
    var found = false
    var items: [String] = []
    var inFence = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("```") { inFence.toggle(); continue }
        if inFence { continue }
        if !found {
            if let text = headingText(line), slugs.next(text) == anchor { found = true }
            continue
        }
        if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty,
           line[dot...].hasPrefix(". ") {
            items.append(String(line[line.index(dot, offsetBy: 2)...]))
        } else if !items.isEmpty {
            break
        } else if headingText(line) != nil {
            return nil  // the next heading came before any list
        }
    }
    return found ? items : nil
}

/// A Markdown heading line's text, backslash escapes removed; nil for other lines.
func headingText(_ line: Substring) -> String? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    var out = ""
    var escaped = false
    for c in line.dropFirst(hashes + 1) {
        if c == "\\" && !escaped { escaped = true; continue }
        out.append(c); escaped = false
    }
    return out
}

/// The items (inner HTML) of the first `<ol>` after the element with `id="anchor"`.
func htmlSteps(_ html: String, anchor: String) -> [String]? {
    guard let at = html.range(of: "id=\"\(anchor)\"") else { return nil }
    let rest = html[at.upperBound...]
    guard let ol = rest.range(of: "<ol>"), let end = rest[ol.upperBound...].range(of: "</ol>") else { return nil }
    // No heading between the anchor and the list.
    if let h = rest.range(of: "<h"), h.lowerBound < ol.lowerBound, rest[h.upperBound...].first?.isNumber == true { return nil }
    return rest[ol.upperBound..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map {
        $0.replacingOccurrences(of: "</li>", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The steps `tebiki explain --format markdown` gives for a scenario.
func explainSteps(_ scenario: Scenario, _ language: Language) throws -> [String] {
    let decision = try Engine(model: realModel).evaluate(scenario)
    return Explanation(decision: decision, model: realModel, language: language, style: .markdown).steps.map(\.text)
}

@Suite("Site: build")
struct SiteBuildTests {
    @Test("two builds of the same content are byte-identical")
    func deterministic() throws {
        let again = try buildSite()
        #expect(again.pages.map(\.path) == siteBuild.pages.map(\.path))
        for (a, b) in zip(again.pages, siteBuild.pages) where a != b {
            Issue.record("\(a.path) differs between two builds")
        }
        #expect(again.claims == siteBuild.claims)
    }

    @Test("pages are sorted, unique, and counted per language")
    func pagesSorted() {
        let paths = siteBuild.pages.map(\.path)
        #expect(paths == paths.sorted())
        #expect(Set(paths).count == paths.count)
        for l in realModel.languages {
            #expect(siteBuild.pageCounts[l.id] == paths.filter { $0.hasPrefix(l.id + "/") }.count)
            #expect((siteBuild.pageCounts[l.id] ?? 0) > 20)
        }
        for root in ["index.html", "index.md", "404.html", "style.css", "sitemap.xml"] {
            #expect(sitePages[root] != nil, "\(root) is missing")
        }
    }

    @Test("the committed site/ equals a fresh build")
    func committedSiteIsFresh() throws {
        let directory = URL(fileURLWithPath: repositoryRoot + "/site").resolvingSymlinksInPath().path
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: directory) else {
            Issue.record("site/ is stale: run tebiki build (site/ does not exist)")
            return
        }
        var onDisk: [String: String] = [:]
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: directory + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            onDisk[item] = (try? String(contentsOfFile: directory + "/" + item, encoding: .utf8)) ?? ""
        }
        let missing = sitePages.keys.filter { onDisk[$0] == nil }.sorted()
        // The writer adds its marker to every site (beside the pages the build rendered).
        #expect(onDisk[SiteWriter.markerName] == SiteWriter.markerContents, "site/ is stale: run tebiki build (its \(SiteWriter.markerName) is missing or differs)")
        let extra = onDisk.keys.filter { sitePages[$0] == nil && $0 != SiteWriter.markerName }.sorted()
        let changed = sitePages.keys.filter { onDisk[$0] != nil && onDisk[$0] != sitePages[$0] }.sorted()
        #expect(missing.isEmpty && extra.isEmpty && changed.isEmpty,
                "site/ is stale: run tebiki build (missing: \(missing.prefix(5)), extra: \(extra.prefix(5)), changed: \(changed.prefix(5)))")
    }

    @Test("an article is published in every language and linked from the index and the navigation")
    func articles() throws {
        let values = Dictionary(uniqueKeysWithValues: realModel.languages.map { ($0.id, "Title \($0.id) <script>") })
        let bodies = Dictionary(uniqueKeysWithValues: realModel.languages.map { ($0.id, "## Section\n\nBody of \($0.id) \\<b\\>") })
        let build = try buildSite(articles: [Article(slug: "what-changed", title: Localized(values), body: Localized(bodies))])
        let pages = Dictionary(uniqueKeysWithValues: build.pages.map { ($0.path, $0.contents) })
        for l in realModel.languages {
            let html = try #require(pages["\(l.id)/what-changed.html"])
            #expect(html.contains("Body of \(l.id) &lt;b&gt;"))
            #expect(!html.contains("<script>"))
            #expect(pages["\(l.id)/what-changed.md"]?.contains("Body of \(l.id)") == true)
            #expect(pages["\(l.id)/index.html"]?.contains("href=\"what-changed.html\"") == true)
            #expect(pages["\(l.id)/glossary.html"]?.contains("href=\"what-changed.html\"") == true)
        }
    }
}
