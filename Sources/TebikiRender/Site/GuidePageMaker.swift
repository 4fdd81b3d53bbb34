import TebikiAnalysis
import TebikiConcurrency
import TebikiModel

/// The decision guide, one static page per question and a permalink page per outcome: each answer
/// is a link, so it works without JavaScript.
struct GuidePageMaker {
    let tree: SiteTree

    /// A question's page: the question, its help, the answers so far (each a link back to change
    /// it) and one link per answer.
    func question(_ node: SiteTree.QuestionNode, _ lang: SiteLanguage) -> PageDraft {
        let path = lang.questionPage(node.path)
        let title = lang.question(node.fact)
        return PageDraft(path: path, title: title) { ext in
            let linker = Linker(from: path, ext: ext)
            var doc = MarkdownDocument()
            doc.heading(1, title)
            if let help = lang.model.facts[id: node.fact]?.help { doc.paragraph(lang.md(help)) }
            doc.heading(2, lang.s("site.choose-answer"))
            doc.bullets(node.branches.map { b in
                let target: SitePath
                switch b.node {
                case .leaf(let leaf): target = SiteTree.leafPath(leaf, language: lang.id)
                default: target = lang.questionPage(node.path + [DecisionTree.PathStep(fact: node.fact, answers: b.answers)])
                }
                return linker.link(lang.answers(b.answers, fact: node.fact), target)
            })
            answersSoFar(node.path, lang, linker, into: &doc)
            return PageDraft.Body(document: doc)
        }
    }

    /// A leaf's permalink page: the answers, the decision, the steps and the rules' sources.
    /// `titles`: the leaves by base title (`leavesByTitle`), made once per language; nil computes
    /// them here (comparing with every leaf made the guide quadratic in the products).
    func leaf(_ leaf: DecisionTree.Leaf, _ lang: SiteLanguage, titles: [String: [DecisionTree.Leaf]]? = nil) -> PageDraft {
        let model = lang.model
        let path = SiteTree.leafPath(leaf, language: lang.id)
        var title = baseTitle(leaf, lang)
        let same = ((titles ?? leavesByTitle(lang))[title] ?? []).filter { $0.id != leaf.id }
        if !same.isEmpty, let fact = tree.productFact, let product = leaf.path.first(where: { $0.fact == fact }) {
            if same.contains(where: { other in other.path.first { $0.fact == fact }?.answers != product.answers }) {
                // A title outcomes of several products share (the four services) names the product.
                title = lang.s("site.result-title-product", ["title": title, "product": lang.answers(product.answers, fact: fact)])
            } else if let last = leaf.path.last {
                // Outcomes of one product with the same procedure: the answer that tells them apart.
                let condition = lang.s("site.when-answer", ["question": lang.factName(last.fact), "answers": lang.answers(last.answers, fact: last.fact)])
                title = lang.s("site.result-title-condition", ["outcome": title, "condition": condition])
            }
        }
        return PageDraft(path: path, title: title) { ext in
            let linker = Linker(from: path, ext: ext)
            var doc = MarkdownDocument()
            var writer = DecisionWriter(lang: lang, file: path.file(ext))
            doc.heading(1, title)
            guard tree.cases[leaf.id] != nil else { return PageDraft.Body(document: doc) }
            writer.summary(of: [leaf], tree: tree, into: &doc)
            writer.steps(of: [leaf], tree: tree, into: &doc, level: 2)
            answersSoFar(leaf.path, lang, linker, into: &doc, restart: false)
            doc.heading(2, lang.s("site.sources"))
            doc.bullets(leaf.rules.compactMap { r in
                model.tables[id: r.table]?.rules.first { $0.id == r.rule }.map { rule in
                    InlineMarker.text((model.tables[id: r.table]?.title[lang.id] ?? r.table) + " (" + rule.id + ")") + ": " + lang.citation(rule.source)
                }
            })
            doc.paragraph(lang.md("site.permalink-note") + " " + linker.link(lang.s("site.guide-restart"), lang.questionPage([])))
            return PageDraft.Body(document: doc, claims: writer.claims)
        }
    }

    /// The outcome with the procedure, or else with the answer that decided it.
    /// Every leaf of the tree by its base title, in tree order.
    func leavesByTitle(_ lang: SiteLanguage) -> [String: [DecisionTree.Leaf]] {
        let leaves = tree.leaves
        let base = ParallelMap.map(leaves.count) { baseTitle(leaves[$0], lang) }
        var titles: [String: [DecisionTree.Leaf]] = [:]
        for (leaf, title) in zip(leaves, base) { titles[title, default: []].append(leaf) }
        return titles
    }

    private func baseTitle(_ leaf: DecisionTree.Leaf, _ lang: SiteLanguage) -> String {
        let model = lang.model
        let outcome = model.outcomes[id: leaf.decision.outcome]?.title[lang.id] ?? leaf.decision.outcome
        let condition = leaf.path.last.map { lang.s("site.when-answer", ["question": lang.factName($0.fact), "answers": lang.answers($0.answers, fact: $0.fact)]) }
        return leaf.decision.procedure.flatMap { model.procedures[id: $0]?.title[lang.id] }
            .map { lang.s("site.result-title", ["outcome": outcome, "procedure": $0]) }
            ?? condition.map { lang.s("site.result-title-condition", ["outcome": outcome, "condition": $0]) } ?? outcome
    }

    /// The answers given on the way, each linking back to the question it answered.
    private func answersSoFar(_ path: [DecisionTree.PathStep], _ lang: SiteLanguage, _ linker: Linker, into doc: inout MarkdownDocument, restart: Bool = true) {
        guard !path.isEmpty else { return }
        doc.heading(2, lang.s("site.your-answers"))
        doc.bullets(path.indices.map { i in
            let step = path[i]
            return InlineMarker.text(lang.question(step.fact)) + " → " + InlineMarker.text(lang.answers(step.answers, fact: step.fact))
                + " (" + linker.link(lang.s("site.change-answer"), lang.questionPage(path[..<i])) + ")"
        })
        if restart { doc.paragraph(linker.link(lang.s("site.guide-restart"), lang.questionPage([]))) }
    }
}
