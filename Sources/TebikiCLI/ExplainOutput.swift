import TebikiEngine
import TebikiModel
import TebikiRender

/// `explain`'s three output formats. All are pure functions of the decision.
package enum ExplainOutput {
    /// What a support agent pastes to a customer.
    package static func text(_ decision: Decision, model: Model, language: Language) -> String {
        let e = Explanation(decision: decision, model: model, language: language, style: .plain)
        let s = { (key: String) in model.string(key, language.id) }
        var out = "\(s("explain.outcome")): \(e.outcomeTitle)\n"
        out += "\(s("explain.reason")): \(e.reason)\n"
        if let amount = e.amount { out += "\(s("explain.amount")): \(amount)\n" }
        if let formula = e.formula, decision.amount?.isZero == false { out += "\(s("explain.formula")): \(formula)\n" }
        if let route = e.route { out += "\(s("explain.route")): \(route)\n" }
        if let channel = e.channel { out += "\(s("explain.channel")): \(channel)\n" }
        if let deadline = e.deadline { out += "\(s("explain.deadline")): \(deadline)\n" }
        if !e.warnings.isEmpty {
            out += "\(s("explain.warnings")):\n"
            for w in e.warnings { out += "  - \(w)\n" }
        }
        if !e.steps.isEmpty {
            out += "\(s("explain.steps")):\n"
            for (i, step) in e.steps.enumerated() {
                if let c = step.caution { out += "     \(s("explain.caution")): \(c)\n" }
                out += "  \(i + 1). \(step.text)\n"
            }
        }
        return out
    }

    /// The same as a Markdown fragment, for tickets and chat tools that render Markdown.
    package static func markdown(_ decision: Decision, model: Model, language: Language) -> String {
        let e = Explanation(decision: decision, model: model, language: language, style: .markdown)
        let s = { (key: String) in Markdown.escape(model.string(key, language.id)) }
        var out = "## \(Markdown.escape(e.outcomeTitle))\n\n\(e.reason)\n\n"
        var rows: [(String, String)] = []
        if let amount = e.amount { rows.append((s("explain.amount"), Markdown.escape(amount))) }
        if let route = e.route { rows.append((s("explain.route"), route)) }
        if let channel = e.channel { rows.append((s("explain.channel"), channel)) }
        if let deadline = e.deadline { rows.append((s("explain.deadline"), Markdown.escape(deadline))) }
        if !rows.isEmpty {
            out += "| \(s("explain.item")) | \(s("explain.value")) |\n|---|---|\n"
            for (k, v) in rows { out += "| \(k) | \(v) |\n" }
            out += "\n"
        }
        for w in e.warnings { out += "> **\(s("explain.warning"))**: \(w)\n\n" }
        if !e.steps.isEmpty {
            out += "### \(s("explain.steps"))\n\n"
            for (i, step) in e.steps.enumerated() {
                out += "\(i + 1). \(step.text)\n"
                if let c = step.caution { out += "\n   > **\(s("explain.caution"))**: \(c)\n\n" }
            }
        }
        return out
    }

    /// The stable JSON contract (documented in README).
    package static func json(_ decision: Decision, model: Model, language: Language) -> JSON {
        let e = Explanation(decision: decision, model: model, language: language, style: .plain)
        let places = model.edition.currencyPlaces
        let source = { (c: SourceCitation) -> JSON in
            var members: [(String, JSON)] = [("page", .string(c.page)), ("line", .number(String(c.line))), ("quote", .string(c.quote))]
            if let d = c.decision { members.append(("decision", .string(d))) }
            return .object(members)
        }
        return .object([
            ("edition", .string(model.edition.id)),
            ("language", .string(language.id)),
            ("outcome", .string(decision.outcome)),
            ("amount", decision.amount.map { .string($0.decimalString(places: places)) } ?? .null),
            ("currency", .string(model.edition.currency)),
            ("route", JSON.text(decision.route)),
            ("channel", JSON.text(decision.channel)),
            ("actions", .array(decision.actions.map { .string($0.action) })),
            ("deadline", JSON.text(decision.deadline?.description)),
            ("warnings", .array(zip(decision.warnings, e.warnings).map { .object([("id", .string($0.warning)), ("text", .string($1))]) })),
            ("reasons", .array(decision.ruleIDs.map(JSON.string))),
            ("reason", .object([("id", .string(decision.reason)), ("text", .string(e.reason))])),
            ("steps", .array(e.steps.map { .string($0.text) })),
            ("step_details", .array(e.steps.map { step in
                .object([("action", .string(step.action)), ("text", .string(step.text)), ("caution", JSON.text(step.caution))])
            })),
            ("trace", .array(decision.trace.map { .object([("table", .string($0.table)), ("rule", .string($0.rule)), ("source", source($0.source))]) })),
        ])
    }
}
