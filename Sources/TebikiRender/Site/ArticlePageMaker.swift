import TebikiModel

/// A page made elsewhere (`Article`, such as the diff's "What changed"), published like a guide.
struct ArticlePageMaker {
    static func path(_ article: Article, _ language: LanguageID) -> SitePath {
        SitePath(language: language, key: SitePath.segment(article.slug))
    }

    func draft(_ article: Article, _ lang: SiteLanguage) -> PageDraft {
        let path = ArticlePageMaker.path(article, lang.id)
        let title = article.title[lang.id]
        return PageDraft(path: path, title: title) { _ in
            var doc = MarkdownDocument()
            doc.heading(1, title)
            // The body is Markdown the article's maker escaped; marks are reserved for the site.
            doc.paragraph(InlineMarker.stripped(article.body[lang.id]))
            return PageDraft.Body(document: doc)
        }
    }
}
