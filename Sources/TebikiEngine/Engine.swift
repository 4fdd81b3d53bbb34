import TebikiModel

/// The rules engine: a pure function from a model and a scenario to a decision.
///
/// Everything it decides comes from the model: the decision tables (and their hit policies),
/// the formulas, the refund window, the procedures and the waits of the state machines.
package struct Engine: Sendable {
    package let model: Model
    /// The model's indexes: its tables' rows by key fact, the derived facts a scenario can have.
    package let plan: ModelPlan

    /// Creates an engine over a model.
    package init(model: Model) { self.init(plan: ModelPlan(model)) }

    /// Creates an engine over a compiled model (shared with the decoder and the question space).
    package init(plan: ModelPlan) {
        self.plan = plan
        model = plan.model
    }

    /// The trigger of `fact`, or nil when a scenario's value for it brings in no derived fact
    /// (see `evaluate(_:triggers:)`).
    package func trigger(of fact: FactID) -> DerivedFacts.Trigger? { plan.derivedFacts.trigger(of: fact) }

    /// The row index of a table (the tree builder walks the tables with the engine's).
    package func rowIndex(of tableID: String) -> RowIndex? { plan.tablePosition(of: tableID).map { plan.tables[$0].rowIndex } }

    /// Decides a scenario that `ScenarioDecoder` accepted.
    package func evaluate(_ input: Scenario) throws(EngineFailure) -> Decision {
        try evaluate(input, triggers: plan.derivedFacts.triggers(of: input))
    }

    /// `evaluate(input)`, given the triggers of `input`'s facts: for each fact `input` has a value
    /// for, `trigger(of:)` when it is not nil (in any order, each once). A caller that decides many
    /// scenarios over the same facts looks each fact's trigger up once.
    package func evaluate(_ input: Scenario, triggers: [DerivedFacts.Trigger]) throws(EngineFailure) -> Decision {
        let scenario = try derive(input, triggers: triggers)
        var trace: [FiredRule] = []
        let ruling = try run(table: model.edition.entryTable, scenario: scenario, trace: &trace)

        guard let outcome = model.outcomes[id: ruling.outcome] else { throw EngineFailure(message: "rule decides unknown outcome \(ruling.outcome)") }
        let window = model.edition.window
        let deadline: CalendarDate? = {
            guard outcome.determinable, case .date(let start)? = scenario[window.countsFrom] else { return nil }
            return window.lastDay(from: start)
        }()
        var decision = Decision(
            outcome: outcome.id, amount: nil, route: nil, channel: nil, actions: [], deadline: deadline,
            warnings: [], reason: ruling.reason, formula: nil, trace: trace, scenario: scenario)

        guard outcome.refunds else {
            // D16: nothing to do in the console when no refund can follow. D7: promotion terms have no amount.
            decision.amount = outcome.determinable ? .zero : nil
            decision.warnings = ruling.warnings.map { WarningInstance(warning: $0, values: values(deadline: deadline)) }
            return decision
        }

        guard let formulaID = ruling.amount, let formula = model.formulas[id: formulaID] else {
            throw EngineFailure(message: "refunding rule gives no formula")
        }
        let exact: Exact
        do { exact = try formula.expression.evaluate(in: scenario) } catch {
            throw EngineFailure(message: "formula \(formulaID) cannot be evaluated: \(error)")
        }
        guard let amount = try? exact.rounded(places: model.edition.currencyPlaces) else { throw EngineFailure(message: "formula \(formulaID) cannot be rounded: \(Exact.Failure.overflow)") }
        decision.formula = formulaID
        if amount.isZero || amount.isNegative {
            // D8: nothing can be refunded in cash.
            decision.outcome = model.edition.zeroAmountOutcome
            decision.reason = model.edition.zeroAmountReason
            decision.amount = .zero
            return decision
        }
        decision.amount = amount
        decision.channel = ruling.channel
        decision.route = try route(scenario, trace: &decision.trace)
        decision.actions = try actions(of: ruling.procedure, scenario: scenario)
        decision.warnings = ruling.warnings.map { WarningInstance(warning: $0, values: values(deadline: deadline)) }
        decision.warnings += waitWarnings(decision.actions, scenario: scenario, deadline: deadline)
        return decision
    }

    private func values(deadline: CalendarDate?) -> [String: FactValue] {
        deadline.map { ["deadline": .date($0)] } ?? [:]
    }

    /// Defaults are the decoder's job; here the derived facts are computed in declaration order.
    package func derive(_ input: Scenario) throws(EngineFailure) -> Scenario {
        try derive(input, triggers: plan.derivedFacts.triggers(of: input))
    }

    /// `derive(input)`, given the triggers of `input`'s facts (see `evaluate(_:triggers:)`): the
    /// derived facts `input` can have, each set to its value or to none, in declaration order
    /// (every other derived fact has none already).
    private func derive(_ input: Scenario, triggers: [DerivedFacts.Trigger]) throws(EngineFailure) -> Scenario {
        var scenario = input
        for fact in plan.derivedFacts.visited(from: triggers) {
            scenario[fact.id] = try value(of: fact, in: scenario)
        }
        return scenario
    }

    /// The value of a derived fact in `scenario`: none when a fact it reads has none.
    private func value(of fact: DerivedFacts.Fact, in scenario: Scenario) throws(EngineFailure) -> FactValue? {
        let window = model.edition.window
        switch fact.derivation {
        case .withinWindow(let dateFact), .dayOfWindow(let dateFact):
            guard case .date(let start)? = scenario[window.countsFrom], case .date(let date)? = scenario[dateFact] else { return nil }
            let day = start.days(to: date)
            if case .withinWindow = fact.derivation { return .boolean(day >= 0 && day <= window.length) }
            return .integer(day)
        case .expression(let e):
            guard fact.reads.allSatisfy({ scenario[$0] != nil }) else { return nil }
            let v: Exact
            do { v = try e.evaluate(in: scenario) } catch {
                throw EngineFailure(message: "derived fact \(fact.id) cannot be computed: \(error)")
            }
            guard fact.type == .integer else { return .decimal(v) }
            guard v.denominator == 1, let i = Int(exactly: v.numerator) else {
                throw EngineFailure(message: "derived fact \(fact.id) is not a whole number")
            }
            return .integer(i)
        }
    }

    /// Runs tables from `table`, following `next`, until a row decides.
    private func run(table start: String, scenario: Scenario, trace: inout [FiredRule]) throws(EngineFailure) -> RuleDecision {
        var tableID = start
        var position = plan.tablePosition(of: start)
        var visited: [Int] = []
        while true {
            guard let p = position else { throw EngineFailure(message: "no table \(tableID)") }
            guard !visited.contains(p) else { throw EngineFailure(message: "tables loop back to \(tableID)") }
            visited.append(p)
            let table = plan.tables[p]
            let k = try fire(table, scenario: scenario)
            let rule = table.table.rules[k]
            trace.append(FiredRule(table: tableID, rule: rule.id, source: rule.source))
            switch rule.result {
            case .next(let next): tableID = next; position = table.next[k]
            case .decide(let d): return d
            case .route: throw EngineFailure(message: "table \(tableID) gives a route where a decision is expected")
            }
        }
    }

    /// The row a table's hit policy selects.
    package func fire(_ tableID: String, scenario: Scenario) throws(EngineFailure) -> Rule {
        guard let p = plan.tablePosition(of: tableID) else { throw EngineFailure(message: "no table \(tableID)") }
        return plan.tables[p].table.rules[try fire(plan.tables[p], scenario: scenario)]
    }

    /// The index of the row a table's hit policy selects (of the rows whose key cell accepts the scenario).
    private func fire(_ planned: PlannedTable, scenario: Scenario) throws(EngineFailure) -> Int {
        let table = planned.table
        let rows = planned.rows(thatCanMatch: scenario)
        switch table.hitPolicy {
        case .first:
            for k in rows where planned.conditions[k].allHold(in: scenario) { return k }
        case .unique:
            let matching = rows.filter { planned.conditions[$0].allHold(in: scenario) }
            if matching.count > 1 {
                throw EngineFailure(message: "table \(table.id) (hit policy unique) has overlapping rows \(matching.map { table.rules[$0].id }.joined(separator: ", "))")
            }
            if let k = matching.first { return k }
        }
        throw EngineFailure(message: "no row of table \(table.id) matches the scenario")
    }

    private func route(_ scenario: Scenario, trace: inout [FiredRule]) throws(EngineFailure) -> String {
        let tableID = model.edition.routeTable
        let rule = try fire(tableID, scenario: scenario)
        guard case .route(let r) = rule.result else { throw EngineFailure(message: "table \(tableID) does not decide a route") }
        trace.append(FiredRule(table: tableID, rule: rule.id, source: rule.source))
        return r
    }

    /// The procedure's actions, with repeats expanded (D4: once per Not Activated row that exists).
    package func actions(of procedureID: String?, scenario: Scenario) throws(EngineFailure) -> [ActionInstance] {
        guard let procedureID else { return [] }
        guard let procedure = model.procedures[id: procedureID] else { throw EngineFailure(message: "no procedure \(procedureID)") }
        var result: [ActionInstance] = []
        for item in procedure.items {
            var count = 1
            if let e = item.repeatCount {
                guard let v = try? e.evaluate(in: scenario), v.denominator == 1, let n = Int(exactly: v.numerator), n >= 0 else {
                    throw EngineFailure(message: "procedure \(procedureID): the repeat count of \(item.action) is not a whole number ≥ 0")
                }
                count = n
            }
            if count > 0 { for row in 1...count { result.append(ActionInstance(action: item.action, row: row)) } }
        }
        return result
    }

    /// D17: a wait that must end in the window but may end after the deadline, counted from the
    /// day of the request with every earlier action taking no time.
    private func waitWarnings(_ actions: [ActionInstance], scenario: Scenario, deadline: CalendarDate?) -> [WarningInstance] {
        guard let deadline, let requestFact = model.edition.window.requestFact, case .date(var day)? = scenario[requestFact] else { return [] }
        var warnings: [WarningInstance] = []
        for instance in actions {
            guard let wait = model.action(instance.action)?.wait else { continue }
            let end = wait.latestEnd(startingOn: day)
            if wait.mustEndInWindow, end > deadline, let w = wait.warning {
                warnings.append(WarningInstance(warning: w, values: [
                    "deadline": .date(deadline),
                    "last_safe_day": .date(wait.latestStart(toEndBy: deadline)),
                    "latest_end": .date(end),
                ]))
            }
            day = end
        }
        return warnings
    }

}
