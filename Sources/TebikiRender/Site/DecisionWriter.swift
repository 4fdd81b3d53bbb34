import Synchronization
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

    /// The decision's facts (outcome, reason, amount, route, channel, deadline) of the leaves'
    /// cases (`tree.cases`, merged). `compact` (the rules and product pages) leaves out what the
    /// general rules already say for every product: the route, the deadline and the worked
    /// examples of shared formulas. Made once per leaves, `compact` and language.
    func summary(of leaves: [DecisionTree.Leaf], tree: SiteTree, into doc: inout MarkdownDocument, compact: Bool = false) {
        let key = SummaryKey(leaves: leaves.map(\.id), compact: compact)
        let made = lang.summaries.value(for: key) {
            summary(leaves.compactMap { tree.cases[$0.id] }.flatMap(\.cases), compact: compact, sharedFormulas: tree.sharedFormulas)
        }
        guard let made else { return }
        for reason in made.reasons { doc.paragraph(reason) }
        doc.table(header: made.header, rows: made.rows)
        for example in made.examples { doc.paragraph(example) }
    }

    /// The summary's texts; nil when there are no cases (it needs the cases, not their variants).
    func summary(_ cases: [LeafCases.Case], compact: Bool, sharedFormulas: Set<String>) -> DecisionSummary? {
        let model = lang.model
        guard let first = cases.first else { return nil }
        // Each fact in the order the cases first name it (the cases share few distinct decisions).
        let reasons = unique(cases.map(\.leaf.decision.reason)).compactMap { model.reasons[id: $0].map { lang.fill($0.text) } }
        let formulas = unique(cases.compactMap(\.leaf.decision.amount))
        var rows: [[String]] = []
        let outcome = model.outcomes[id: first.leaf.decision.outcome]
        if let outcome { rows.append([lang.md("explain.outcome"), InlineMarker.text(outcome.title[lang.id])]) }
        for formula in formulas {
            if let f = model.formulas[id: formula] { rows.append([lang.md("explain.formula"), lang.md(f.text)]) }
        }
        let routes = unique(cases.compactMap(\.decision.route)).compactMap { model.routes[id: $0] }.map { lang.fill($0.text) }
        if !routes.isEmpty && !compact { rows.append([lang.md("explain.route"), routes.joined(separator: " ")]) }
        for channel in unique(cases.compactMap(\.leaf.decision.channel)) {
            if let c = model.channels[id: channel] { rows.append([lang.md("explain.channel"), lang.fill(c.text)]) }
        }
        if outcome?.refunds == true && outcome?.determinable != false && !compact {
            rows.append([lang.md("explain.deadline"), InlineMarker.text(lang.s("site.deadline-rule", ["days": String(model.edition.window.length)]))])
        }
        var examples: [String] = []
        for formula in formulas {
            if let f = model.formulas[id: formula], let example = f.example, !(compact && sharedFormulas.contains(formula)) {
                examples.append(InlineMarker.styled("example-label", lang.md("site.example")) + InlineMarker.text(lang.s("site.title-separator")) + lang.md(example.text))
            }
        }
        return DecisionSummary(reasons: reasons, header: [lang.md("explain.item"), lang.md("explain.value")], rows: rows, examples: examples)
    }

    /// The warnings and steps of the leaves' cases (`tree.cases`, merged), every variant under
    /// its own heading at `level`. The texts are made once per leaves and language.
    mutating func steps(of leaves: [DecisionTree.Leaf], tree: SiteTree, into doc: inout MarkdownDocument, level: Int) {
        let variants = lang.stepTexts.value(for: leaves.map(\.id)) {
            variantSteps(LeafCases(merging: leaves.compactMap { tree.cases[$0.id] }, space: tree.space))
        }
        for variant in variants {
            guard let title = variant.title else {
                if !variant.warnings.isEmpty { doc.quote(variant.warnings) }
                continue
            }
            let anchor = doc.heading(level, title)
            if !variant.warnings.isEmpty { doc.quote(variant.warnings) }
            doc.quote(variant.cautions)
            doc.numbered(variant.steps)
            claims.append(StepClaim(path: file, anchor: anchor, language: lang.id, scenario: variant.scenario))
        }
    }

    /// The texts of each variant of `cases`: its heading, warnings, cautions and steps.
    func variantSteps(_ cases: LeafCases) -> [VariantSteps] {
        let model = lang.model
        return cases.variants.map { variant in
            let rep = variant.representative
            // Only the explanation's steps are shown here (the rest is the summary's).
            let steps = Explanation.steps(decision: rep.decision, model: model, language: lang.language, style: .markdown)
            // Warnings of the variant (not the cautions, which stand before their steps).
            let cautionIDs = Set(rep.decision.actions.compactMap { model.action($0.action)?.caution })
            var warningIDs: [String] = []
            var seen = Set<String>()
            for c in variant.cases {
                for decision in c.boundaryDecisions {
                    for w in decision.warnings where !cautionIDs.contains(w.warning) && seen.insert(w.warning).inserted {
                        warningIDs.append(w.warning)
                    }
                }
            }
            let warnings = warningIDs.compactMap { id in model.warnings[id: id].map { warningParagraph($0, id: id) } }
            if steps.isEmpty {
                return VariantSteps(title: nil, warnings: warnings, cautions: [], steps: [], scenario: rep.scenario)
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
            var cautions: [String] = []
            for (i, step) in steps.enumerated() {
                guard let c = step.caution else { continue }
                let title = model.action(step.action)?.caution.flatMap { model.warnings[id: $0]?.title?[lang.id] } ?? lang.s("explain.caution")
                let label = lang.s("site.caution-before-step", ["step": String(i + 1), "title": title])
                cautions.append(InlineMarker.styled("caution-label", InlineMarker.text(label)) + InlineMarker.text(lang.s("site.title-separator")) + c)
            }
            return VariantSteps(title: title, warnings: warnings, cautions: cautions, steps: steps.map(\.text), scenario: rep.scenario)
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

/// One variant's texts as the pages show them, in one language.
struct VariantSteps: Sendable {
    /// The heading of the steps; nil when the variant has no steps (only its warnings are shown).
    var title: String?
    /// The warning paragraphs, quoted before the steps.
    var warnings: [String]
    /// The cautions, each naming the step it comes before.
    var cautions: [String]
    /// The numbered steps, one line each.
    var steps: [String]
    /// The scenario the steps are the engine's for (the step claim's).
    var scenario: Scenario
}

/// A decision's facts as the pages show them, in one language: reason paragraphs, the table of
/// facts, the worked examples.
struct DecisionSummary: Sendable {
    var reasons: [String]
    var header: [String]
    var rows: [[String]]
    var examples: [String]
}

/// What a summary is made for: the leaves, and whether it is the compact one.
struct SummaryKey: Hashable, Sendable {
    var leaves: [String]
    var compact: Bool
}

/// Texts of leaves in one language, made once and shared by all the pages that show them (the
/// refund-rules page, the product's page and the leaf's page, each as Markdown and as HTML):
/// working out the variants, explanations and summaries was most of a page's cost.
final class MadeOnce<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let made = Mutex<[Key: Value]>([:])

    /// The value for `key`, made by `make` the first time it is asked for.
    func value(for key: Key, make: () -> Value) -> Value {
        if let value = made.withLock({ $0[key] }) { return value }
        // Made outside the lock; two threads making the same value make equal ones.
        let value = make()
        made.withLock { $0[key] = value }
        return value
    }
}
