import TebikiEngine
import TebikiModel

/// A decision in words, in one language: what a support agent pastes to a customer.
package struct Explanation: Sendable, Hashable {
    /// One numbered step, with the caution that comes before it, if any.
    package struct StepText: Sendable, Hashable {
        package var action: String
        package var text: String
        package var caution: String?
    }

    package var language: LanguageID
    package var outcome: String
    package var outcomeTitle: String
    package var reason: String
    /// `1.28 USD`, nil for promotion terms.
    package var amount: String?
    package var route: String?
    package var channel: String?
    /// The deadline written in the language.
    package var deadline: String?
    package var warnings: [String]
    package var steps: [StepText]
    /// The formula in words, when one applied.
    package var formula: String?

    /// Renders `decision` in `language` with `style`.
    package init(decision: Decision, model: Model, language: Language, style: TextStyle) {
        let filler = TemplateFiller(model: model, language: language, style: style)
        let lang = language.id
        self.language = lang
        outcome = decision.outcome
        outcomeTitle = model.outcomes[id: decision.outcome]?.title[lang] ?? decision.outcome
        let values = Explanation.values(of: decision, model: model)
        reason = model.reasons[id: decision.reason].map { filler.fill($0.text, values: values) } ?? decision.reason
        amount = decision.amount.map(filler.money)
        route = decision.route.flatMap { model.routes[id: $0] }.map { filler.fill($0.text, values: values) }
        channel = decision.channel.flatMap { model.channels[id: $0] }.map { filler.fill($0.text, values: values) }
        deadline = decision.deadline.map(language.format)
        warnings = decision.warnings.compactMap { w in
            model.warnings[id: w.warning].map { filler.fill($0.text, values: values.merging(w.values) { $1 }) }
        }
        formula = decision.formula.flatMap { model.formulas[id: $0] }.map { $0.text[lang] }
        steps = Explanation.steps(decision: decision, model: model, filler: filler, values: values)
    }

    /// The numbered steps of `decision` in `language` with `style`: exactly `Explanation(…).steps`,
    /// without the rest of the explanation. The site's step lists and the page check need only
    /// the steps, and filling the reason, route, channel, warnings and deadline (a date written
    /// out) cost as much again as the steps.
    package static func steps(decision: Decision, model: Model, language: Language, style: TextStyle) -> [StepText] {
        let values = Explanation.values(of: decision, model: model)
        return self.steps(decision: decision, model: model, filler: TemplateFiller(model: model, language: language, style: style), values: values)
    }

    /// The values every template of the explanation is filled with.
    private static func values(of decision: Decision, model: Model) -> [String: FactValue] {
        var values: [String: FactValue] = [:]
        if let d = decision.deadline { values["deadline"] = .date(d) }
        if let a = decision.amount { values["amount"] = .decimal(a) }
        values["currency"] = .symbol(model.edition.currency)
        return values
    }

    /// The steps, with the filler and the values the rest of the explanation is filled with.
    private static func steps(decision: Decision, model: Model, filler: TemplateFiller, values: [String: FactValue]) -> [StepText] {
        var steps: [StepText] = []
        for instance in decision.actions {
            guard let action = model.action(instance.action) else { continue }
            let caution = action.caution.flatMap { model.warnings[id: $0] }.map { filler.fill($0.text, values: values) }
            var v = values
            v["row"] = .integer(instance.row)
            for (k, step) in action.steps(in: decision.scenario).enumerated() {
                steps.append(StepText(action: action.id, text: filler.fill(step.text, values: v), caution: k == 0 ? caution : nil))
            }
        }
        return steps
    }
}
