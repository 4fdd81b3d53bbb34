import TebikiMarkdown
import TebikiModel

/// Puts a page body into its chrome: for Markdown a language line and the edition; for HTML the
/// layout template with `lang`, landmarks, navigation, the language switcher, `hreflang`
/// alternates (absolute, reciprocal, with `x-default`) and the edition date.
struct SiteChrome {
    let model: Model
    let baseURL: String
    let templates: SiteTemplates
    /// Keys that exist in every language (they get alternates and a language switcher).
    let everyLanguage: Set<String>
    let articles: [Article]

    /// The absolute URL of a site file.
    func absolute(_ file: String) -> String { baseURL + file }

    /// Where `x-default` points for a key: the root language chooser for the home pages, else the
    /// page in the source language (the text the translations are made from).
    func xDefault(_ key: String) -> String {
        key == "index" ? baseURL : absolute(SitePath(language: model.sourceLanguage.id, key: key).file("html"))
    }

    /// The Markdown file of a draft.
    func markdownPage(_ draft: PageDraft, body: MarkdownDocument, lang: SiteLanguage) -> Page {
        let linker = Linker(from: draft.path, ext: "md")
        var out = ""
        if everyLanguage.contains(draft.path.key) {
            let others = model.languages.filter { $0.id != lang.id }.map { l in
                "[" + InlineMarker.text(l.name) + "](" + linker.href(draft.path.inLanguage(l.id)) + ")"
            }
            out += InlineMarker.text(lang.s("site.other-languages")) + ": " + others.joined(separator: " · ") + "\n\n"
        }
        out += InlineMarker.removed(from: body.markdown)
        out += "---\n\n" + InlineMarker.text(editionLine(lang)) + "\n"
        return Page(path: draft.path.file("md"), contents: out)
    }

    /// The line on every page that says which edition of the rules it shows.
    func editionLine(_ lang: SiteLanguage) -> String {
        lang.s("site.edition", ["date": lang.language.format(model.edition.date), "edition": model.edition.id])
    }

    /// The HTML file of a draft.
    func htmlPage(_ draft: PageDraft, body: MarkdownDocument, lang: SiteLanguage) throws(SiteBuildError) -> Page {
        // The post-process reads cmark-gfm's bytes where they are, before they are freed.
        let figureLabel = lang.s("site.diagram-text")
        guard let content = CommonMark.withHTML(body.markdown, { HTMLPostProcessor.process($0, diagrams: body.diagrams, figureLabel: figureLabel) }) else {
            throw SiteBuildError(.renderFailure, "cmark-gfm could not render \(draft.path.file("html"))")
        }
        let file = draft.path.file("html")
        let rel = { (to: String) in SitePath.relative(from: file, to: to) }
        var nav: [LayoutValues] = []
        for item in navigation(lang) {
            var v = LayoutValues()
            v.set("href", rel(item.path.file("html")))
            v.set("label", item.label)
            v.set("current", item.path == draft.path)
            nav.append(v)
        }
        var languages: [LayoutValues] = []
        var alternates: [LayoutValues] = []
        if everyLanguage.contains(draft.path.key) {
            for l in model.languages {
                let target = draft.path.inLanguage(l.id).file("html")
                var language = LayoutValues()
                language.set("lang", l.id)
                language.set("name", l.name)
                language.set("href", rel(target))
                language.set("current", l.id == lang.id)
                languages.append(language)
                var alternate = LayoutValues()
                alternate.set("hreflang", l.id)
                alternate.set("href", absolute(target))
                alternates.append(alternate)
            }
            var alternate = LayoutValues()
            alternate.set("hreflang", "x-default")
            alternate.set("href", xDefault(draft.path.key))
            alternates.append(alternate)
        }
        var data = LayoutValues()
        data.set("lang", lang.id)
        data.set("title", draft.title)
        data.set("siteTitle", lang.s("site.title"))
        data.set("homeHref", rel(IndexPageMaker.path(lang.id).file("html")))
        data.set("cssHref", rel("style.css"))
        data.set("canonical", absolute(file))
        data.set("hasCanonical", true)
        data.set("skipLabel", lang.s("site.skip"))
        data.set("navLabel", lang.s("site.nav"))
        data.set("languagesLabel", lang.s("site.other-languages"))
        data.set("nav", nav)
        data.set("hasNav", !nav.isEmpty)
        data.set("languages", languages)
        data.set("hasLanguages", !languages.isEmpty)
        data.set("alternates", alternates)
        data.set("edition", editionLine(lang))
        data.set("footer", lang.s("site.footer"))
        data.set("markdownHref", rel(draft.path.file("md")))
        data.set("markdownLabel", lang.s("site.markdown"))
        data.set("content", content)
        return Page(path: file, contents: templates.compiledLayout.render(data))
    }

    /// The site's main navigation in a language.
    func navigation(_ lang: SiteLanguage) -> [(path: SitePath, label: String)] {
        [
            (IndexPageMaker.path(lang.id), lang.s("site.home")),
            (SiteTree.questionPath([], language: lang.id), lang.s("site.guide")),
            (RulesPageMaker.path(lang.id), lang.s("site.rules")),
            (GlossaryPageMaker.path(lang.id), lang.s("site.glossary")),
        ] + articles.map { (ArticlePageMaker.path($0, lang.id), $0.title[lang.id]) }
    }
}
