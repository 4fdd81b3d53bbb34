import Testing
@testable import TebikiAnalysis
import TebikiBench
import TebikiContent
import TebikiEngine
import TebikiModel
@testable import TebikiRender

/// The leaves' classes picked out of the decided classes (`DecidedClasses.classesByLeaf`) are the
/// classes each leaf's own enumeration gives (`ScenarioClasses.all(where:)` per combination of its
/// path), in the same order; where that cannot be known (`filtersExactly` says no), the leaf is
/// enumerated again. The classes enumerated on every core are those of the serial walk.
@Suite("The leaves' classes without enumerating them again")
struct LeafClassesTests {
    /// The models the tests run on, by name: the real content and synthetic models of a few sizes.
    static let modelNames = ["content", "bench-1", "bench-3", "bench-8"]

    static func model(_ name: String) throws -> Model {
        if name == "content" { return realModel }
        let n = Int(name.dropFirst("bench-".count))!
        return try #require(BenchGeneratorTests.load(BenchGeneratorTests.generate(n)).model)
    }

    /// A synthetic model with one more question, declared before `promotion` (which the entry
    /// table asks first) and asked only when it is true: so every leaf's filter answers a fact
    /// that an earlier question reads, and no leaf's filter is exact.
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

    /// The classes the leaf's own enumeration gives: per combination of its path, `all(where:)`.
    static func enumerated(_ leaf: DecisionTree.Leaf, _ classes: ScenarioClasses) -> [ScenarioClasses.Class] {
        DecisionTree.combinations(leaf.path).flatMap { classes.all(where: $0) }
    }

    /// Every leaf of `model`: where `classesByLeaf` gives its classes, they are the enumeration's,
    /// in order; it gives them exactly where `filtersExactly` accepts every combination. The
    /// leaves' cases made from them are those made by enumerating. Returns how many leaves were exact.
    @discardableResult
    static func expectSameClasses(_ model: Model) throws -> (exact: Int, leaves: Int) {
        let space = QuestionSpace(model: model)
        let engine = Engine(model: model)
        let decided = DecidedClasses(space: space, engine: engine)
        let classes = ScenarioClasses(space: space)
        let leaves = space.decisionTree.leaves
        let byLeaf = decided.classesByLeaf(leaves)
        #expect(byLeaf.count == leaves.count)
        var exact = 0
        for (leaf, indices) in zip(leaves, byLeaf) {
            let accepted = DecisionTree.combinations(leaf.path).allSatisfy(classes.filtersExactly)
            #expect((indices != nil) == accepted, "leaf \(leaf.id)")
            if let indices {
                exact += 1
                let picked = indices.map { decided.classes[$0] }
                let old = enumerated(leaf, classes)
                #expect(picked.map(\.key) == old.map(\.key), "leaf \(leaf.id)")
                #expect(picked == old, "leaf \(leaf.id)")
            }
            // The site's cases, either way: the same answers and the same steps, in the same order.
            let fast = try LeafCases(leaves: [leaf], space: space, engine: engine, decided: decided, known: [indices])
            let slow = try LeafCases(leaves: [leaf], space: space, engine: engine, decided: decided)
            #expect(fast.cases.map(\.answers) == slow.cases.map(\.answers), "leaf \(leaf.id)")
            #expect(fast.cases.map(\.stepsKey) == slow.cases.map(\.stepsKey), "leaf \(leaf.id)")
            #expect(fast.variants.map(\.cases.count) == slow.variants.map(\.cases.count), "leaf \(leaf.id)")
        }
        return (exact, leaves.count)
    }

    @Test("every leaf of the real content and of the synthetic models gets the classes its enumeration gives", arguments: modelNames)
    func sameClasses(_ name: String) throws {
        let (exact, leaves) = try Self.expectSameClasses(try Self.model(name))
        // These models have no question read before the facts it reads: every leaf is exact.
        #expect(leaves > 0)
        #expect(exact == leaves)
    }

    @Test("where an earlier question reads a filtered fact, no leaf is exact, and the leaves are enumerated again")
    func earlierReader() throws {
        let model = try Self.modelWithAnEarlierReader()
        let (exact, leaves) = try Self.expectSameClasses(model)
        #expect(leaves > 0)
        #expect(exact == 0)

        // Picking the classes out would have been wrong: with promotion=true, the filtered walk asks
        // promotion_code, which the whole walk (promotion still unanswered there, so false) never does.
        let space = QuestionSpace(model: model)
        let classes = ScenarioClasses(space: space)
        let yes = try #require(space.questions["promotion"]?.answers.first { $0.sample == .boolean(true) })
        let filter: [FactID: Answer] = ["promotion": yes]
        #expect(!classes.filtersExactly(filter))
        let filtered = classes.all(where: filter)
        let picked = classes.all().filter { $0.answers["promotion"] == yes }
        #expect(filtered.contains { $0.answers["promotion_code"] != nil })
        #expect(!picked.contains { $0.answers["promotion_code"] != nil })
        #expect(filtered != picked)
    }

    @Test("a filtered fact whose applies_when reads an earlier question the filter leaves open is not exact")
    func filteredFactReadsAnOpenQuestion() throws {
        let model = try Self.model("bench-3")
        let space = QuestionSpace(model: model)
        let classes = ScenarioClasses(space: space)
        // p0001_status applies only to product p0001-key-gateway; the product question comes first.
        let status = try #require(space.questions["p0001_status"]?.answers.first { $0.id == "issued" })
        let product = try #require(space.questions["product"]?.answers.first { $0.id.hasPrefix("p0001-") })
        let otherProduct = try #require(space.questions["product"]?.answers.first { $0.id.hasPrefix("p0002-") })
        #expect(!classes.filtersExactly(["p0001_status": status]))
        // The filtered walk forces the answer where the whole walk never gives it (another product's classes).
        let filtered = classes.all(where: ["p0001_status": status])
        #expect(filtered.contains { $0.answers["product"] == otherProduct })
        // With the product it reads, it is exact: the filter's classes are those of the whole walk.
        let both: [FactID: Answer] = ["product": product, "p0001_status": status]
        #expect(classes.filtersExactly(both))
        let all = classes.all()
        #expect(classes.all(where: both) == all.filter { $0.answers["product"] == product && $0.answers["p0001_status"] == status })
        // And with another product it does not apply at all.
        #expect(!classes.filtersExactly(["product": otherProduct, "p0001_status": status]))
    }

    @Test("a filter is not exact when its answer is not one of the space's own, or its fact is no question")
    func foreignFilters() throws {
        let model = try Self.model("bench-3")
        let space = QuestionSpace(model: model)
        let classes = ScenarioClasses(space: space)
        let yes = try #require(space.questions["promotion"]?.answers.first { $0.sample == .boolean(true) })
        #expect(classes.filtersExactly(["promotion": yes]))
        #expect(classes.filtersExactly([:]))
        // An equal answer made apart: the classes could not be picked out by identity.
        let copy = Answer(id: yes.id, test: yes.test, sample: yes.sample, label: yes.label, stringKey: yes.stringKey)
        #expect(copy == yes)
        #expect(!classes.filtersExactly(["promotion": copy]))
        // Another question's answer, and a fact that is not asked (a date; a derived fact).
        #expect(!classes.filtersExactly(["original_method_available": yes]))
        #expect(!classes.filtersExactly(["paid_on": yes]))
        #expect(!classes.filtersExactly(["p0001_extra_rows": yes]))
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
        #expect(LeafCases.combinations(path) == combinations)
        #expect(DecisionTree.combinations([]) == [[:]])
    }
}
