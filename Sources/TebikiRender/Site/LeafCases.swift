import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// The concrete cases behind one or more leaves of a decision tree: every decided scenario class
/// that has the answers of the leaf's path (facts the tree does not ask included, such as the
/// years of validity), with the engine's decision. Cases whose steps differ become separate
/// variants, so a page never shows one list of steps where the answers it did not ask would
/// change them.
struct LeafCases {
    /// One class of answers and its decision. A reference: cases are grouped and merged into
    /// variants and product sections many times over, and copying one was copying all of this.
    final class Case: Sendable {
        let leaf: DecisionTree.Leaf
        let answers: [FactID: Answer]
        private let space: SharedSpace
        /// The scenario `QuestionSpace.scenario(for:)` gives (the last day in time), made when
        /// asked: only the cases a page shows need it, and keeping every one took much memory.
        var scenario: Scenario { space.space.scenario(for: answers) }
        let decision: Decision
        /// The decisions of every boundary scenario of the class (for warnings that depend on dates).
        let boundaryDecisions: [Decision]
        /// `LeafCases.stepsKey` of the decision, made once (a case is grouped into variants for its
        /// own leaf and again for every set of leaves it is merged into).
        let stepsKey: [String]

        /// `model`: the space's model, passed in (reading it from `space` per case copied the whole model).
        init(leaf: DecisionTree.Leaf, answers: [FactID: Answer], space: SharedSpace, decision: Decision, boundaryDecisions: [Decision], model: Model) {
            self.leaf = leaf; self.answers = answers; self.space = space; self.decision = decision
            self.boundaryDecisions = boundaryDecisions
            stepsKey = LeafCases.stepsKey(decision, model: model)
        }
    }

    /// The question space, shared by reference by every case.
    final class SharedSpace: Sendable {
        let space: QuestionSpace
        init(_ space: QuestionSpace) { self.space = space }
    }

    /// Cases with the same steps, and the answers that set them apart from the other variants.
    struct Variant {
        var cases: [Case]
        /// Facts whose answers tell this variant from the others, with this variant's answers.
        var distinguishing: [(fact: FactID, answers: [Answer])]
        var representative: Case { cases[0] }
    }

    let space: QuestionSpace
    let cases: [Case]
    /// The cases grouped by their steps, in the order they first appear (computed once: every
    /// page that shows the leaves reads them).
    let variants: [Variant]

    /// The cases of `leaf`: the classes of `decided` at `classes` (`DecidedClasses.classesByLeaf`),
    /// each of which the leaf's deciding rule must decide.
    init(leaf: DecisionTree.Leaf, classes: [Int], decided: DecidedClasses) throws(SiteBuildError) {
        let space = decided.space
        self.space = space
        let shared = SharedSpace(space)
        // Read once: reading it from `space` per case copied the whole model.
        let model = space.model
        var cases: [Case] = []
        if let deciding = leaf.rules.last?.rule {
            for i in classes {
                let key = decided.classes[i].key, scenarios = decided.decided[i]
                guard !scenarios.isEmpty else { continue }
                let decision: Decision
                // Read in place: binding the first decided scenario copied it, result and all, per case.
                switch scenarios[0].decision {
                case .success(let d): decision = d
                case .failure(let error):
                    throw SiteBuildError(.renderFailure, "the engine cannot decide the case \(key) of leaf \(leaf.id): \(error.message)")
                }
                guard decision.ruleIDs.contains(deciding) else {
                    throw SiteBuildError(.renderFailure, "leaf \(leaf.id) (\(SiteTree.describe(leaf.path))) says rule \(deciding) decides \(key), but the engine fired \(decision.ruleIDs.joined(separator: ", "))")
                }
                // The decisions only: `Result.get()` copied each result before its decision.
                let boundary = scenarios.compactMap { s -> Decision? in
                    guard case .success(let d) = s.decision else { return nil }
                    return d
                }
                cases.append(Case(leaf: leaf, answers: decided.classes[i].answers, space: shared, decision: decision, boundaryDecisions: boundary, model: model))
            }
        }
        self.cases = cases
        variants = LeafCases.variants(cases, space: space)
    }

    /// What makes two cases' steps the same: each action, its repeat and which of its step lists applies.
    static func stepsKey(_ decision: Decision, model: Model) -> [String] {
        decision.actions.map { instance in
            let variant = model.action(instance.action)?.variants.firstIndex { $0.when.allHold(in: decision.scenario) } ?? -1
            return "\(instance.action)#\(instance.row)#\(variant)"
        }
    }

    /// `cases` grouped by their steps, in the order they first appear.
    private static func variants(_ cases: [Case], space: QuestionSpace) -> [Variant] {
        var groups: [[String]: [Case]] = [:]
        var order: [[String]] = []
        for c in cases {
            let key = c.stepsKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(c)
        }
        let grouped = order.map { groups[$0]! }
        guard grouped.count > 1 else { return grouped.map { Variant(cases: $0, distinguishing: []) } }
        // The facts whose answer sets differ between groups, in question order (of the facts the
        // cases answer, not of every question of the model).
        var answered = Set<FactID>()
        for c in cases { answered.formUnion(c.answers.keys) }
        let facts = answered.compactMap { f in space.position(of: f).map { (f, $0) } }.sorted { $0.1 < $1.1 }.map(\.0).filter { f in
            let sets = grouped.map { Set($0.compactMap { $0.answers[f]?.id }) }
            return Set(sets).count > 1
        }
        return grouped.map { group in
            let distinguishing = facts.map { f -> (fact: FactID, answers: [Answer]) in
                let ids = Set(group.compactMap { $0.answers[f]?.id })
                let answers = space.questions[f]?.answers.filter { ids.contains($0.id) } ?? []
                return (f, answers)
            }.filter { !$0.answers.isEmpty }
            return Variant(cases: group, distinguishing: distinguishing)
        }
    }
}

extension LeafCases {
    /// The cases of several leaves together (the leaves that share a procedure).
    init(merging parts: [LeafCases], space: QuestionSpace) {
        self.space = space
        cases = parts.flatMap(\.cases)
        variants = LeafCases.variants(cases, space: space)
    }
}
