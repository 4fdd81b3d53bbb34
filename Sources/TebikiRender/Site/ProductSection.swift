import TebikiAnalysis
import TebikiModel

/// One product's rules, written at a heading level: what it is, its decision tree, when no refund
/// is possible, and for each situation that refunds its conditions, decision and numbered steps.
/// The refund-rules page and the product's own page both use it.
struct ProductSection {
    let lang: SiteLanguage
    let tree: SiteTree
    let product: Product
    let diagrams: DiagramFactory

    /// Writes the section; `level` is the level of its subsections' headings.
    func write(into doc: inout MarkdownDocument, writer: inout DecisionWriter, linker: Linker, level: Int) {
        let model = lang.model
        doc.paragraph(lang.md(product.summary))
        if let source = product.source { doc.paragraph(lang.citation(source)) }
        // Situations in the order of the rows that decide them (the tables' order, as the source reads).
        let rowIndex = { (leaf: DecisionTree.Leaf) -> Int in
            guard let r = leaf.rules.last else { return 0 }
            return model.tables[id: r.table]?.rules.firstIndex { $0.id == r.rule } ?? 0
        }
        let leaves = tree.leaves(of: product.id).enumerated()
            .sorted { (rowIndex($0.element), $0.offset) < (rowIndex($1.element), $1.offset) }.map(\.element)
        if let start = startPage() {
            doc.paragraph(linker.link(lang.s("site.guide-start-product", ["product": product.title[lang.id]]), start))
        }
        if let subtree = tree.productTrees[product.id], case .question = subtree {
            doc.heading(level, lang.s("site.decision-tree"))
            doc.diagram(diagrams.block(subtree, product: product, lang: lang, linker: linker), forHTML: linker.html)
        }
        // When no refund is possible.
        let refusing = leaves.filter { model.outcomes[id: $0.decision.outcome]?.refunds == false }
        if !refusing.isEmpty {
            doc.heading(level, lang.s("site.no-refund-cases"))
            let rows = refusing.map { leaf -> [String] in
                let condition = conditions(of: [leaf]).last ?? ""
                let outcome = model.outcomes[id: leaf.decision.outcome].map { InlineMarker.text($0.title[lang.id]) } ?? ""
                let reason = model.reasons[id: leaf.decision.reason].map { lang.fill($0.text) } ?? ""
                let link = linker.link(lang.s("site.permalink"), SiteTree.leafPath(leaf, language: lang.id))
                return [condition, outcome, reason + " " + link]
            }
            doc.table(header: [lang.md("site.condition"), lang.md("explain.outcome"), lang.md("explain.reason")], rows: rows)
        }
        // Each refunding situation, grouped by its procedure.
        var groups: [String: [DecisionTree.Leaf]] = [:]
        var order: [String] = []
        for leaf in leaves where model.outcomes[id: leaf.decision.outcome]?.refunds != false {
            let key = leaf.decision.procedure ?? leaf.id
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(leaf)
        }
        for key in order {
            let group = groups[key]!
            let title = model.procedures[id: key]?.title[lang.id] ?? model.outcomes[id: group[0].decision.outcome]?.title[lang.id] ?? key
            doc.heading(level, title)
            doc.bullets(conditions(of: group))
            writer.summary(of: group, tree: tree, into: &doc, compact: true)
            writer.steps(of: group, tree: tree, into: &doc, level: level + 1)
            var links: [String] = []
            for leaf in group {
                var text = lang.s("site.permalink")
                if group.count > 1, let last = leaf.path.last {
                    text += " (" + lang.s("site.when-answer", ["question": lang.factName(last.fact), "answers": lang.answers(last.answers, fact: last.fact)]) + ")"
                }
                links.append(linker.link(text, SiteTree.leafPath(leaf, language: lang.id)))
            }
            doc.paragraph(links.joined(separator: " · "))
            var seen = Set<String>()
            let sources = group.flatMap { leaf in leaf.rules.filter { $0.table != model.edition.entryTable } }
                .compactMap { r in model.tables[id: r.table]?.rules.first { $0.id == r.rule }?.source }
                .filter { seen.insert("\($0.line)\($0.quote)").inserted }
            doc.bullets(sources.map { lang.citation($0) })
        }
    }

    /// The guide page where this product's questions begin (or its outcome, when none is asked).
    func startPage() -> SitePath? {
        guard tree.productFact != nil else { return nil }
        if let i = tree.firstQuestionAfterProduct[product.id] {
            return SiteTree.questionPath(tree.questions[i].path, language: lang.id)
        }
        if let leaf = tree.leaves(of: product.id).first { return SiteTree.leafPath(leaf, language: lang.id) }
        return nil
    }

    /// The product's own conditions of leaves, in words: one line per question answered after
    /// the product, with the answers the leaves share (questions any answer passes are left out).
    func conditions(of leaves: [DecisionTree.Leaf]) -> [String] {
        guard let fact = tree.productFact else { return [] }
        var facts: [FactID] = []
        var answers: [FactID: Set<String>] = [:]
        for leaf in leaves {
            guard let i = leaf.path.firstIndex(where: { $0.fact == fact }) else { continue }
            for step in leaf.path[(i + 1)...] {
                if answers[step.fact] == nil { facts.append(step.fact) }
                answers[step.fact, default: []].formUnion(step.answers.map(\.id))
            }
        }
        return facts.compactMap { f in
            guard let question = tree.space.questions[f] else { return nil }
            let chosen = question.answers.filter { answers[f]?.contains($0.id) == true }
            if chosen.count == question.answers.count { return nil }
            return InlineMarker.text(lang.factName(f)) + ": " + InlineMarker.text(lang.answers(chosen, fact: f))
        }
    }
}
