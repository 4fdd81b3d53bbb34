import TebikiModel

/// A row whose outcome refunds must say how much (`amount`), through which channel and by which procedure.
struct RefundRowCheck {
    let ctx: LoadContext

    func run(_ decisions: [(rule: String, decision: RuleDecision, location: SourceLocation)], outcomes: Catalog<Outcome>) {
        for (rule, d, location) in decisions {
            guard let outcome = outcomes[id: d.outcome], outcome.refunds else { continue }
            var missing: [String] = []
            if d.amount == nil { missing.append("'amount'") }
            if d.channel == nil { missing.append("'channel'") }
            if d.procedure == nil { missing.append("'procedure'") }
            guard !missing.isEmpty else { continue }
            ctx.error(.contentInvalidValue, at: location,
                      "rule '\(rule)' decides '\(d.outcome)', which refunds, but lacks \(ctx.list(missing)); a refunding row gives amount, channel and procedure")
        }
    }
}
