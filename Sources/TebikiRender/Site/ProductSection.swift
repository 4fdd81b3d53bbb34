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

    /// What the section says whatever page it is on: made once per product and language, as the
    /// refund-rules page and the product's page each write the section as Markdown and as HTML.
    struct Texts: Sendable {
        /// The paragraphs before the diagram: the product's summary and its source.
        var intro: [String]
        /// The link to the guide page where the product's questions begin.
        var start: Link?
        /// The rows of the situations where no refund is possible, each with its permalink.
        var refusals: [Refusal]
        /// The refunding situations, grouped by procedure.
        var groups: [Group]
    }

    /// A link's text (plain) and the page it goes to; the href depends on the page it is on.
    struct Link: Sendable {
        var text: String
        var page: SitePath
    }

    /// A situation where no refund is possible: the table's cells, the reason's without the permalink.
    struct Refusal: Sendable {
        var condition: String
        var outcome: String
        var reason: String
        var permalink: Link
    }

    /// The refunding situations of one procedure.
    struct Group: Sendable {
        var title: String
        var conditions: [String]
        var leaves: [DecisionTree.Leaf]
        var permalinks: [Link]
        var sources: [String]
    }

    /// Writes the section; `level` is the level of its subsections' headings.
    func write(into doc: inout MarkdownDocument, writer: inout DecisionWriter, linker: Linker, level: Int) {
        let texts = lang.sections.value(for: product.id) { makeTexts() }
        for paragraph in texts.intro { doc.paragraph(paragraph) }
        if let start = texts.start { doc.paragraph(linker.link(start.text, start.page)) }
        if let subtree = tree.productTrees[product.id], case .question = subtree {
            doc.heading(level, lang.s("site.decision-tree"))
            doc.diagram(diagrams.block(subtree, product: product, lang: lang, linker: linker), forHTML: linker.html)
        }
        if !texts.refusals.isEmpty {
            doc.heading(level, lang.s("site.no-refund-cases"))
            let rows = texts.refusals.map { r in
                [r.condition, r.outcome, r.reason + " " + linker.link(r.permalink.text, r.permalink.page)]
            }
            doc.table(header: [lang.md("site.condition"), lang.md("explain.outcome"), lang.md("explain.reason")], rows: rows)
        }
        for group in texts.groups {
            doc.heading(level, group.title)
            doc.bullets(group.conditions)
            writer.summary(of: group.leaves, tree: tree, into: &doc, compact: true)
            writer.steps(of: group.leaves, tree: tree, into: &doc, level: level + 1)
            doc.paragraph(group.permalinks.map { linker.link($0.text, $0.page) }.joined(separator: " · "))
            doc.bullets(group.sources)
        }
    }

    /// The section's texts (`Texts`).
    func makeTexts() -> Texts {
        let model = lang.model
        var intro = [lang.md(product.summary)]
        if let source = product.source { intro.append(lang.citation(source)) }
        // Situations in the order of the rows that decide them (the tables' order, as the source reads).
        let rowIndex = { (leaf: DecisionTree.Leaf) -> Int in
            guard let r = leaf.rules.last else { return 0 }
            return model.tables[id: r.table]?.rules.firstIndex { $0.id == r.rule } ?? 0
        }
        let leaves = tree.leaves(of: product.id).enumerated()
            .sorted { (rowIndex($0.element), $0.offset) < (rowIndex($1.element), $1.offset) }.map(\.element)
        let start = startPage().map { Link(text: lang.s("site.guide-start-product", ["product": product.title[lang.id]]), page: $0) }
        // When no refund is possible.
        let refusals = leaves.filter { model.outcomes[id: $0.decision.outcome]?.refunds == false }.map { leaf in
            Refusal(
                condition: conditions(of: [leaf]).last ?? "",
                outcome: model.outcomes[id: leaf.decision.outcome].map { InlineMarker.text($0.title[lang.id]) } ?? "",
                reason: model.reasons[id: leaf.decision.reason].map { lang.fill($0.text) } ?? "",
                permalink: Link(text: lang.s("site.permalink"), page: SiteTree.leafPath(leaf, language: lang.id))
            )
        }
        // Each refunding situation, grouped by its procedure.
        var byKey: [String: [DecisionTree.Leaf]] = [:]
        var order: [String] = []
        for leaf in leaves where model.outcomes[id: leaf.decision.outcome]?.refunds != false {
            let key = leaf.decision.procedure ?? leaf.id
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(leaf)
        }
        let groups = order.map { key -> Group in
            let group = byKey[key]!
            let title = model.procedures[id: key]?.title[lang.id] ?? model.outcomes[id: group[0].decision.outcome]?.title[lang.id] ?? key
            let permalinks = group.map { leaf -> Link in
                var text = lang.s("site.permalink")
                if group.count > 1, let last = leaf.path.last {
                    text += " (" + lang.s("site.when-answer", ["question": lang.factName(last.fact), "answers": lang.answers(last.answers, fact: last.fact)]) + ")"
                }
                return Link(text: text, page: SiteTree.leafPath(leaf, language: lang.id))
            }
            var seen = Set<String>()
            let sources = group.flatMap { leaf in leaf.rules.filter { $0.table != model.edition.entryTable } }
                .compactMap { r in model.tables[id: r.table]?.rules.first { $0.id == r.rule }?.source }
                .filter { seen.insert("\($0.line)\($0.quote)").inserted }
            return Group(title: title, conditions: conditions(of: group), leaves: group, permalinks: permalinks,
                         sources: sources.map { lang.citation($0) })
        }
        return Texts(intro: intro, start: start, refusals: refusals, groups: groups)
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
