import TebikiModel

/// The derived facts of a model in declaration order, and which of them a scenario can have.
///
/// A derived fact has a value only when a fact it reads has one (a window fact's date; every fact
/// an expression reads). So each derived fact is filed under one fact it reads, its trigger (of
/// those it reads, the one the fewest derived facts read), and a scenario visits the derived facts
/// its own facts trigger, directly or through other derived facts, not every derived fact of the
/// model (thousands with a thousand products). Every derived fact it skips would be given no value,
/// which it already has.
package struct DerivedFacts: Sendable {
    /// A derived fact, with the facts it reads (a reference: visiting one copies no field).
    package final class Fact: Sendable {
        package let id: FactID
        package let type: FactType
        package let derivation: TebikiModel.Fact.Derivation
        package let reads: Set<FactID>
        init(id: FactID, type: FactType, derivation: TebikiModel.Fact.Derivation, reads: Set<FactID>) {
            self.id = id; self.type = type; self.derivation = derivation; self.reads = reads
        }
    }

    /// Every derived fact, in declaration order.
    package let facts: [Fact]

    /// A fact that brings derived facts in: a derived fact, or a fact that triggers one. A caller
    /// that decides many scenarios over the same facts looks each fact's trigger up once.
    package struct Trigger: Sendable, Hashable {
        fileprivate let index: Int
    }

    private let triggerByFact: [FactID: Trigger]
    /// Per trigger, the derived facts a scenario with its fact visits (indices of `facts`, sorted).
    private let closures: [[Int]]
    /// The derived facts every scenario visits: those that read no fact, and what they trigger.
    private let untriggered: [Int]

    init(_ modelFacts: [TebikiModel.Fact]) {
        facts = modelFacts.compactMap { f in
            guard let d = f.derivation else { return nil }
            switch d {
            case .withinWindow(let date), .dayOfWindow(let date): return Fact(id: f.id, type: f.type, derivation: d, reads: [date])
            case .expression(let e): return Fact(id: f.id, type: f.type, derivation: d, reads: e.facts)
            }
        }
        var readers: [FactID: Int] = [:]
        for d in facts { for f in d.reads { readers[f, default: 0] += 1 } }
        var byTrigger: [FactID: [Int]] = [:]
        var untriggered: [Int] = []
        var derivedIndex: [FactID: Int] = [:]
        for (i, d) in facts.enumerated() {
            derivedIndex[d.id] = i
            if let trigger = d.reads.min(by: { (readers[$0] ?? 0, $0) < (readers[$1] ?? 0, $1) }) {
                byTrigger[trigger, default: []].append(i)
            } else {
                untriggered.append(i)
            }
        }
        // `start` and every derived fact triggered from `from` or from a derived fact reached, sorted.
        let ids = facts.map(\.id)
        func reach(_ start: [Int], from: [FactID]) -> [Int] {
            var seen = Set(start)
            var pending = from + start.map { ids[$0] }
            while let f = pending.popLast() {
                for i in byTrigger[f] ?? [] where seen.insert(i).inserted { pending.append(ids[i]) }
            }
            return seen.sorted()
        }
        var triggerByFact: [FactID: Trigger] = [:]
        var closures: [[Int]] = []
        for f in Set(byTrigger.keys).union(derivedIndex.keys) {
            triggerByFact[f] = Trigger(index: closures.count)
            closures.append(reach(derivedIndex[f].map { [$0] } ?? [], from: [f]))
        }
        self.triggerByFact = triggerByFact
        self.closures = closures
        self.untriggered = reach(untriggered, from: [])
    }

    /// The trigger of `fact`, or nil when a value for it brings in no derived fact.
    package func trigger(of fact: FactID) -> Trigger? { triggerByFact[fact] }

    /// The triggers of a scenario's facts.
    package func triggers(of scenario: Scenario) -> [Trigger] {
        scenario.values.keys.compactMap { triggerByFact[$0] }
    }

    /// The derived facts a scenario whose facts have `triggers` (in any order) can have, in
    /// declaration order: those it can derive, and those it already has a value for.
    ///
    /// The closures are short sorted lists: merged by sorting their concatenation, which costs
    /// what they hold, not a mark per derived fact of the model.
    package func visited(from triggers: [Trigger]) -> [Fact] {
        var list = untriggered
        for t in triggers { list += closures[t.index] }
        list.sort()
        var result: [Fact] = []
        result.reserveCapacity(list.count)
        for (k, i) in list.enumerated() where k == 0 || i != list[k - 1] { result.append(facts[i]) }
        return result
    }
}
