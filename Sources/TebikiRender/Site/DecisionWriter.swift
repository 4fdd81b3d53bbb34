import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// Writes a decision (one leaf, or the leaves that share a procedure) into a page: the reason,
/// the amount and how it is computed, the route, the channel, the deadline rule, the warnings and,
/// per variant, the numbered console steps (exactly `Explanation`'s, in Markdown), recording a
/// `StepClaim` for every numbered list.
///
/// The step-list contract: the first ordered list after the steps heading holds exactly the
/// steps, one item per step. Cautions and warnings stand before the list, in block quotes, never
/// inside the items (a caution names the step it comes before).
struct DecisionWriter {
    let lang: SiteLanguage
    /// The page file the claims name (`ja/guide/result/S-6-issued-1-year.html`).
    let file: String
    private(set) var claims: [StepClaim] = []

    init(lang: SiteLanguage, file: String) { self.lang = lang; self.file = file }

    /// The decision's facts (outcome, reason, amount, route, channel, deadline).
    /// `compact` (the rules and product pages) leaves out what the general rules already say for
    /// every product: the route, the deadline and the worked examples of shared formulas.
    func summary(_ cases: LeafCases, into doc: inout MarkdownDocument, compact: Bool = false, sharedFormulas: Set<String> = []) {
        let model = lang.model
        guard let first = cases.cases.first else { return }
        let leaves = unique(cases.cases.map(\.leaf.decision))
        for reason in unique(leaves.map(\.reason)) {
            if let m = model.reasons[id: reason] { doc.paragraph(lang.fill(m.text)) }
        }
        var rows: [[String]] = []
        let outcome = model.outcomes[id: first.leaf.decision.outcome]
        if let outcome { rows.append([lang.md("explain.outcome"), InlineMarker.text(outcome.title[lang.id])]) }
        for formula in unique(leaves.compactMap(\.amount)) {
            if let f = model.formulas[id: formula] { rows.append([lang.md("explain.formula"), lang.md(f.text)]) }
        }
        let routes = unique(cases.cases.compactMap(\.decision.route)).compactMap { model.routes[id: $0] }.map { lang.fill($0.text) }
        if !routes.isEmpty && !compact { rows.append([lang.md("explain.route"), routes.joined(separator: " ")]) }
        for channel in unique(leaves.compactMap(\.channel)) {
            if let c = model.channels[id: channel] { rows.append([lang.md("explain.channel"), lang.fill(c.text)]) }
        }
        if outcome?.refunds == true && outcome?.determinable != false && !compact {
            rows.append([lang.md("explain.deadline"), InlineMarker.text(lang.s("site.deadline-rule", ["days": String(model.edition.window.length)]))])
        }
        doc.table(header: [lang.md("explain.item"), lang.md("explain.value")], rows: rows)
        for formula in unique(leaves.compactMap(\.amount)) {
            if let f = model.formulas[id: formula], let example = f.example, !(compact && sharedFormulas.contains(formula)) {
                doc.paragraph(InlineMarker.styled("example-label", lang.md("site.example")) + InlineMarker.text(lang.s("site.title-separator")) + lang.md(example.text))
            }
        }
    }

    /// The warnings and steps of every variant, each under its own heading at `level`.
    mutating func steps(_ cases: LeafCases, into doc: inout MarkdownDocument, level: Int) {
        let model = lang.model
        let variants = cases.variants
        for variant in variants {
            let rep = variant.representative
            let explanation = Explanation(decision: rep.decision, model: model, language: lang.language, style: .markdown)
            // Warnings of the variant (not the cautions, which stand before their steps).
            let cautionIDs = Set(rep.decision.actions.compactMap { model.action($0.action)?.caution })
            let warningIDs = unique(variant.cases.flatMap { c in c.boundaryDecisions.flatMap { $0.warnings.map(\.warning) } })
                .filter { !cautionIDs.contains($0) }
            let warnings = warningIDs.compactMap { id in model.warnings[id: id].map { (id, $0) } }
            if explanation.steps.isEmpty {
                if !warnings.isEmpty {
                    doc.quote(warnings.map { warningParagraph($0.1, id: $0.0) })
                }
                continue
            }
            let title: String
            if variant.distinguishing.isEmpty {
                title = lang.s("explain.steps")
            } else {
                let conditions = variant.distinguishing.map { d in
                    lang.s("site.when-answer", ["question": lang.factName(d.fact), "answers": lang.answers(d.answers, fact: d.fact)])
                }.joined(separator: lang.s("site.and"))
                title = lang.s("site.steps-when", ["conditions": conditions])
            }
            let anchor = doc.heading(level, title)
            if !warnings.isEmpty { doc.quote(warnings.map { warningParagraph($0.1, id: $0.0) }) }
            var cautions: [String] = []
            for (i, step) in explanation.steps.enumerated() {
                guard let c = step.caution else { continue }
                let title = model.action(step.action)?.caution.flatMap { model.warnings[id: $0]?.title?[lang.id] } ?? lang.s("explain.caution")
                let label = lang.s("site.caution-before-step", ["step": String(i + 1), "title": title])
                cautions.append(InlineMarker.styled("caution-label", InlineMarker.text(label)) + InlineMarker.text(lang.s("site.title-separator")) + c)
            }
            doc.quote(cautions)
            doc.numbered(explanation.steps.map(\.text))
            claims.append(StepClaim(path: file, anchor: anchor, language: lang.id, scenario: rep.scenario))
        }
    }

    private func warningParagraph(_ w: Message, id: String) -> String {
        let title = w.title.map { InlineMarker.text($0[lang.id]) } ?? lang.md("explain.warning")
        return InlineMarker.styled("warning-label", title) + InlineMarker.text(lang.s("site.title-separator")) + lang.fill(w.text, warning: id)
    }

    private func unique<T: Hashable>(_ xs: [T]) -> [T] {
        var seen = Set<T>()
        return xs.filter { seen.insert($0).inserted }
    }
}
