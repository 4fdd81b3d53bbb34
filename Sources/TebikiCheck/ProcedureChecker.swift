import TebikiConcurrency
import TebikiEngine
import TebikiModel

/// Steps against the engine: for every scenario of every class, the deciding row's procedure is
/// expanded here (not by the engine), compared with the engine's actions, and simulated on the
/// state machines: each action allowed where it is taken, the refund requirements met when the
/// refund is requested, a refund request exactly when a refund follows, no irreversible action
/// when none does (D16), the D17 warning on a wait that may outlast the window, and the amount
/// and the deadline recomputed.
///
/// A class, not a struct: checking a scenario then reads the model in place, where the struct's
/// model was copied whole (every catalog retained and released) for each of the scenarios.
final class ProcedureChecker: Sendable {
    let context: CheckContext
    let model: Model

    init(context: CheckContext) {
        self.context = context
        model = context.model
    }

    func run() -> [Diagnostic] {
        // Class by class on every core; the diagnostics kept in class order.
        ParallelMap.map(context.classes.count) { i in run(context.cases(ofClass: i)) }.flatMap { $0 }
    }

    private func run(_ cases: [CheckContext.Case]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for c in cases {
            switch c.decision {
            case .failure(let failure):
                out.append(Diagnostic(.checkEngineFailure, at: nil,
                                      "the engine cannot decide a possible scenario: \(failure.message)",
                                      counterexample: context.counterexample(c.input)))
            case .success(let decision):
                guard let derived = c.derived else { continue }
                out += check(decision, scenario: derived, input: c.input)
            }
        }
        return out
    }

    private func check(_ decision: Decision, scenario: Scenario, input: @autoclosure () -> Scenario) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func add(_ rule: DiagnosticRule, _ at: SourceLocation?, _ summary: String,
                 _ explanation: String = "", related: [SourceLocation] = []) {
            out.append(Diagnostic(rule, at: at, summary, explanation: explanation, counterexample: context.counterexample(input()), related: related))
        }

        // The deciding row, found from the trace.
        guard let row = decidingRow(decision.trace), case .decide(let ruling) = row.result,
              let outcome = model.outcomes[id: ruling.outcome] else {
            add(.checkEngineNoDecidingRow, nil, "the engine's decision names no deciding row")
            return out
        }

        // Deadline and amount, recomputed.
        let window = model.edition.window
        var deadline: CalendarDate?
        if outcome.determinable, case .date(let start)? = scenario[window.countsFrom] { deadline = window.lastDay(from: start) }
        if decision.deadline != deadline {
            add(.checkStepsDeadlineMismatch, row.location,
                "the deadline of row '\(row.id)' is \(decision.deadline?.description ?? "none"); the window gives \(deadline?.description ?? "none")")
        }
        var amount: Exact?
        if outcome.refunds, let id = ruling.amount, let formula = model.formulas[id: id], let v = try? formula.expression.evaluate(in: scenario) {
            amount = try? v.rounded(places: model.edition.currencyPlaces)
        }
        let refundFollows = outcome.refunds && amount.map { !$0.isZero && !$0.isNegative } == true
        if refundFollows, decision.amount != amount {
            add(.checkStepsAmountMismatch, row.location,
                "the amount of row '\(row.id)' is \(decision.amount?.description ?? "none"); its formula gives \(amount?.description ?? "none")")
        }

        // The procedure, expanded here.
        guard let procedureID = ruling.procedure else {
            if refundFollows { add(.checkStepsMissingRefundStep, row.location, "row '\(row.id)' refunds but names no procedure") }
            return out
        }
        guard let procedure = model.procedures[id: procedureID] else { return out }
        var expected: [(action: String, row: Int, item: Procedure.Item)] = []
        for item in procedure.items {
            var n = 1
            if let e = item.repeatCount {
                guard let v = try? e.evaluate(in: scenario), v.denominator == 1, let k = Int(exactly: v.numerator), k >= 0 else {
                    add(.checkStepsBadRepeat, item.location, "the repeat count of '\(item.action)' in procedure '\(procedureID)' is not a whole number ≥ 0")
                    return out
                }
                n = k
            }
            if n > 0 { for r in 1...n { expected.append((item.action, r, item)) } }
        }

        if !outcome.refunds {
            // D16: nothing to do in the console when no refund can follow.
            let irreversible = expected.compactMap { model.action($0.action) }.filter(\.irreversible)
            if let first = irreversible.first {
                add(.checkStepsIrreversibleWithoutRefund, row.location,
                    "row '\(row.id)' decides '\(outcome.id)' but its procedure '\(procedureID)' has the irreversible action '\(first.id)'; no irreversible step may be given when no refund can follow (D16)",
                    "Remove the procedure from the row: a reader who follows it loses the resource for nothing.", related: [first.location])
            } else {
                add(.checkStepsProcedureWithoutRefund, row.location,
                    "row '\(row.id)' decides '\(outcome.id)', which refunds nothing, but names procedure '\(procedureID)'")
            }
        }
        // The actions compared in place; their names (`action#row`) are written only for a
        // diagnostic. Two pairs have the same name only when they are equal (the row, a number,
        // holds no "#", so the last "#" of a name parts it).
        let wantedCount = refundFollows ? expected.count : 0
        let agree = decision.actions.count == wantedCount
            && zip(decision.actions, expected).allSatisfy { $0.action == $1.action && $0.row == $1.row }
        if !agree {
            let wanted = refundFollows ? expected.map { "\($0.action)#\($0.row)" } : []
            let given = decision.actions.map { "\($0.action)#\($0.row)" }
            add(.checkStepsEngineMismatch, procedure.location,
                "the engine gives the actions [\(given.joined(separator: ", "))] for row '\(row.id)'; the procedure gives [\(wanted.joined(separator: ", "))]")
        }
        guard refundFollows else { return out }

        // Simulate the decision's actions on the state machines.
        guard let productID = scenario["product"].map(\.description), let product = model.products[id: productID],
              var simulator = StateSimulator(model: model, product: product, scenario: scenario) else {
            add(.checkStepsNoResources, nil, "the resources of the order cannot be set up from the scenario (a state fact without a state, or a count that is not a whole number)")
            return out
        }
        let requirementMachines = Set(product.refundRequires.map(\.machine))
        let resourceMachines = Set(product.resources.map(\.machine))
        let itemOf = { (k: Int) -> Procedure.Item? in k < expected.count ? expected[k].item : nil }
        var refundSteps = 0
        var day: CalendarDate?
        if let f = window.requestFact, case .date(let d)? = scenario[f] { day = d }
        for (k, instance) in decision.actions.enumerated() {
            let action: ConsoleAction
            do throws(StateSimulator.Refusal) { action = try simulator.take(instance.action) } catch {
                let place = itemOf(k)?.location ?? procedure.location
                switch error {
                case .unknownAction(let a):
                    add(.checkStepsUnknownAction, place, "procedure '\(procedureID)' names no action '\(a)' of any state machine")
                case .notAllowed(let a, let m, let needs, let found):
                    add(.checkStepsActionNotAllowed, place,
                        "step \(k + 1) of procedure '\(procedureID)', '\(a)', needs the \(m) in \(needs.joined(separator: " or ")), but it is \(found.isEmpty ? "not there" : found.joined(separator: ", ")) at that point",
                        "The actions before it must bring the resource to a state it may be taken in; check for a missing or misplaced step.")
                case .requirement(let a, let need, let found):
                    add(.checkStepsRequirementUnmet, place,
                        "step \(k + 1) of procedure '\(procedureID)', '\(a)', requires \(need) first, but it is \(found.joined(separator: ", "))")
                }
                return out
            }
            // A refund request: an action on a resource the refund requirements do not constrain (the order).
            if resourceMachines.contains(action.machine), !requirementMachines.contains(action.machine) {
                refundSteps += 1
                if k != decision.actions.count - 1 {
                    add(.checkStepsRefundStepNotLast, itemOf(k)?.location ?? procedure.location,
                        "procedure '\(procedureID)' requests the refund ('\(action.id)') before its last step")
                }
                let unmet = simulator.unmet(product.refundRequires)
                if !unmet.isEmpty {
                    add(.checkStepsRefundRequirementUnmet, itemOf(k)?.location ?? procedure.location,
                        "procedure '\(procedureID)' requests the refund while \(unmet.map { "\($0.machine) is \($0.state)" }.joined(separator: ", ")); product '\(product.id)' requires \(product.refundRequires.map(\.description).joined(separator: " or ")) first",
                        "A step that releases the resource is missing before '\(action.id)'.")
                }
            }
            // D17: a wait that may outlast the window carries the warning.
            if let wait = action.wait, let start = day {
                let end = wait.latestEnd(startingOn: start)
                if wait.mustEndInWindow, let deadline, end > deadline {
                    let warned = wait.warning.map { w in decision.warnings.contains { $0.warning == w } } ?? false
                    if !warned {
                        add(.checkStepsWaitWithoutWarning, action.location,
                            "the wait '\(action.id)' may end on \(end) (up to \(wait.maximum) \(wait.unit.rawValue)), after the deadline \(deadline), and no warning says so (D17)",
                            "Give the wait a `warning` with the last safe day to start.")
                    }
                }
                day = end
            }
        }
        if refundSteps == 0 {
            add(.checkStepsMissingRefundStep, procedure.location,
                "row '\(row.id)' refunds, but procedure '\(procedureID)' never requests the refund")
        }
        return out
    }

    /// The last row of `trace` that decides (a row is the first of its table with its id).
    /// The rows are compared by id in place: no row is copied until the one that decides.
    private func decidingRow(_ trace: [FiredRule]) -> Rule? {
        for fired in trace.reversed() {
            guard let t = model.tables.position(of: fired.table) else { continue }
            let rules = model.tables.elements[t].rules
            guard let k = rules.indices.first(where: { rules[$0].id == fired.rule }) else { continue }
            if case .decide = rules[k].result { return rules[k] }
        }
        return nil
    }
}
