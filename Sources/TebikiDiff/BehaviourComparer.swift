import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// One concrete scenario decided by both models. A class: the groups of changes share each
/// probe (with its two decisions) instead of copying its fields.
final class Probe: Sendable {
    /// The input facts both models were given (the union of what each read).
    let scenario: Scenario
    let product: String
    let before: SideOutcome
    let after: SideOutcome
    let beforeDecision: Decision?
    let afterDecision: Decision?

    init(scenario: Scenario, product: String, before: SideOutcome, after: SideOutcome, beforeDecision: Decision?, afterDecision: Decision?) {
        self.scenario = scenario
        self.product = product
        self.before = before
        self.after = after
        self.beforeDecision = beforeDecision
        self.afterDecision = afterDecision
    }
}

/// Compares what two models decide, on a common footing: the classes of scenarios of BOTH models
/// (each class turned into concrete scenarios at the window's boundaries), every scenario decided
/// by both engines; the scenarios whose decisions differ are grouped by product and change.
struct BehaviourComparer: Sendable {
    let before: ComparedSide
    let after: ComparedSide

    /// Every probe, decided on both sides: the later model's classes first, then the earlier one's.
    func probes() -> [Probe] {
        // Both question spaces put day 0 on a Monday; shifting the earlier model's dates by whole
        // weeks onto the later model's day 0 keeps weekdays (business days) and lets equal
        // situations coincide.
        let shift = before.space.day0.days(to: after.space.day0)
        var raw = after.probes()
        raw += before.probes().map { shifted($0, by: shift) }
        // Both sides decide every probe; the probes are then kept in order.
        let decided = zip(after.decide(raw), before.decide(raw))
        var seen = Set<Scenario>(minimumCapacity: raw.count)
        var result: [Probe] = []
        result.reserveCapacity(raw.count)
        for (p, (a, b)) in zip(raw, decided) {
            // The later side's input first, then what only the earlier side read, then the rest
            // of the probe.
            var canonical = a.input
            canonical.values.merge(b.input.values) { later, _ in later }
            canonical.values.merge(p.values) { read, _ in read }
            guard seen.insert(canonical).inserted else { continue }
            let product = canonical[after.productFact]?.description ?? canonical[before.productFact]?.description ?? "-"
            result.append(Probe(scenario: canonical, product: product, before: b.outcome, after: a.outcome,
                                beforeDecision: b.decision, afterDecision: a.decision))
        }
        return result
    }

    private func shifted(_ s: Scenario, by days: Int) -> Scenario {
        guard days != 0 else { return s }
        var out = s
        for (k, v) in s.values { if case .date(let d) = v { out[k] = .date(d.adding(days: days)) } }
        return out
    }

    /// The groups of changed probes, by product (in product order) then first appearance.
    func changes(_ probes: [Probe]) -> [BehaviourChange] {
        var groups: [String: (aspects: [BehaviourChange.Aspect], probes: [Probe])] = [:]
        var order: [String] = []
        for p in probes {
            for (aspects, key) in facets(p) {
                let k = p.product + "\u{1}" + key
                if groups[k] == nil { order.append(k); groups[k] = ([], []) }
                groups[k]!.probes.append(p)
                groups[k]!.aspects = BehaviourChange.Aspect.allCases.filter { groups[k]!.aspects.contains($0) || aspects.contains($0) }
            }
        }
        let products = productOrder()
        let sorted = order.enumerated().sorted { x, y in
            let px = products.firstIndex(of: groups[x.element]!.probes[0].product) ?? products.count
            let py = products.firstIndex(of: groups[y.element]!.probes[0].product) ?? products.count
            return px != py ? px < py : x.offset < y.offset
        }.map(\.element)
        return sorted.map { k in
            let g = groups[k]!
            let example = typical(g.probes)
            return BehaviourChange(product: example.product, aspects: g.aspects, when: commonAnswers(g.probes), requestDay: commonRequestDay(g.probes), count: g.probes.count,
                                   example: example.scenario, before: example.before, after: example.after)
        }
    }

    /// The product ids, the later model's order first.
    func productOrder() -> [String] {
        var ids = after.model.facts[id: after.productFact]?.values.ids ?? after.model.products.ids
        for id in before.model.facts[id: before.productFact]?.values.ids ?? before.model.products.ids where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// The example of a group: the scenario closest to the defaults (the fewest facts that differ
    /// from their default value), the first such in class order.
    private func typical(_ probes: [Probe]) -> Probe {
        func distance(_ p: Probe) -> Int {
            var n = 0
            for (fact, value) in p.scenario.values {
                guard let d = after.model.facts[id: fact]?.defaultValue ?? before.model.facts[id: fact]?.defaultValue else { continue }
                if d != value { n += 1 }
            }
            return n
        }
        var best = probes[0], bestDistance = distance(best)
        for p in probes.dropFirst() {
            let d = distance(p)
            if d < bestDistance { best = p; bestDistance = d }
        }
        return best
    }

    /// The independent changes of a probe, each with its aspects and a grouping key; none when
    /// nothing changed. A changed outcome carries its consequences (amount, steps, route...): such
    /// scenarios group by the outcomes and the later reason, whatever steps each had before. A
    /// changed route is its own change (it depends on the payment method, not on the product's
    /// situation), so that it does not split the groups of the other changes.
    private func facets(_ p: Probe) -> [([BehaviourChange.Aspect], String)] {
        switch (p.before, p.after) {
        case (.decided(let b), .decided(let a)):
            let aspects = BehaviourChange.Aspect.allCases.filter { $0 != .coverage && b.value($0) != a.value($0) }
            guard !aspects.isEmpty else { return [] }
            if aspects.contains(.outcome) {
                return [(aspects, "outcome=\(b.outcome)>\(a.outcome)\u{2}reason=\(a.reason)")]
            }
            func key(_ list: [BehaviourChange.Aspect]) -> String {
                list.map { "\($0.rawValue)=\(b.value($0))>\(a.value($0))" }.joined(separator: "\u{2}")
            }
            var result: [([BehaviourChange.Aspect], String)] = []
            let rest = aspects.filter { $0 != .route }
            if !rest.isEmpty { result.append((rest, key(rest))) }
            if aspects.contains(.route) { result.append(([.route], key([.route]))) }
            return result
        case (.notCovered, .notCovered):
            return []
        case (.failed(let x), .failed(let y)) where x == y:
            return []
        default:
            let covered: [BehaviourChange.Aspect] = [.outcome, .actions, .channel, .warnings]
            func key(_ side: String, _ o: SideOutcome) -> String {
                switch o {
                case .decided(let d): return side + ":" + covered.map { d.value($0) }.joined(separator: "\u{2}")
                case .notCovered: return side + ":not-covered"
                case .failed(let m): return side + ":failed:" + m
                }
            }
            return [([.coverage], key("b", p.before) + "\u{3}" + key("a", p.after))]
        }
    }

    /// A group's conditions, in question order (the product excluded): for each question, the
    /// answer every probe shares, or the answers the probes give when they are some but not all
    /// of the question's answers. A question some probe does not answer (it does not apply
    /// there) is left out, and so is one the probes answer in every way (it does not matter).
    func commonAnswers(_ probes: [Probe]) -> [AnswerRef] {
        var facts = after.space.order
        for f in before.space.order where !facts.contains(f) { facts.append(f) }
        var result: [AnswerRef] = []
        for fact in facts where fact != after.productFact && fact != before.productFact {
            let useAfter = after.space.questions[fact] != nil
            let side = useAfter ? after : before
            guard let q = side.space.questions[fact], q.answers.count > 1 else { continue }
            var given = Set<String>()
            var answeredByAll = true
            for p in probes {
                let decision = useAfter ? (p.afterDecision ?? p.beforeDecision) : (p.beforeDecision ?? p.afterDecision)
                let scenario = decision?.scenario ?? p.scenario
                guard let a = side.answer(fact, in: scenario) else { answeredByAll = false; break }
                given.insert(a)
            }
            guard answeredByAll, !given.isEmpty, given.count < q.answers.count else { continue }
            result.append(AnswerRef(fact: fact, answers: q.answers.map(\.id).filter(given.contains)))
        }
        return result
    }

    /// The day of the window every probe is requested on (0: the day it counts from), when they
    /// share one and the model has a request date.
    func commonRequestDay(_ probes: [Probe]) -> Int? {
        let window = after.model.edition.window
        guard let requestFact = window.requestFact else { return nil }
        var day: Int?
        for p in probes {
            guard case .date(let start)? = p.scenario[window.countsFrom], case .date(let requested)? = p.scenario[requestFact] else { return nil }
            let d = start.days(to: requested)
            if let day, day != d { return nil }
            day = d
        }
        return day
    }
}
