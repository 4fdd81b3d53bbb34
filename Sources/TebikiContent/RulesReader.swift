import TebikiModel

/// Reads rules.yaml: decision tables and their rows.
struct RulesReader {
    let ctx: LoadContext

    /// What the final checks need besides the tables.
    struct Rules {
        var tables = Catalog<DecisionTable>()
        /// Every deciding row with where its `then` is, for the refund check.
        var decisions: [(rule: String, decision: RuleDecision, location: SourceLocation)] = []
        /// Every `next` with its table and where it is written, in content order, for the cycle check.
        var nextLinks: [(from: String, to: String, location: SourceLocation)] = []
    }

    func read(_ node: YNode?, file: SourceFile) -> Rules {
        let root = ctx.root(node, file: file, required: ["tables"])
        var rules = Rules()
        rules.tables = Catalog(ctx.items(root, "tables", kinds: [.table, .rule]).compactMap { table($0, &rules) })
        return rules
    }

    private func table(_ node: YNode, _ rules: inout Rules) -> DecisionTable? {
        guard var f = ctx.fields(node, "a decision table", required: ["id", "title", "hit_policy", "inputs", "rules"]) else { return nil }
        let id = ctx.id(f, "id")
        if let id { ctx.declare(.table, id) }
        f = f.named("table", id)
        let title = ctx.localized(f, "title")
        let hitPolicy = ctx.choice(f, "hit_policy", as: DecisionTable.HitPolicy.self)
        var inputs: [Located<String>]?
        if let list = ctx.idList(f, "inputs") {
            var seen: Set<String> = []
            for input in list {
                _ = ctx.fact(input.value, at: input.location, "'inputs' of \(f.what)")
                if !seen.insert(input.value).inserted {
                    ctx.error(.contentInvalidValue, at: input.location, "'\(input.value)' appears twice in 'inputs' of \(f.what)")
                }
            }
            inputs = list
        }
        let restriction = inputs.map {
            LoadContext.Inputs(facts: Set($0.map(\.value)), table: id?.value ?? "?", list: $0.map(\.value))
        }
        let rows = (ctx.sequence(f, "rules") ?? []).compactMap { rule($0, table: id?.value, f.what, restriction, &rules) }
        guard let id, let title, let hitPolicy, let inputs else { return nil }
        return DecisionTable(id: id.value, title: title, hitPolicy: hitPolicy, inputs: inputs.map(\.value), rules: rows, location: f.location)
    }

    private func rule(_ node: YNode, table: String?, _ what: String, _ inputs: LoadContext.Inputs?, _ rules: inout Rules) -> Rule? {
        guard var f = ctx.fields(node, "a rule of \(what)", required: ["id", "then", "source"], optional: ["when"]) else { return nil }
        let id = ctx.id(f, "id")
        if let id { ctx.declare(.rule, id) }
        f = f.named("rule", id)
        let conditions = f.has("when") ? ctx.conditions(f, "when", inputs: inputs) : []
        let source = ctx.citation(f, "source")
        var result: Rule.Result?
        if let n = f["then"] {
            result = then(n, "'then' of \(f.what)", rule: id?.value ?? "?", table: table, &rules)
        }
        guard let id, let conditions, let source, let result else { return nil }
        return Rule(id: id.value, conditions: conditions, result: result, source: source, location: f.location)
    }

    /// `{next: table}`, `{route: id}`, or a decision.
    private func then(_ node: YNode, _ what: String, rule: String, table: String?, _ rules: inout Rules) -> Rule.Result? {
        let decisionKeys = ["outcome", "reason", "amount", "channel", "procedure", "warnings"]
        guard let f = ctx.fields(node, what, required: [], optional: ["next", "route"] + decisionKeys) else { return nil }
        for single in ["next", "route"] where f.has(single) {
            let others = (["next", "route"] + decisionKeys).filter { $0 != single && f.has($0) }
            if !others.isEmpty {
                ctx.error(.contentInvalidValue, at: f.location,
                          "\(what) has '\(single)' and also \(ctx.list(others.map { "'\($0)'" })); a row either hands over with '\(single)' alone or decides")
                return nil
            }
            guard let target = ctx.reference(f, single, to: single == "next" ? .table : .route) else { return nil }
            if single == "next" {
                if let table { rules.nextLinks.append((table, target.value, target.location)) }
                return .next(target.value)
            }
            return .route(target.value)
        }
        guard f.has("outcome") || f.has("reason") else {
            ctx.error(.contentMissingKey, at: f.location, "\(what) needs 'next', 'route', or 'outcome' and 'reason'")
            return nil
        }
        for key in ["outcome", "reason"] where !f.has(key) {
            ctx.error(.contentMissingKey, at: f.location, "\(what) decides and lacks the required key '\(key)'")
        }
        let outcome = ctx.reference(f, "outcome", to: .outcome)
        let reason = ctx.reference(f, "reason", to: .reason)
        let amount = ctx.reference(f, "amount", to: .formula)
        let channel = ctx.reference(f, "channel", to: .channel)
        let procedure = ctx.reference(f, "procedure", to: .procedure)
        let warnings = ctx.references(f, "warnings", to: .warning)
        guard let outcome, let reason else { return nil }
        let decision = RuleDecision(
            outcome: outcome.value, reason: reason.value, amount: amount?.value, channel: channel?.value,
            procedure: procedure?.value, warnings: warnings?.map(\.value) ?? [])
        rules.decisions.append((rule, decision, f.location))
        return .decide(decision)
    }
}
