import TebikiEngine
import TebikiModel

/// Every scenario class of a model, each with the engine's decision for each of its concrete
/// scenarios (the window's boundaries), computed once on every core. The checker proves them and
/// the site builder writes its pages from them: `tebiki build` decides each class once, not once
/// for the check and again for the pages.
public struct DecidedClasses: Sendable {
    /// What the engine made of one concrete scenario of a class. The input scenario is kept only
    /// when the decision's scenario cannot give it back (with a thousand products, keeping every
    /// input was a third of the memory).
    public struct Decided: Sendable {
        /// The engine's decision, or why it failed.
        public var decision: Result<Decision, EngineFailure>
        /// The input, when it is not the decision's scenario without its derived facts.
        private var storedInput: Scenario?
        private let inputFacts: InputFacts

        /// Decides `input` with `engine`. `hasDerivedFacts`: whether `input` gives a value to a
        /// derived fact.
        ///
        /// The engine adds to the input the values of derived facts and changes nothing else, so
        /// the decision's scenario without its derived facts is the input exactly when the input
        /// has no derived fact.
        ///
        /// `triggers`: the engine's triggers of the facts `input` has a value for, when the caller
        /// knows them (see `Engine.evaluate(_:triggers:)`).
        init(_ input: Scenario, hasDerivedFacts: Bool, engine: Engine, inputFacts: InputFacts, triggers: [DerivedFacts.Trigger]? = nil) {
            self.inputFacts = inputFacts
            do throws(EngineFailure) {
                if let triggers { decision = .success(try engine.evaluate(input, triggers: triggers)) }
                else { decision = .success(try engine.evaluate(input)) }
            } catch { decision = .failure(error) }
            if case .success = decision, !hasDerivedFacts { storedInput = nil } else { storedInput = input }
        }

        /// The input scenario (as a person would give it).
        public var input: Scenario {
            if let storedInput { return storedInput }
            guard case .success(let d) = decision else { preconditionFailure("a failed decision keeps its input") }
            return inputFacts.readBack(d.scenario)
        }
    }

    /// Decides scenarios one by one, as `DecidedClasses` does (for classes it does not have).
    public struct Decider: Sendable {
        let engine: Engine
        let inputFacts: InputFacts
        /// A decider over `engine`'s model.
        public init(engine: Engine) { self.engine = engine; inputFacts = InputFacts(engine.model) }
        /// The engine's decision on `input`.
        public func decide(_ input: Scenario) -> Decided {
            Decided(input, hasDerivedFacts: inputFacts.hasDerivedFacts(input), engine: engine, inputFacts: inputFacts)
        }
    }

    /// Which facts are derived, shared by reference by every decided scenario.
    final class InputFacts: Sendable {
        let derived: Set<FactID>
        init(_ model: Model) { derived = Set(model.facts.filter(\.isDerived).map(\.id)) }
        /// A decision's scenario without its derived facts.
        func readBack(_ s: Scenario) -> Scenario { Scenario(s.values.filter { !derived.contains($0.key) }) }
        /// Whether a scenario gives a value to a derived fact.
        func hasDerivedFacts(_ s: Scenario) -> Bool { s.values.keys.contains { derived.contains($0) } }
    }

    /// The question space the classes were enumerated in. Whoever enumerates classes to look up
    /// here should use it too: its answers are then the very same values, compared by identity.
    public let space: QuestionSpace
    /// The classes, in `ScenarioClasses.all()` order.
    public let classes: [ScenarioClasses.Class]
    /// Per class, its scenarios in `ScenarioClasses.scenarios(of:)` order (the last day in time first).
    public let decided: [[Decided]]
    /// Class index by key.
    private let byKey: [String: Int]

    /// Enumerates the classes of `space` and decides them with `engine` (an engine over `space.model`).
    public init(space: QuestionSpace, engine: Engine) {
        self.space = space
        let enumeration = ScenarioClasses(space: space)
        let classes = enumeration.allInParallel()
        self.classes = classes
        let inputFacts = InputFacts(space.model)
        // The engine's trigger of each slot's fact, looked up once, not per scenario.
        let slotTriggers = space.plan.slots.ids.map { engine.trigger(of: $0) }
        decided = ParallelMap.map(classes.count) { i in
            enumeration.boundaryScenarios(of: classes[i]).map {
                Decided($0.scenario, hasDerivedFacts: $0.hasDerivedFacts, engine: engine, inputFacts: inputFacts,
                        triggers: $0.slots.compactMap { slotTriggers[$0] })
            }
        }
        var byKey = [String: Int](minimumCapacity: classes.count)
        // The first class with a key wins: assigned last to first, each key hashed once.
        for (i, c) in classes.enumerated().reversed() { byKey[c.key] = i }
        self.byKey = byKey
    }

    /// The index of `c` in `classes`, when it is one of them (same key, same answers).
    public func index(of c: ScenarioClasses.Class) -> Int? {
        guard let i = byKey[c.key], classes[i].answers == c.answers else { return nil }
        return i
    }

    /// Per leaf, the indices in `classes` of the classes `ScenarioClasses.all(where:)` gives for
    /// each of the leaf's path combinations (`DecisionTree.combinations`), in that order; nil for a
    /// leaf with a combination `ScenarioClasses.filtersExactly` does not accept (its classes must be
    /// enumerated again). Every leaf used to enumerate its classes and look each one up here.
    ///
    /// Where a filter is exact, its classes are those of `classes` that have its answers, in the
    /// same order; so the classes are sorted into the leaves in one pass, each walked down a trie of
    /// the leaves' paths (the leaves of one tree share their first steps: a class follows one path).
    public func classesByLeaf(_ leaves: [DecisionTree.Leaf]) -> [[Int]?] {
        let check = ScenarioClasses.FilterCheck(space: space)
        /// A node of the trie: the fact its paths ask next, the node after each answer (by the
        /// answer's identity: the classes hold the space's own answers), and the combinations
        /// whose path ends here (as indices of `buckets`).
        struct Node {
            var fact: FactID?
            var children: [ObjectIdentifier: Int] = [:]
            var ends: [Int] = []
        }
        var nodes = [Node()]
        var exact = [Bool](repeating: true, count: leaves.count)
        var bucketsOfLeaf: [Range<Int>] = []
        var bucketCount = 0
        for (k, leaf) in leaves.enumerated() {
            let combinations = DecisionTree.combinations(leaf.path)
            let range = bucketCount..<(bucketCount + combinations.count)
            bucketCount += combinations.count
            bucketsOfLeaf.append(range)
            guard Set(leaf.path.map(\.fact)).count == leaf.path.count, combinations.allSatisfy(check.isExact) else {
                exact[k] = false
                continue
            }
            insert: for (j, combination) in combinations.enumerated() {
                var n = 0
                for step in leaf.path {
                    // Leaves of different trees may ask different facts after the same answers:
                    // such a leaf is left to the enumeration.
                    if nodes[n].fact == nil { nodes[n].fact = step.fact }
                    guard nodes[n].fact == step.fact, let answer = combination[step.fact] else { exact[k] = false; break insert }
                    if let child = nodes[n].children[answer.identity] {
                        n = child
                    } else {
                        nodes.append(Node())
                        nodes[n].children[answer.identity] = nodes.count - 1
                        n = nodes.count - 1
                    }
                }
                nodes[n].ends.append(range.lowerBound + j)
            }
        }
        var buckets = [[Int]](repeating: [], count: bucketCount)
        for (i, c) in classes.enumerated() {
            var n = 0
            while true {
                for e in nodes[n].ends { buckets[e].append(i) }
                guard let f = nodes[n].fact, let a = c.answers[f], let child = nodes[n].children[a.identity] else { break }
                n = child
            }
        }
        return leaves.indices.map { k in exact[k] ? bucketsOfLeaf[k].flatMap { buckets[$0] } : nil }
    }

    /// How many concrete scenarios were decided.
    public var scenarioCount: Int { decided.reduce(0) { $0 + $1.count } }
}
