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
        guard let rendered = CommonMark.html(body.markdown) else {
            throw SiteBuildError(stage: "render", message: "cmark-gfm could not render \(draft.path.file("html"))")
        }
        let content = HTMLPostProcessor.process(rendered, diagrams: body.diagrams, figureLabel: lang.s("site.diagram-text"))
        let file = draft.path.file("html")
        let rel = { (to: String) in SitePath.relative(from: file, to: to) }
        let nav: [[String: Any]] = navigation(lang).map { item in
            ["href": rel(item.path.file("html")), "label": item.label, "current": item.path == draft.path]
        }
        var languages: [[String: Any]] = []
        var alternates: [[String: Any]] = []
        if everyLanguage.contains(draft.path.key) {
            for l in model.languages {
                let target = draft.path.inLanguage(l.id).file("html")
                languages.append(["lang": l.id, "name": l.name, "href": rel(target), "current": l.id == lang.id])
                alternates.append(["hreflang": l.id, "href": absolute(target)])
            }
            alternates.append(["hreflang": "x-default", "href": xDefault(draft.path.key)])
        }
        let data: [String: Any] = [
            "lang": lang.id,
            "title": draft.title,
            "siteTitle": lang.s("site.title"),
            "homeHref": rel(IndexPageMaker.path(lang.id).file("html")),
            "cssHref": rel("style.css"),
            "canonical": absolute(file),
            "hasCanonical": true,
            "skipLabel": lang.s("site.skip"),
            "navLabel": lang.s("site.nav"),
            "languagesLabel": lang.s("site.other-languages"),
            "nav": nav,
            "hasNav": !nav.isEmpty,
            "languages": languages,
            "hasLanguages": !languages.isEmpty,
            "alternates": alternates,
            "edition": editionLine(lang),
            "footer": lang.s("site.footer"),
            "markdownHref": rel(draft.path.file("md")),
            "markdownLabel": lang.s("site.markdown"),
            "content": content,
        ]
        return Page(path: file, contents: templates.layout.render(data))
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
