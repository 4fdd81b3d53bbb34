import Testing
@testable import TebikiAnalysis
import TebikiBench
import TebikiContent
import TebikiEngine
import TebikiModel
@testable import TebikiRender

/// A leaf's cases are the checked classes that have the answers of its path: per combination of
/// the path's answers, in that order, the decided classes with every answer of the combination,
/// in class order. The classes enumerated on every core are those of the serial walk.
@Suite("A leaf's cases: the checked classes that have its path's answers")
struct LeafClassesTests {
    /// The models the tests run on, by name: the real content and synthetic models of a few sizes,
    /// and one where an earlier question reads a later one.
    static let modelNames = ["content", "bench-1", "bench-3", "bench-8", "bench-3-earlier-reader"]

    static func model(_ name: String) throws -> Model {
        if name == "content" { return realModel }
        if name == "bench-3-earlier-reader" { return try modelWithAnEarlierReader() }
        let n = Int(name.dropFirst("bench-".count))!
        return try #require(BenchGeneratorTests.load(BenchGeneratorTests.generate(n)).model)
    }

    /// A synthetic model with one more question, declared before `promotion` (which the entry
    /// table asks first) and asked only when it is true.
    static func modelWithAnEarlierReader() throws -> Model {
        var files = BenchGeneratorTests.generate(3)
        let key = try #require(files.keys.first { $0.hasSuffix("/facts.yaml") })
        let facts = try #require(files[key])
        let marker = "  - id: promotion\n"
        let extra = """
          - id: promotion_code
            type: boolean
            applies_when: {promotion: "true"}
            default: "false"
            question: {ja: "プロモーションコードを使いましたか?", en: "Did you use a promotion code?"}

        """
        #expect(facts.contains(marker))
        files[key] = facts.replacingOccurrences(of: marker, with: extra + marker)
        let result = BenchGeneratorTests.load(files)
        return try #require(result.model, "\(result.diagnostics.map(\.oneLine))")
    }

    /// The leaf's classes by their definition: per combination of its path, every class with the
    /// combination's answers.
    static func definition(_ leaf: DecisionTree.Leaf, _ classes: [ScenarioClasses.Class]) -> [Int] {
        DecisionTree.combinations(leaf.path).flatMap { combination in
            classes.indices.filter { i in combination.allSatisfy { classes[i].answers[$0.key] == $0.value } }
        }
    }

    @Test("every leaf gets the checked classes that have its path's answers, in order, and every class belongs to a leaf", arguments: modelNames)
    func sameClasses(_ name: String) throws {
        let model = try Self.model(name)
        let space = QuestionSpace(model: model)
        let decided = DecidedClasses(space: space, engine: Engine(plan: space.plan))
        let leaves = space.decisionTree.leaves
        let byLeaf = decided.classesByLeaf(leaves)
        #expect(leaves.count > 0 && byLeaf.count == leaves.count)
        var covered = Set<Int>()
        for (leaf, indices) in zip(leaves, byLeaf) {
            #expect(indices == Self.definition(leaf, decided.classes), "leaf \(leaf.id)")
            #expect(!indices.isEmpty, "leaf \(leaf.id) has no case")
            covered.formUnion(indices)
            // Each class the leaf's deciding row decides, or the cases are not made.
            let cases = try LeafCases(leaf: leaf, classes: indices, decided: decided)
            #expect(cases.cases.map(\.answers) == indices.map { decided.classes[$0].answers }, "leaf \(leaf.id)")
        }
        #expect(covered.count == decided.classes.count)
    }

    @Test("an answer made apart, equal to the space's own, picks no class: leaves and classes share the space's answers")
    func answersByIdentity() throws {
        let space = QuestionSpace(model: try Self.model("bench-3"))
        let decided = DecidedClasses(space: space, engine: Engine(plan: space.plan))
        let yes = try #require(space.questions["promotion"]?.answers.first { $0.sample == .boolean(true) })
        let copy = Answer(id: yes.id, test: yes.test, sample: yes.sample, label: yes.label, stringKey: yes.stringKey)
        #expect(copy == yes)
        func leaf(_ answer: Answer) -> DecisionTree.Leaf {
            DecisionTree.Leaf(path: [DecisionTree.PathStep(fact: "promotion", answers: [answer])], rules: [],
                              decision: RuleDecision(outcome: "x", reason: "x"), id: "x")
        }
        let picked = decided.classesByLeaf([leaf(yes), leaf(copy)])
        #expect(!picked[0].isEmpty)
        #expect(picked[1].isEmpty)
    }

    @Test("classes enumerated on every core are the serial walk's, whatever the depth of the cut", arguments: modelNames)
    func parallelEnumeration(_ name: String) throws {
        let space = QuestionSpace(model: try Self.model(name))
        let classes = ScenarioClasses(space: space)
        let all = classes.all()
        #expect(classes.allInParallel() == all)
        for depth in 1...(space.questionPlan.steps.count + 1) {
            let tasks = classes.subtrees(cutAt: depth)
            #expect(classes.classes(below: tasks) == all, "cut at \(depth)")
        }
    }

    @Test("combinations vary the first step's answers slowest, as the site's leaves always did")
    func combinationOrder() throws {
        let space = QuestionSpace(model: try Self.model("bench-3"))
        let product = try #require(space.questions["product"]?.answers)
        let promotion = try #require(space.questions["promotion"]?.answers)
        let path = [DecisionTree.PathStep(fact: "product", answers: Array(product.prefix(2))),
                    DecisionTree.PathStep(fact: "promotion", answers: promotion)]
        let combinations = DecisionTree.combinations(path)
        #expect(combinations.count == 2 * promotion.count)
        #expect(combinations.map { "\($0["product"]!.id)/\($0["promotion"]!.id)" }
                == product.prefix(2).flatMap { p in promotion.map { "\(p.id)/\($0.id)" } })
        #expect(DecisionTree.combinations([]) == [[:]])
    }
}
