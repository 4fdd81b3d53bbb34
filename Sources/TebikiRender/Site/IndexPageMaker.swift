import TebikiModel

/// A language's home page: what the site holds, with a link to every guide.
struct IndexPageMaker {
    let articles: [Article]

    static func path(_ language: LanguageID) -> SitePath { SitePath(language: language, key: "index") }

    func draft(_ lang: SiteLanguage) -> PageDraft {
        let path = IndexPageMaker.path(lang.id)
        let title = lang.s("site.title")
        return PageDraft(path: path, title: title) { ext in
            let model = lang.model
            let linker = Linker(from: path, ext: ext)
            var doc = MarkdownDocument()
            doc.heading(1, title)
            doc.paragraph(InlineMarker.text(lang.s("site.index-intro", ["edition": model.edition.title[lang.id], "date": lang.language.format(model.edition.date)])))
            doc.heading(2, lang.s("site.guide"))
            doc.paragraph(lang.md("site.guide-intro"))
            doc.paragraph(linker.link(lang.s("site.guide-start"), SiteTree.questionPath([], language: lang.id)))
            doc.heading(2, lang.s("site.rules"))
            doc.bullets([linker.link(model.edition.title[lang.id], RulesPageMaker.path(lang.id))]
                + model.products.map { linker.link($0.title[lang.id], ProductPageMaker.path($0, lang.id)) })
            doc.heading(2, lang.s("site.reference"))
            doc.bullets([linker.link(lang.s("site.glossary"), GlossaryPageMaker.path(lang.id))]
                + articles.map { linker.link($0.title[lang.id], ArticlePageMaker.path($0, lang.id)) })
            return PageDraft.Body(document: doc)
        }
    }
}
