import Dispatch
import TebikiAnalysis
import TebikiConcurrency
import TebikiModel

/// What a build produced, in memory: the files and the step claims the checker proves.
package struct SiteBuild: Sendable {
    /// Every file of the site, sorted by path.
    package var pages: [Page]
    /// One claim per numbered step list written (Markdown and HTML pages alike).
    package var claims: [StepClaim]
    /// Pages per language folder (`ja`, `en`), and `""` for the root files.
    package var pageCounts: [String: Int]
}

/// Builds the whole site from a model, in memory: per language the refund-rules page, a page per
/// product, the glossary, the decision guide (a page per question, a permalink page per outcome)
/// and the articles, each as GFM Markdown and as HTML (the Markdown through cmark-gfm's safe mode,
/// in the layout template); at the root a language chooser, a 404 page, the style sheet and the
/// sitemap. Nothing is read or written here: the command-line tool writes the pages.
package struct SiteBuilder: Sendable {
    package let model: Model
    /// `site.base_url` of tebiki.yaml: absolute, ending with `/`.
    package let baseURL: String
    package let templates: SiteTemplates
    package let articles: [Article]
    /// The scenario classes the checker already decided (nil: the builder decides what it needs).
    package let decided: DecidedClasses?

    /// Creates a builder. Give `decided` from the checker that ran first, so that no class is
    /// decided twice.
    package init(model: Model, baseURL: String, templates: SiteTemplates, articles: [Article] = [], decided: DecidedClasses? = nil) {
        self.model = model; self.baseURL = baseURL; self.templates = templates; self.articles = articles; self.decided = decided
    }

    /// Builds every page. `progress` is told how many drafts are done out of how many.
    package func build(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(SiteBuildError) -> SiteBuild {
        guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://"), baseURL.hasSuffix("/"),
              !baseURL.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            throw SiteBuildError(.renderFailure, "site.base_url \"\(baseURL)\" must be an absolute http(s) URL ending with /")
        }
        for l in model.languages where l.id.isEmpty || !l.id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            throw SiteBuildError(.renderFailure, "language id \"\(l.id)\" is not a BCP 47 tag (letters, digits and -)")
        }
        var slugs = Set<String>()
        for a in articles where !slugs.insert(a.slug).inserted || ["index", "refund-rules", "glossary", "products", "guide"].contains(a.slug) {
            throw SiteBuildError(.renderFailure, "article slug \"\(a.slug)\" is taken by another page")
        }
        let tree = try SiteTree(model: model, decided: decided)
        let diagrams = DiagramFactory()
        let space = tree.space
        // Each draft with the index of its language in `languages`: a `SiteLanguage` is copied
        // (every field retained and released) wherever it is stored or read by value, and the
        // drafts were stored, iterated and read with theirs thousands of times.
        var languages: [SiteLanguage] = []
        var drafts: [(draft: PageDraft, language: Int)] = []
        for language in model.languages {
            let lang = SiteLanguage(model: model, language: language, space: space)
            let k = languages.count
            languages.append(lang)
            drafts.append((IndexPageMaker(articles: articles).draft(lang), k))
            drafts.append((RulesPageMaker(tree: tree, diagrams: diagrams).draft(lang), k))
            for product in model.products { drafts.append((ProductPageMaker(tree: tree, diagrams: diagrams).draft(product, lang), k)) }
            drafts.append((GlossaryPageMaker().draft(lang), k))
            let guide = GuidePageMaker(tree: tree)
            for node in tree.questions { drafts.append((guide.question(node, lang), k)) }
            // A draft's title is made up front, and a leaf's title compares it with every other
            // leaf's: with a thousand products, on every core.
            let titles = guide.leavesByTitle(lang)
            let leaves = tree.leaves
            drafts.reserveCapacity(drafts.count + leaves.count + articles.count)
            for draft in ParallelMap.map(leaves.count, { guide.leaf(leaves[$0], lang, titles: titles) }) { drafts.append((draft, k)) }
            for article in articles { drafts.append((ArticlePageMaker().draft(article, lang), k)) }
        }
        // Keys every language has get a language switcher and alternates.
        var languagesByKey: [String: Set<String>] = [:]
        for d in drafts { languagesByKey[d.draft.path.key, default: []].insert(languages[d.language].id) }
        let all = Set(model.languages.map(\.id))
        let everyLanguage = Set(languagesByKey.filter { $0.value == all }.keys)
        let chrome = SiteChrome(model: model, baseURL: baseURL, templates: templates, everyLanguage: everyLanguage, articles: articles)

        // The drafts are written on every core, each into its own slot; the pages, the claims and
        // the first error are then taken in draft order, as a sequential loop would.
        let rendered = ParallelMap.map(drafts.count) { i -> Result<(md: Page, html: Page, claims: [StepClaim]), SiteBuildError> in
            let draft = drafts[i].draft
            let lang = languages[drafts[i].language]
            do throws(SiteBuildError) {
                let md = try draft.write("md")
                let mdPage = chrome.markdownPage(draft, body: md.document, lang: lang)
                let html = try draft.write("html")
                let htmlPage = try chrome.htmlPage(draft, body: html.document, lang: lang)
                return .success((mdPage, htmlPage, md.claims + html.claims))
            } catch {
                return .failure(error)
            }
        }
        var pages: [Page] = []
        var claims: [StepClaim] = []
        var seen = Set<String>()
        for i in drafts.indices {
            let path = drafts[i].draft.path
            guard seen.insert(path.file("")).inserted else {
                throw SiteBuildError(.renderFailure, "two pages would be written to \(path.file("html"))")
            }
            switch rendered[i] {
            case .success(let r):
                pages.append(r.md)
                pages.append(r.html)
                claims += r.claims
            case .failure(let error): throw error
            }
            progress(i + 1, drafts.count)
        }
        let root = RootPagesMaker(model: model, baseURL: baseURL, chrome: chrome)
        pages += root.pages()
        pages.append(Page(path: "style.css", contents: templates.css))
        pages.append(root.sitemap(keys: Array(languagesByKey.keys), everyLanguage: everyLanguage))
        pages.sort()
        var counts: [String: Int] = [:]
        for p in pages { counts[SiteBuilder.folder(of: p.path), default: 0] += 1 }
        claims.sort { ($0.path, $0.anchor) < ($1.path, $1.anchor) }
        // The drafts are the last to hold what their pages were written from (the leaves' cases,
        // the texts made once per language): freeing it took a fifth of a second on one core at
        // N = 400 while the other core idled. Another thread frees it while the caller goes on.
        let leftovers = Leftovers((consume drafts, consume languages))
        DispatchQueue.global().async { leftovers.free() }
        return SiteBuild(pages: pages, claims: claims, pageCounts: counts)
    }
}

extension SiteBuilder {
    /// The folder a page is counted in: the first part of its path when it has more than one
    /// (`ja/guide/index.html` → `ja`), else `""`. The parts are those of `split(separator: "/")`,
    /// which leaves empty parts out.
    ///
    /// Read over bytes for an ASCII path (every page's): splitting each path twice by Character
    /// took more time than the rest of the counting. A path with other characters is split as
    /// before, since there a `/` may begin a longer Character (followed by a combining mark).
    static func folder(of path: String) -> String {
        let utf8 = path.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let parts = path.split(separator: "/")
            return parts.count > 1 ? String(parts[0]) : ""
        }
        let slash = UInt8(ascii: "/")
        // The first part: skip leading slashes, then read to the next slash.
        guard let start = utf8.firstIndex(where: { $0 != slash }) else { return "" }
        guard let end = utf8[start...].firstIndex(of: slash) else { return "" }
        // A second part exists when anything but slashes follows.
        guard utf8[end...].contains(where: { $0 != slash }) else { return "" }
        return String(path[start..<end])
    }
}

/// Values handed to another thread only to be freed there: nothing reads them after the
/// hand-over, so sending them across is safe although their type is not `Sendable`.
private final class Leftovers<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: consuming Value) { self.value = value }
    func free() { value = nil }
}
