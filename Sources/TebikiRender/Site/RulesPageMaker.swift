import TebikiAnalysis
import TebikiModel

/// The refund-rules page: the general rules (deadline, what blocks every refund, the amount,
/// the route), then every product with its conditions, situations and numbered steps.
struct RulesPageMaker {
    let tree: SiteTree
    let diagrams: DiagramFactory

    static func path(_ language: LanguageID) -> SitePath { SitePath(language: language, key: "refund-rules") }

    /// The anchor of the general rules' heading on this page.
    static func generalAnchor(_ lang: SiteLanguage) -> String {
        HeadingSlug.base(generalTitle(lang))
    }

    static func generalTitle(_ lang: SiteLanguage) -> String {
        lang.model.tables[id: lang.model.edition.entryTable]?.title[lang.id] ?? lang.s("site.general-rules")
    }

    func draft(_ lang: SiteLanguage) -> PageDraft {
        let path = RulesPageMaker.path(lang.id)
        let title = lang.model.edition.title[lang.id]
        return PageDraft(path: path, title: title) { ext in
            let model = lang.model
            let linker = Linker(from: path, ext: ext)
            var doc = MarkdownDocument()
            var writer = DecisionWriter(lang: lang, file: path.file(ext))
            doc.heading(1, title)
            doc.paragraph(lang.md("site.rules-intro"))
            doc.bullets(model.products.map { p in
                "[" + lang.md(p.title) + "](#" + HeadingSlug.base(p.title[lang.id]) + ")"
            })
            RulesPageMaker.writeGeneral(lang: lang, tree: tree, into: &doc, linker: linker, level: 2)
            for product in model.products {
                doc.heading(2, product.title[lang.id])
                doc.paragraph(linker.link(lang.s("site.product-page", ["product": product.title[lang.id]]), ProductPageMaker.path(product, lang.id)))
                ProductSection(lang: lang, tree: tree, product: product, diagrams: diagrams)
                    .write(into: &doc, writer: &writer, linker: linker, level: 3)
            }
            return PageDraft.Body(document: doc, claims: writer.claims)
        }
    }

    /// The general rules at `level`: the deadline, the leaves decided before the product, the
    /// formulas more than one product uses (with their worked examples), the route.
    static func writeGeneral(lang: SiteLanguage, tree: SiteTree, into doc: inout MarkdownDocument, linker: Linker, level: Int) {
        let model = lang.model
        doc.heading(level, generalTitle(lang))
        // The rule says how the days are counted; the date question's help, written for the guide,
        // says it again, so the rules page leaves it out.
        doc.paragraph(InlineMarker.text(lang.s("site.deadline-rule-long", ["days": String(model.edition.window.length)])))
        let general = tree.leaves.filter { !tree.isProductLeaf($0) }
        let rows = general.map { leaf -> [String] in
            let condition = leaf.path.last.map { InlineMarker.text(lang.question($0.fact)) + " → " + InlineMarker.text(lang.answers($0.answers, fact: $0.fact)) } ?? ""
            let outcome = model.outcomes[id: leaf.decision.outcome].map { InlineMarker.text($0.title[lang.id]) } ?? ""
            let reason = model.reasons[id: leaf.decision.reason].map { lang.fill($0.text) } ?? ""
            let source = leaf.rules.last.flatMap { r in model.tables[id: r.table]?.rules.first { $0.id == r.rule }?.source }
            return [condition, outcome, reason + (source.map { " " + lang.citation($0) } ?? "")]
        }
        doc.table(header: [lang.md("site.condition"), lang.md("explain.outcome"), lang.md("explain.reason")], rows: rows)
        // Amounts: the formulas more than one product's rows use.
        let shared = model.formulas.filter { tree.sharedFormulas.contains($0.id) }
        if !shared.isEmpty {
            doc.heading(level + 1, lang.s("explain.amount"))
            for f in shared {
                doc.paragraph(lang.md(f.text))
                if let example = f.example {
                    doc.paragraph(InlineMarker.styled("example-label", lang.md("site.example")) + InlineMarker.text(lang.s("site.title-separator")) + lang.md(example.text))
                    if let source = example.source { doc.paragraph(lang.citation(source)) }
                }
            }
        }
        if let routeTable = model.tables[id: model.edition.routeTable] {
            doc.heading(level + 1, lang.s("explain.route"))
            doc.bullets(routeTable.rules.compactMap { rule -> String? in
                guard case .route(let id) = rule.result, let route = model.routes[id: id] else { return nil }
                return lang.fill(route.text) + " " + lang.citation(rule.source)
            })
        }
        doc.paragraph(linker.link(lang.s("site.guide-start"), SiteTree.questionPath([], language: lang.id)))
    }
}
