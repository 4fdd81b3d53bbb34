import TebikiModel

/// One product's page: its rules and steps, with a pointer to the general rules.
struct ProductPageMaker {
    let tree: SiteTree
    let diagrams: DiagramFactory

    static func path(_ product: Product, _ language: LanguageID) -> SitePath {
        SitePath(language: language, key: "products/" + SitePath.segment(product.id))
    }

    func draft(_ product: Product, _ lang: SiteLanguage) -> PageDraft {
        let path = ProductPageMaker.path(product, lang.id)
        let title = product.title[lang.id]
        return PageDraft(path: path, title: title) { ext in
            let linker = Linker(from: path, ext: ext)
            var doc = MarkdownDocument()
            var writer = DecisionWriter(lang: lang, file: path.file(ext))
            doc.heading(1, title)
            doc.paragraph(InlineMarker.text(lang.s("site.general-applies")) + " "
                + linker.link(RulesPageMaker.generalTitle(lang), RulesPageMaker.path(lang.id), anchor: RulesPageMaker.generalAnchor(lang)))
            ProductSection(lang: lang, tree: tree, product: product, diagrams: diagrams)
                .write(into: &doc, writer: &writer, linker: linker, level: 2)
            return PageDraft.Body(document: doc, claims: writer.claims)
        }
    }
}
