import TebikiAnalysis
import TebikiConcurrency
import TebikiEngine
import TebikiModel

/// The decision tree of the whole policy as the site uses it: the question pages and outcome
/// pages of the guide, the leaves of the general rules, and one subtree per product.
struct SiteTree {
    /// A question of the guide, with the answers that led to it.
    struct QuestionNode {
        var path: [DecisionTree.PathStep]
        var fact: FactID
        var branches: [DecisionTree.Branch]
    }

    let space: QuestionSpace
    let root: DecisionTree
    /// Question nodes, depth first (the root first).
    let questions: [QuestionNode]
    /// Every leaf, depth first.
    let leaves: [DecisionTree.Leaf]
    /// The fact whose values are the products.
    let productFact: FactID?
    /// Each product's subtree (what is asked once the product is known).
    let productTrees: [String: DecisionTree]
    /// The cases behind each leaf, by leaf id.
    let cases: [String: LeafCases]

    /// `decided`: the classes the checker decided, when it ran first (else the leaves' cases are decided here).
    init(model: Model, decided: DecidedClasses? = nil) throws(SiteBuildError) {
        // The checker's space when it decided the classes (a model's space is the same whoever
        // makes it; sharing it makes the leaves' answers and the decided classes' one set of values).
        let space = decided?.space ?? QuestionSpace(model: model)
        self.space = space
        let root = space.decisionTree
        self.root = root
        let productIDs = Set(model.products.ids)
        let productFact = model.facts.first { $0.type == .enumeration && Set($0.values.ids) == productIDs && !productIDs.isEmpty }?.id
        self.productFact = productFact
        var questions: [QuestionNode] = []
        var productTrees: [String: DecisionTree] = [:]
        var problems: [String] = []
        func walk(_ node: DecisionTree, _ path: [DecisionTree.PathStep]) {
            switch node {
            case .question(let fact, _, let branches):
                questions.append(QuestionNode(path: path, fact: fact, branches: branches))
                for b in branches {
                    if fact == productFact { for a in b.answers where productTrees[a.id] == nil { productTrees[a.id] = b.node } }
                    walk(b.node, path + [DecisionTree.PathStep(fact: fact, answers: b.answers)])
                }
            case .leaf: break
            case .gap(let table, let p):
                problems.append("no row of table \(table) decides \(SiteTree.describe(p))")
            case .overlap(let table, let rules, let p):
                problems.append("rows \(rules.joined(separator: ", ")) of table \(table) all match \(SiteTree.describe(p))")
            }
        }
        walk(root, [])
        if let first = problems.first {
            throw SiteBuildError(.renderFailure, "the decision guide cannot be built: \(first) (run the checker)")
        }
        self.questions = questions
        self.productTrees = productTrees
        self.leaves = root.leaves
        sharedFormulas = SiteTree.sharedFormulas(root.leaves, productFact: productFact)
        var firstQuestion: [String: Int] = [:]
        for (i, q) in questions.enumerated() {
            guard let last = q.path.last, last.fact == productFact else { continue }
            for a in last.answers where firstQuestion[a.id] == nil { firstQuestion[a.id] = i }
        }
        firstQuestionAfterProduct = firstQuestion
        var cases: [String: LeafCases] = [:]
        let leaves = root.leaves
        // The decided classes sorted into the leaves at once.
        let decided = decided ?? DecidedClasses(space: space, engine: Engine(plan: space.plan))
        let byLeaf = decided.classesByLeaf(leaves)
        // Each leaf's cases on every core; stored, and the first error thrown, in leaf order.
        let made = ParallelMap.map(leaves.count) { i -> Result<LeafCases, SiteBuildError> in
            do throws(SiteBuildError) {
                return .success(try LeafCases(leaf: leaves[i], classes: byLeaf[i], decided: decided))
            } catch { return .failure(error) }
        }
        for (leaf, result) in zip(leaves, made) {
            switch result {
            case .success(let c): cases[leaf.id] = c
            case .failure(let error): throw error
            }
        }
        self.cases = cases
    }

    /// `promotion=no, product=ssl-certificate`.
    static func describe(_ path: [DecisionTree.PathStep]) -> String {
        path.isEmpty ? "(no answers)" : path.map { "\($0.fact)=\($0.answers.map(\.id).joined(separator: "|"))" }.joined(separator: ", ")
    }

    /// The formulas the leaves of more than one product use (the general rules explain them).
    /// Computed once: every product section reads it.
    let sharedFormulas: Set<String>

    private static func sharedFormulas(_ leaves: [DecisionTree.Leaf], productFact: FactID?) -> Set<String> {
        var users: [String: Set<String>] = [:]
        for leaf in leaves {
            guard let f = leaf.decision.amount, let fact = productFact,
                  let p = leaf.path.first(where: { $0.fact == fact }) else { continue }
            users[f, default: []].formUnion(p.answers.map(\.id))
        }
        return Set(users.filter { $0.value.count > 1 }.keys)
    }

    /// The first question node asked right after each product's answer (by product id).
    let firstQuestionAfterProduct: [String: Int]

    /// Whether a leaf lies under the product question (else it is a general rule).
    func isProductLeaf(_ leaf: DecisionTree.Leaf) -> Bool {
        guard let productFact else { return false }
        return leaf.path.contains { $0.fact == productFact }
    }

    /// The leaves of one product, depth first.
    func leaves(of product: String) -> [DecisionTree.Leaf] {
        productTrees[product]?.leaves ?? []
    }

    /// The guide page of a question node.
    static func questionPath(_ path: [DecisionTree.PathStep], language: LanguageID) -> SitePath {
        if path.isEmpty { return SitePath(language: language, key: "guide/index") }
        let name = path.map { "\($0.fact)=\($0.answers.map(\.id).joined(separator: "+"))" }.joined(separator: "--")
        return SitePath(language: language, key: "guide/ask/" + SitePath.segment(name))
    }

    /// The permalink page of a leaf.
    static func leafPath(_ leaf: DecisionTree.Leaf, language: LanguageID) -> SitePath {
        SitePath(language: language, key: "guide/result/" + SitePath.segment(leaf.id))
    }
}
