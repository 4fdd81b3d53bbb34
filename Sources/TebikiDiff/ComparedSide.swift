import TebikiAnalysis
import TebikiConcurrency
import TebikiEngine
import TebikiModel

/// One model made ready for the comparison: its engine, its decoder and its questions.
/// A class: every probe decided on every core shares it instead of copying its fields.
final class ComparedSide: Sendable {
    let model: Model
    let space: QuestionSpace
    let engine: Engine
    let decoder: ScenarioDecoder
    /// The fact that names the product (the enumeration whose values are the products).
    let productFact: FactID

    /// Every input fact id once, in declaration order (the order of the fields given to the
    /// decoder: an adapted probe holds input facts only).
    let fieldOrder: [FactID]
    /// The input facts, in declaration order.
    let inputFacts: [Fact]
    /// The input facts as `adapt` walks them, in the same order.
    private let inputs: [Input]
    /// The fact ids a probe may give this model: those whose declaration is an input fact.
    private let readable: Set<FactID>

    /// An input fact as `adapt` reads it (lighter to walk than the fact itself).
    private struct Input: Sendable {
        let id: FactID
        let appliesWhen: [Condition]
        /// Required, without a default: a probe that lacks it (where it applies) gets a value.
        let filled: Bool
        /// Its position in `inputFacts`.
        let position: Int
    }

    init(model: Model) {
        self.model = model
        inputFacts = model.facts.elements.filter { !$0.isDerived }
        var seen = Set<FactID>()
        let inputIDs = Set(inputFacts.map(\.id))
        fieldOrder = model.facts.ids.filter { inputIDs.contains($0) && seen.insert($0).inserted }
        inputs = inputFacts.enumerated().map { k, f in
            Input(id: f.id, appliesWhen: f.appliesWhen, filled: f.defaultValue == nil && f.required, position: k)
        }
        readable = Set(inputIDs.filter { model.facts[id: $0]?.isDerived == false })
        let plan = ModelPlan(model)
        space = QuestionSpace(plan: plan)
        engine = Engine(plan: plan)
        decoder = ScenarioDecoder(plan: plan)
        let ids = Set(model.products.ids)
        productFact = model.facts.first { f in
            f.type == .enumeration && !f.isDerived && !ids.isEmpty && ids.isSubset(of: Set(f.values.ids))
        }?.id ?? "product"
    }

    /// The concrete scenarios of every class of this model's questions, in class order (the
    /// scenarios of the classes made on every core).
    func probes() -> [Scenario] {
        let classes = ScenarioClasses(space: space)
        let all = classes.all()
        return ParallelMap.map(all.count) { classes.scenarios(of: all[$0]) }.flatMap { $0 }
    }

    /// The probe as this model reads it: facts it does not know, or that do not apply, are dropped
    /// (and listed); required facts it lacks get the first answer of their question.
    func adapt(_ probe: Scenario) -> (scenario: Scenario, ignored: [FactID]) {
        var s = probe
        var ignored: [FactID] = []
        for fact in probe.values.keys where !readable.contains(fact) {
            s[fact] = nil
            ignored.append(fact)
        }
        for input in inputs {
            let applies = input.appliesWhen.allHold(in: s)
            if s[input.id] != nil {
                if !applies { s[input.id] = nil; ignored.append(input.id) }
            } else if applies, input.filled {
                s[input.id] = fill(inputFacts[input.position], in: s)
            }
        }
        return (s, ignored.sorted())
    }

    private func fill(_ fact: Fact, in s: Scenario) -> FactValue? {
        if fact.type == .date { return s[model.edition.window.countsFrom] ?? .date(space.day0) }
        if let v = space.questions[fact.id]?.answers.first(where: { $0.sample != nil })?.sample { return v }
        if let v = fact.values.first { return .symbol(v.id) }
        switch fact.type {
        case .boolean: return .boolean(false)
        case .integer: if case .value(let v)? = fact.minimum { return v }; return .integer(0)
        case .decimal: return .decimal(.zero)
        default: return nil
        }
    }

    /// What this model decides for each probe (validated by its own decoder, as `explain` would),
    /// with the input it decided. Probes are adapted on every core; the probes that adapt to the
    /// same scenario differ only in what they ignored, so each distinct adapted scenario is
    /// decided once (on every core) and its decision shared.
    func decide(_ probes: [Scenario]) -> [(outcome: SideOutcome, decision: Decision?, input: Scenario)] {
        let adapted = ParallelMap.map(probes.count) { i in Adapted(adapt(probes[i])) }
        var slots: [Adapted: Int] = [:]
        var distinct: [Scenario] = []
        let slot = adapted.map { a in
            if let k = slots[a] { return k }
            slots[a] = distinct.count
            distinct.append(a.scenario)
            return distinct.count - 1
        }
        let judged = ParallelMap.map(distinct.count) { k in judge(distinct[k]) }
        return zip(adapted, slot).map { a, k in
            switch judged[k] {
            case .notCovered(let errors): return (.notCovered(errors), nil, a.scenario)
            case .failed(let message, let input): return (.failed(message), nil, input)
            case .decided(var summary, let decision, let input):
                summary.ignored = a.ignored
                return (.decided(summary), decision, input)
            }
        }
    }

    /// A probe as this model reads it, hashed once (on the core that adapted it): the scenario
    /// alone is the identity, what was ignored is not.
    private struct Adapted: Hashable {
        let scenario: Scenario
        let ignored: [FactID]
        let hash: Int
        init(_ a: (scenario: Scenario, ignored: [FactID])) { scenario = a.scenario; ignored = a.ignored; hash = a.scenario.hashValue }
        static func == (x: Adapted, y: Adapted) -> Bool { x.hash == y.hash && x.scenario == y.scenario }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// What this model makes of an adapted scenario, before the probe's ignored facts are added.
    private enum Judgement {
        case notCovered([String])
        case failed(String, input: Scenario)
        /// The summary's `ignored` is empty.
        case decided(DecisionSummary, Decision, input: Scenario)
    }

    /// Decodes an adapted scenario from its values (fields in declaration order) and evaluates it.
    private func judge(_ adapted: Scenario) -> Judgement {
        let fields: [(String, ScenarioDecoder.Raw)] = fieldOrder.compactMap { id in adapted[id].map { (id, .value($0)) } }
        let input: Scenario
        switch decoder.decode(fields) {
        case .success(let s): input = s
        case .failure(let e): return .notCovered(e.errors.map(\.description))
        }
        do throws(EngineFailure) {
            let decision = try engine.evaluate(input)
            return .decided(summary(decision, ignored: []), decision, input: input)
        } catch {
            return .failed(error.message, input: input)
        }
    }

    /// The language-free summary of a decision.
    func summary(_ d: Decision, ignored: [FactID]) -> DecisionSummary {
        DecisionSummary(
            outcome: d.outcome, amount: d.amount, places: model.edition.currencyPlaces, route: d.route, channel: d.channel, actions: d.actions.map(\.action),
            deadline: d.deadline, warnings: d.warnings.map(\.warning), reason: d.reason,
            rules: d.trace.map { "\($0.table)/\($0.rule)" }, procedure: procedure(of: d), ignored: ignored)
    }

    /// The procedure the deciding row names.
    func procedure(of d: Decision) -> String? {
        for fired in d.trace.reversed() {
            guard let rule = model.tables[id: fired.table]?.rules.first(where: { $0.id == fired.rule }) else { continue }
            if case .decide(let r) = rule.result { return r.procedure }
        }
        return nil
    }

    /// The answer a scenario gives to the question of `fact`, if the question exists and applies.
    func answer(_ fact: FactID, in scenario: Scenario) -> String? {
        guard let q = space.questions[fact], space.applies(q.fact, given: scenario) else { return nil }
        let value = scenario[fact]
        if value == nil && !q.answers.contains(where: { $0.sample == nil }) { return nil }
        return q.answers.first { $0.test.matches(value, in: scenario) }?.id
    }
}
