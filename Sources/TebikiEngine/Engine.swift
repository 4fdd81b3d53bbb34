import TebikiModel

/// The rules engine: a pure function from a model and a scenario to a decision.
///
/// Everything it decides comes from the model: the decision tables (and their hit policies),
/// the formulas, the refund window, the procedures and the waits of the state machines.
public struct Engine: Sendable {
    public let model: Model

    /// The derived facts in declaration order, read once (not the whole fact list per scenario),
    /// with the facts an expression reads.
    private let derivedFacts: [(id: FactID, type: FactType, derivation: Fact.Derivation, reads: Set<FactID>)]
    /// Derived fact index by id.
    private let derivedIndex: [FactID: Int]
    /// A derived fact has a value only when its trigger has one (a window fact's date; one of the
    /// facts an expression reads, the one the fewest derived facts read). Per fact that is derived
    /// or triggers one, its `Trigger`, so that a scenario visits the derived facts it can have, not
    /// every one of them (see `visits`).
    private let triggerByFact: [FactID: Trigger]
    /// Per `Trigger`, the derived facts a scenario with its fact visits, in declaration order.
    private let closures: [[Int]]
    /// Per `Trigger`, whether its fact is derived.
    private let triggerIsDerived: [Bool]
    /// The derived facts every scenario visits: those that read no fact, and what they trigger.
    private let untriggeredClosure: [Int]
    /// Per derived fact, whether an earlier derived fact has the same id (only in a model with a
    /// repeated id): then giving it no value may remove the earlier one's.
    private let repeatsEarlierID: [Bool]
    /// Whether the window's first day is a derived fact (else `derive` reads it once).
    private let countsFromIsDerived: Bool

    /// A fact that brings derived facts into `derive`: a derived fact, or a fact that triggers one.
    /// A caller that decides many scenarios over the same facts looks each fact's trigger up once
    /// (`trigger(of:)`) and passes the scenario's to `evaluate(_:triggers:)`, instead of the engine
    /// hashing every fact id of every scenario.
    public struct Trigger: Sendable, Hashable {
        fileprivate let index: Int
    }

    /// The trigger of `fact`, or nil when a scenario's value for it brings in no derived fact.
    public func trigger(of fact: FactID) -> Trigger? { triggerByFact[fact] }
    /// The model's tables, in `model.tables` order, as `run` walks them.
    private let tables: [PlannedTable]

    /// A decision table with what `fire` and `run` read of it per scenario, made once: the rows'
    /// cells (not each row copied to test it), its rows indexed by their key fact (a row per
    /// product in the entry table), and the position of the table each row hands over to (not
    /// its id looked up per scenario).
    private final class PlannedTable: Sendable {
        let table: DecisionTable
        let rowIndex: RowIndex
        let conditions: [[Condition]]
        /// Per row that hands over (`next`), the position in `model.tables` of that table, if any.
        let next: [Int?]

        init(_ table: DecisionTable, tables: Catalog<DecisionTable>) {
            self.table = table
            rowIndex = RowIndex(table)
            conditions = table.rules.map(\.conditions)
            next = table.rules.map { rule in
                guard case .next(let id) = rule.result else { return nil }
                return tables.position(of: id)
            }
        }
    }

    /// The row index of a table (the tree builder walks the tables with the engine's).
    public func rowIndex(of tableID: String) -> RowIndex? { model.tables.position(of: tableID).map { tables[$0].rowIndex } }

    /// Creates an engine over a model.
    public init(model: Model) {
        self.model = model
        let derived = model.facts.compactMap { f -> (id: FactID, type: FactType, derivation: Fact.Derivation, reads: Set<FactID>)? in
            guard let d = f.derivation else { return nil }
            switch d {
            case .withinWindow(let date), .dayOfWindow(let date): return (f.id, f.type, d, [date])
            case .expression(let e): return (f.id, f.type, d, e.facts)
            }
        }
        derivedFacts = derived
        var readers: [FactID: Int] = [:]
        for d in derived { for f in d.reads { readers[f, default: 0] += 1 } }
        var byTrigger: [FactID: [Int]] = [:]
        var untriggered: [Int] = []
        var derivedIndex: [FactID: Int] = [:]
        for (i, d) in derived.enumerated() {
            derivedIndex[d.id] = i
            if let trigger = d.reads.min(by: { (readers[$0] ?? 0, $0) < (readers[$1] ?? 0, $1) }) {
                byTrigger[trigger, default: []].append(i)
            } else {
                untriggered.append(i)
            }
        }
        self.derivedIndex = derivedIndex
        let (byFact, untriggeredClosure) = Engine.closures(derived: derived.map(\.id), byTrigger: byTrigger,
                                                           derivedIndex: derivedIndex, untriggered: untriggered)
        self.untriggeredClosure = untriggeredClosure
        var triggers: [FactID: Trigger] = [:]
        var closures: [[Int]] = []
        var triggerIsDerived: [Bool] = []
        for (f, list) in byFact {
            triggers[f] = Trigger(index: closures.count)
            closures.append(list)
            triggerIsDerived.append(derivedIndex[f] != nil)
        }
        triggerByFact = triggers
        self.closures = closures
        self.triggerIsDerived = triggerIsDerived
        var seenIDs = Set<FactID>()
        repeatsEarlierID = derived.map { !seenIDs.insert($0.id).inserted }
        countsFromIsDerived = derivedIndex[model.edition.window.countsFrom] != nil
        tables = model.tables.map { PlannedTable($0, tables: model.tables) }
    }

    /// The triggers of a scenario's facts (one hash per fact id).
    private func triggers(of input: Scenario) -> [Trigger] {
        input.values.keys.compactMap { triggerByFact[$0] }
    }

    /// The derived facts `derive` must visit for a scenario whose facts have `triggers`, in
    /// declaration order: those whose trigger the scenario has or can derive, and those it already
    /// has a value for. Every other derived fact would be set to no value, which it already has.
    ///
    /// The closures are short sorted lists: merged by sorting their concatenation, which costs
    /// what they hold, not a mark per derived fact of the model (thousands with a thousand products).
    private func visits(_ triggers: [Trigger]) -> [Int] {
        var list = untriggeredClosure
        for t in triggers { list += closures[t.index] }
        list.sort()
        var kept = 0
        for i in list.indices where kept == 0 || list[i] != list[kept - 1] {
            list[kept] = list[i]
            kept += 1
        }
        list.removeLast(list.count - kept)
        return list
    }

    /// The derived facts a fact brings in: itself when it is derived, and every derived fact it
    /// triggers, directly or through other derived facts (computed once, not per scenario).
    private static func closures(derived: [FactID], byTrigger: [FactID: [Int]], derivedIndex: [FactID: Int],
                                 untriggered: [Int]) -> (byFact: [FactID: [Int]], untriggered: [Int]) {
        // `start` and every derived fact triggered from `facts` or from a derived fact reached.
        func reach(_ start: [Int], from facts: [FactID]) -> [Int] {
            var seen = Set(start)
            var pending = facts + start.map { derived[$0] }
            while let f = pending.popLast() {
                for i in byTrigger[f] ?? [] where seen.insert(i).inserted { pending.append(derived[i]) }
            }
            return seen.sorted()
        }
        var byFact: [FactID: [Int]] = [:]
        for f in Set(byTrigger.keys).union(derivedIndex.keys) {
            byFact[f] = reach(derivedIndex[f].map { [$0] } ?? [], from: [f])
        }
        return (byFact, reach(untriggered, from: []))
    }

    /// Decides a scenario that `ScenarioDecoder` accepted.
    public func evaluate(_ input: Scenario) throws(EngineFailure) -> Decision {
        try evaluate(input, triggers: triggers(of: input))
    }

    /// `evaluate(input)`, given the triggers of `input`'s facts: for each fact `input` has a value
    /// for, `trigger(of:)` when it is not nil (in any order, each once).
    public func evaluate(_ input: Scenario, triggers: [Trigger]) throws(EngineFailure) -> Decision {
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
    public func derive(_ input: Scenario) throws(EngineFailure) -> Scenario {
        try derive(input, triggers: triggers(of: input))
    }

    /// `derive(input)`, given the triggers of `input`'s facts (see `evaluate(_:triggers:)`).
    private func derive(_ input: Scenario, triggers: [Trigger]) throws(EngineFailure) -> Scenario {
        var scenario = input
        let window = model.edition.window
        let visiting = visits(triggers)
        // Giving a derived fact no value changes the scenario only when it has one: from the input
        // (then one of the triggers is derived) or from an earlier derived fact with its id.
        let inputHasDerivedFacts = triggers.contains { triggerIsDerived[$0.index] }
        // The window's first day, read once unless a derived fact can change it.
        let fixedStart: FactValue?? = countsFromIsDerived ? nil : .some(scenario[window.countsFrom])
        for index in visiting {
            let fact = derivedFacts[index]
            let clearsValue = inputHasDerivedFacts || repeatsEarlierID[index]
            let derivation = fact.derivation
            switch derivation {
            case .withinWindow(let dateFact), .dayOfWindow(let dateFact):
                guard case .date(let start)? = fixedStart ?? scenario[window.countsFrom], case .date(let date)? = scenario[dateFact] else {
                    if clearsValue { scenario[fact.id] = nil }
                    continue
                }
                let day = start.days(to: date)
                if case .withinWindow = derivation { scenario[fact.id] = .boolean(day >= 0 && day <= window.length) }
                else { scenario[fact.id] = .integer(day) }
            case .expression(let e):
                guard fact.reads.allSatisfy({ scenario[$0] != nil }) else {
                    if clearsValue { scenario[fact.id] = nil }
                    continue
                }
                do {
                    let v = try e.evaluate(in: scenario)
                    if fact.type == .integer {
                        guard v.denominator == 1, let i = Int(exactly: v.numerator) else {
                            throw EngineFailure(message: "derived fact \(fact.id) is not a whole number")
                        }
                        scenario[fact.id] = .integer(i)
                    } else {
                        scenario[fact.id] = .decimal(v)
                    }
                } catch let failure as EngineFailure { throw failure } catch {
                    throw EngineFailure(message: "derived fact \(fact.id) cannot be computed: \(error)")
                }
            }
        }
        return scenario
    }

    /// Runs tables from `table`, following `next`, until a row decides.
    private func run(table start: String, scenario: Scenario, trace: inout [FiredRule]) throws(EngineFailure) -> RuleDecision {
        var tableID = start
        var position = model.tables.position(of: start)
        var visited: [Int] = []
        while true {
            guard let p = position else { throw EngineFailure(message: "no table \(tableID)") }
            guard !visited.contains(p) else { throw EngineFailure(message: "tables loop back to \(tableID)") }
            visited.append(p)
            let table = tables[p]
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
    public func fire(_ tableID: String, scenario: Scenario) throws(EngineFailure) -> Rule {
        guard let p = model.tables.position(of: tableID) else { throw EngineFailure(message: "no table \(tableID)") }
        return tables[p].table.rules[try fire(tables[p], scenario: scenario)]
    }

    /// The index of the row a table's hit policy selects.
    private func fire(_ planned: PlannedTable, scenario: Scenario) throws(EngineFailure) -> Int {
        let table = planned.table
        // Only the rows the index leaves can match, in table order.
        let rows = planned.rowIndex.candidates(scenario)
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
    public func actions(of procedureID: String?, scenario: Scenario) throws(EngineFailure) -> [ActionInstance] {
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
        guard let deadline, let requestFact = requestDateFact, case .date(var day)? = scenario[requestFact] else { return [] }
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

    private var requestDateFact: FactID? { model.edition.window.requestFact }
}
