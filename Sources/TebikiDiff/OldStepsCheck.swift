import TebikiEngine
import TebikiModel

/// Old steps against new rules, on `HybridModel` (the later model's rules, facts and products with
/// the earlier model's machines, procedures and glossary). Every scenario the later rules refund
/// is decided on that hybrid, its earlier actions are simulated on the earlier state machines from the state
/// the scenario puts each resource in, and the final states are checked against the later
/// product's `refund_requires`. Findings that the later model shows with its own steps are left
/// out: they are defects of that model, not consequences of the change.
struct OldStepsCheck: Sendable {
    let before: ComparedSide
    let after: ComparedSide
    let behaviour: BehaviourComparer

    func findings(_ probes: [Probe]) -> [OldStepsFinding] {
        let hybridModel = HybridModel.make(earlierSteps: before.model, laterRules: after.model)
        let hybrid = Engine(model: hybridModel)

        struct Group { var finding: OldStepsFinding; var probes: [Probe] }
        var groups: [String: Group] = [:]
        var order: [String] = []
        var seen = Set<Scenario>()
        for p in probes {
            guard case .decided(let summary) = p.after, let own = p.afterDecision, let procedure = summary.procedure, !own.actions.isEmpty
            else { continue }
            let outcome = p.after
            let input = own.scenario
            guard seen.insert(input).inserted else { continue }
            let problem: OldStepsFinding.Problem
            let actions: [String]
            switch simulateWithEarlierSteps(hybrid, hybridModel, input: input, procedure: procedure) {
            case .none: continue
            case .some(let (p, a)): problem = p; actions = a
            }
            // The later model's own steps must not show the same problem.
            if case .some(let (p, _)) = simulate(after.model, actions: own.actions.map(\.action), scenario: own.scenario),
               p == problem { continue }
            let product = input[after.productFact]?.description ?? "-"
            // A product the earlier model does not cover has no earlier steps to follow.
            if problem == .missingProcedure, !before.model.products.contains(id: product) { continue }
            let key = "\(product)\u{1}\(procedure)\u{1}\(problem)"
            let example = Scenario(input.values.filter { after.model.facts[id: $0.key]?.isDerived == false })
            let probe = Probe(scenario: input, product: product, before: outcome, after: outcome, beforeDecision: nil, afterDecision: own)
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(finding: OldStepsFinding(product: product, procedure: procedure, problem: problem, actions: actions,
                                                             when: [], count: 0, example: example), probes: [])
            }
            groups[key]!.probes.append(probe)
        }
        return order.map { key in
            var g = groups[key]!
            g.finding.count = g.probes.count
            g.finding.when = behaviour.commonAnswers(g.probes)
            return g.finding
        }
    }

    /// Decides `input` on the hybrid and simulates the earlier actions; nil when nothing is wrong.
    private func simulateWithEarlierSteps(_ hybrid: Engine, _ model: Model, input: Scenario, procedure: String)
        -> (OldStepsFinding.Problem, [String])?
    {
        guard model.procedures.contains(id: procedure) else { return (.missingProcedure, []) }
        let decision: Decision
        do throws(EngineFailure) { decision = try hybrid.evaluate(input) } catch { return (.missingProcedure, []) }
        let actions = decision.actions.map(\.action)
        return simulate(model, actions: actions, scenario: decision.scenario).map { ($0.0, actions) }
    }

    /// Runs `actions` on `model`'s machines from the resources the later product creates, then
    /// checks the later product's requirements; the later model's actions name what is missing.
    private func simulate(_ model: Model, actions: [String], scenario: Scenario) -> (OldStepsFinding.Problem, [String])? {
        guard let productID = scenario[after.productFact]?.description, let product = model.products[id: productID] else { return nil }
        var resources: [(machine: String, state: String)] = []
        for r in product.resources where r.when.allHold(in: scenario) {
            var count = 1
            if let e = r.count {
                guard let v = try? e.evaluate(in: scenario), v.denominator == 1, let n = Int(exactly: v.numerator) else { continue }
                count = n
            }
            var state = r.initialState
            if let f = r.stateFact, case .symbol(let value)? = scenario[f] {
                state = after.model.facts[id: f]?.values[id: value]?.state?.state ?? state
            }
            guard let state, count > 0 else { continue }
            for _ in 0..<count { resources.append((r.machine, state)) }
        }
        for id in actions {
            guard let action = model.action(id) else { return (.actionNotPossible(action: id), actions) }
            guard let k = resources.firstIndex(where: { $0.machine == action.machine && action.from.contains($0.state) }) else {
                return (.actionNotPossible(action: id), actions)
            }
            resources[k].state = action.to
        }
        var required: [String: [String]] = [:]
        var machineOrder: [String] = []
        for ref in product.refundRequires {
            if required[ref.machine] == nil { machineOrder.append(ref.machine) }
            required[ref.machine, default: []].append(ref.state)
        }
        for machine in machineOrder {
            let states = required[machine]!
            for r in resources where r.machine == machine && !states.contains(r.state) {
                return (.requirementUnmet(machine: machine, state: r.state, required: states,
                                          missing: path(in: machine, from: r.state, to: Set(states))), actions)
            }
        }
        return nil
    }

    /// The shortest sequence of the later model's actions from `state` to one of `targets`.
    private func path(in machineID: String, from state: String, to targets: Set<String>) -> [String] {
        guard let machine = after.model.machines[id: machineID] else { return [] }
        var queue: [(String, [String])] = [(state, [])]
        var visited: Set<String> = [state]
        var i = 0
        while i < queue.count {
            let (s, p) = queue[i]; i += 1
            if targets.contains(s) { return p }
            for a in machine.actions where a.from.contains(s) && visited.insert(a.to).inserted {
                queue.append((a.to, p + [a.id]))
            }
        }
        return []
    }
}
