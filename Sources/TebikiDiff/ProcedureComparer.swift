import TebikiEngine
import TebikiModel
import TebikiRender

/// Compares the console steps each side gives for the same scenarios: per product and situation,
/// the action sequences (added, removed, moved) and the step texts of each action.
struct ProcedureComparer: Sendable {
    let behaviour: BehaviourComparer
    var before: ComparedSide { behaviour.before }
    var after: ComparedSide { behaviour.after }

    /// One action of a decision with its steps as the reader sees them, per language.
    struct Expanded: Hashable {
        var action: String
        var row: Int
        var steps: [Localized]
        var key: String { "\(action)#\(row)" }
    }

    func changes(_ probes: [Probe]) -> [ProcedureChange] {
        struct Bucket { var probes: [Probe]; var b: [Expanded]; var a: [Expanded] }
        struct Key: Hashable { var product: String; var bp: String?; var ap: String?; var b: [Expanded]; var a: [Expanded] }
        var buckets: [Key: Bucket] = [:]
        var order: [Key] = []
        var beforeCache: [ExpansionKey: [Expanded]] = [:], afterCache: [ExpansionKey: [Expanded]] = [:]
        for p in probes {
            let b = p.beforeDecision.map { expand($0, side: before, cache: &beforeCache) }
            let a = p.afterDecision.map { expand($0, side: after, cache: &afterCache) }
            let bActions = b ?? [], aActions = a ?? []
            guard !bActions.isEmpty || !aActions.isEmpty, bActions != aActions else { continue }
            // A refund on one side and none on the other is a change of behaviour, not of steps;
            // a side that does not cover the scenario at all makes its steps new (or gone).
            if (b != nil && bActions.isEmpty) || (a != nil && aActions.isEmpty) { continue }
            let key = Key(product: p.product, bp: p.before.decision?.procedure, ap: p.after.decision?.procedure, b: bActions, a: aActions)
            if buckets[key] == nil { order.append(key); buckets[key] = Bucket(probes: [], b: bActions, a: aActions) }
            buckets[key]!.probes.append(p)
        }
        let products = behaviour.productOrder()
        let sorted = order.enumerated().sorted { x, y in
            let px = products.firstIndex(of: buckets[x.element]!.probes[0].product) ?? products.count
            let py = products.firstIndex(of: buckets[y.element]!.probes[0].product) ?? products.count
            return px != py ? px < py : x.offset < y.offset
        }.map(\.element)
        return sorted.map { key in
            let bucket = buckets[key]!
            let first = bucket.probes[0]
            let (actions, steps) = compare(bucket.b, bucket.a)
            return ProcedureChange(
                product: first.product, beforeProcedure: first.before.decision?.procedure, afterProcedure: first.after.decision?.procedure,
                when: behaviour.commonAnswers(bucket.probes), count: bucket.probes.count,
                beforeActions: bucket.b.map(\.action), afterActions: bucket.a.map(\.action), actions: actions, steps: steps)
        }
    }

    /// What the expansion of a decision depends on: its actions, their repeats and the variant each uses.
    struct ExpansionKey: Hashable {
        var actions: [String]
        var rows: [Int]
        var variants: [Int]
    }

    /// The decision's actions with their steps filled in, in every language of the model (cached:
    /// thousands of scenarios share a few expansions).
    private func expand(_ d: Decision, side: ComparedSide, cache: inout [ExpansionKey: [Expanded]]) -> [Expanded] {
        let key = ExpansionKey(
            actions: d.actions.map(\.action), rows: d.actions.map(\.row),
            variants: d.actions.map { i in side.model.action(i.action)?.variants.firstIndex { $0.when.allHold(in: d.scenario) } ?? -1 })
        if let hit = cache[key] { return hit }
        let result = expand(d, side: side)
        cache[key] = result
        return result
    }

    private func expand(_ d: Decision, side: ComparedSide) -> [Expanded] {
        let fillers = side.model.languages.map { TemplateFiller(model: side.model, language: $0, style: .plain) }
        return d.actions.compactMap { instance in
            guard let action = side.model.action(instance.action) else { return nil }
            let steps = action.steps(in: d.scenario).map { step in
                Localized(Dictionary(uniqueKeysWithValues: fillers.map { f in
                    (f.language.id, f.fill(step.text, values: ["row": .integer(instance.row)]))
                }))
            }
            return Expanded(action: instance.action, row: instance.row, steps: steps)
        }
    }

    /// Actions aligned by id (and repeat), then the steps of each action kept on both sides.
    private func compare(_ b: [Expanded], _ a: [Expanded]) -> ([ActionChange], [StepChange]) {
        let script = Alignment.align(b.map(\.key), a.map(\.key))
        let removedKeys = Set(script.compactMap { if case .removed(let i) = $0 { b[i].key } else { nil } })
        let addedKeys = Set(script.compactMap { if case .added(let j) = $0 { a[j].key } else { nil } })
        let moved = removedKeys.intersection(addedKeys)
        var actions: [ActionChange] = []
        var steps: [StepChange] = []
        for pair in script {
            switch pair {
            case .both(let i, let j):
                steps += compareSteps(action: a[j].action, b[i].steps, a[j].steps)
            case .removed(let i):
                if moved.contains(b[i].key) { continue }
                actions.append(ActionChange(action: b[i].action, kind: .removed, follows: i > 0 ? b[i - 1].action : nil))
                steps += b[i].steps.map { StepChange(action: b[i].action, kind: .removed, before: $0, after: nil) }
            case .added(let j):
                if moved.contains(a[j].key) {
                    actions.append(ActionChange(action: a[j].action, kind: .moved, follows: j > 0 ? a[j - 1].action : nil))
                    if let i = b.firstIndex(where: { $0.key == a[j].key }) { steps += compareSteps(action: a[j].action, b[i].steps, a[j].steps) }
                    continue
                }
                actions.append(ActionChange(action: a[j].action, kind: .added, follows: j > 0 ? a[j - 1].action : nil))
                steps += a[j].steps.map { StepChange(action: a[j].action, kind: .added, before: nil, after: $0) }
            }
        }
        return (actions, steps)
    }

    /// Steps aligned by their whole text; unmatched steps between two kept ones are paired as reworded.
    private func compareSteps(action: String, _ b: [Localized], _ a: [Localized]) -> [StepChange] {
        var result: [StepChange] = []
        var removed: [Localized] = [], added: [Localized] = []
        func flush() {
            let n = min(removed.count, added.count)
            for k in 0..<n { result.append(StepChange(action: action, kind: .changed, before: removed[k], after: added[k])) }
            for r in removed.dropFirst(n) { result.append(StepChange(action: action, kind: .removed, before: r, after: nil)) }
            for x in added.dropFirst(n) { result.append(StepChange(action: action, kind: .added, before: nil, after: x)) }
            removed = []; added = []
        }
        for pair in Alignment.align(b, a) {
            switch pair {
            case .both: flush()
            case .removed(let i): removed.append(b[i])
            case .added(let j): added.append(a[j])
            }
        }
        flush()
        return result
    }
}
