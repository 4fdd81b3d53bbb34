import TebikiConcurrency
import TebikiEngine
import TebikiModel

/// Every scenario class of a model, each with the engine's decision for each of its concrete
/// scenarios (the window's boundaries), computed once on every core. The checker proves them and
/// the site builder writes its pages from them: `tebiki build` decides each class once, not once
/// for the check and again for the pages.
package struct DecidedClasses: Sendable {
    /// What the engine made of one concrete scenario of a class. The input scenario is kept only
    /// when the decision's scenario cannot give it back (with a thousand products, keeping every
    /// input was a third of the memory).
    package struct Decided: Sendable {
        /// The engine's decision, or why it failed.
        package var decision: Result<Decision, EngineFailure>
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
        /// `triggers`: the engine's triggers of the facts `input` has a value for (see
        /// `Engine.evaluate(_:triggers:)`).
        init(_ input: Scenario, hasDerivedFacts: Bool, engine: Engine, inputFacts: InputFacts, triggers: [DerivedFacts.Trigger]) {
            self.inputFacts = inputFacts
            do throws(EngineFailure) { decision = .success(try engine.evaluate(input, triggers: triggers)) } catch { decision = .failure(error) }
            if case .success = decision, !hasDerivedFacts { storedInput = nil } else { storedInput = input }
        }

        /// The input scenario (as a person would give it).
        package var input: Scenario {
            if let storedInput { return storedInput }
            guard case .success(let d) = decision else { preconditionFailure("a failed decision keeps its input") }
            return inputFacts.readBack(d.scenario)
        }
    }

    /// Which facts are derived, shared by reference by every decided scenario.
    final class InputFacts: Sendable {
        let derived: Set<FactID>
        init(_ model: Model) { derived = Set(model.facts.filter(\.isDerived).map(\.id)) }
        /// A decision's scenario without its derived facts.
        func readBack(_ s: Scenario) -> Scenario { Scenario(s.values.filter { !derived.contains($0.key) }) }
    }

    /// The question space the classes were enumerated in. Whoever enumerates classes to look up
    /// here should use it too: its answers are then the very same values, compared by identity.
    package let space: QuestionSpace
    /// The classes, in `ScenarioClasses.all()` order.
    package let classes: [ScenarioClasses.Class]
    /// Per class, its scenarios in `ScenarioClasses.scenarios(of:)` order (the last day in time first).
    package let decided: [[Decided]]

    /// Enumerates the classes of `space` and decides them with `engine` (an engine over `space.model`).
    package init(space: QuestionSpace, engine: Engine) {
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
    }

    /// Per leaf, the indices in `classes` of a leaf's classes: for each combination of answers of
    /// its path (`DecisionTree.combinations`), in that order, the classes that have every answer of
    /// the combination, in class order. The classes are those the checker proves, so a page shows
    /// no case that was not checked.
    ///
    /// The classes are sorted into the leaves in one pass, each walked down a trie of the leaves'
    /// paths (the leaves of one tree share their first steps), matching answers by identity: the
    /// leaves and the classes hold the answers of one question space.
    package func classesByLeaf(_ leaves: [DecisionTree.Leaf]) -> [[Int]] {
        /// A node of the trie: per fact a path asks next, the node after each answer (by the
        /// answer's identity), and the combinations whose path ends here (as indices of `buckets`).
        struct Node {
            /// Usually one fact: the leaves below a node ask the same fact next.
            var children: [(fact: FactID, byAnswer: [ObjectIdentifier: Int])] = []
            var ends: [Int] = []
        }
        var nodes = [Node()]
        var bucketsOfLeaf: [Range<Int>] = []
        var bucketCount = 0
        for leaf in leaves {
            let combinations = DecisionTree.combinations(leaf.path)
            bucketsOfLeaf.append(bucketCount..<(bucketCount + combinations.count))
            for combination in combinations {
                var n = 0
                for step in leaf.path {
                    let identity = combination[step.fact]!.identity
                    if !nodes[n].children.contains(where: { $0.fact == step.fact }) { nodes[n].children.append((step.fact, [:])) }
                    let k = nodes[n].children.firstIndex { $0.fact == step.fact }!
                    if let child = nodes[n].children[k].byAnswer[identity] {
                        n = child
                    } else {
                        nodes.append(Node())
                        nodes[n].children[k].byAnswer[identity] = nodes.count - 1
                        n = nodes.count - 1
                    }
                }
                nodes[n].ends.append(bucketCount)
                bucketCount += 1
            }
        }
        var buckets = [[Int]](repeating: [], count: bucketCount)
        var pending: [Int] = []
        for (i, c) in classes.enumerated() {
            pending.append(0)
            while let n = pending.popLast() {
                for e in nodes[n].ends { buckets[e].append(i) }
                for (fact, byAnswer) in nodes[n].children {
                    if let a = c.answers[fact], let child = byAnswer[a.identity] { pending.append(child) }
                }
            }
        }
        return bucketsOfLeaf.map { range in range.flatMap { buckets[$0] } }
    }

    /// How many concrete scenarios were decided.
    package var scenarioCount: Int { decided.reduce(0) { $0 + $1.count } }
}
