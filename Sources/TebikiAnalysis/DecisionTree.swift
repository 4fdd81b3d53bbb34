import TebikiEngine
import TebikiModel

/// A decision tree derived from the decision tables: the questions a person answers, in the
/// order the tables read them, down to the row that decides. It drives the decision guide,
/// the diagrams, and the checker's search for gaps and overlaps.
package indirect enum DecisionTree: Sendable, Hashable {
    /// Ask a fact; one branch per class of answers the remaining rows tell apart.
    case question(FactID, table: String, branches: [Branch])
    /// A row decided.
    case leaf(Leaf)
    /// No row matches these answers: a gap in `table`.
    case gap(table: String, path: [PathStep])
    /// Several rows of a `unique` table match these answers.
    case overlap(table: String, rules: [String], path: [PathStep])

    /// One branch: the answers that lead to it, and what follows.
    package struct Branch: Sendable, Hashable {
        /// The answers merged into this branch (the rows below treat them alike).
        package var answers: [Answer]
        package var node: DecisionTree
    }

    /// One answered question on the way to a node.
    package struct PathStep: Sendable, Hashable {
        package var fact: FactID
        package var answers: [Answer]
        /// Creates a step (the site builder names the pages of the guide by their paths).
        package init(fact: FactID, answers: [Answer]) { self.fact = fact; self.answers = answers }
    }

    /// A decision reached.
    package struct Leaf: Sendable, Hashable {
        /// The answers on the way.
        package var path: [PathStep]
        /// The rows that fired, table by table.
        package var rules: [(table: String, rule: String)]
        /// The deciding row's outputs.
        package var decision: RuleDecision
        /// A stable id for permalinks: the deciding row's id, made unique if it repeats.
        package var id: String

        package static func == (a: Leaf, b: Leaf) -> Bool {
            a.path == b.path && a.id == b.id && a.decision == b.decision
                && a.rules.map { "\($0.table)/\($0.rule)" } == b.rules.map { "\($0.table)/\($0.rule)" }
        }
        package func hash(into h: inout Hasher) { h.combine(id); h.combine(path) }
    }

    /// Every choice of one answer per path step (merged steps stand for several answers), the
    /// first step's answers varying slowest.
    package static func combinations(_ path: [PathStep]) -> [[FactID: Answer]] {
        var result: [[FactID: Answer]] = [[:]]
        for step in path {
            result = result.flatMap { partial in step.answers.map { a in partial.merging([step.fact: a]) { $1 } } }
        }
        return result
    }

    /// Every leaf, depth first.
    package var leaves: [Leaf] {
        switch self {
        case .leaf(let l): return [l]
        case .question(_, _, let branches): return branches.flatMap { $0.node.leaves }
        case .gap, .overlap: return []
        }
    }
}

/// Builds decision trees from a model's tables.
package struct TreeBuilder: Sendable {
    package let space: QuestionSpace
    package var model: Model { space.model }
    /// Computes the derived facts of samples, and gives each table's rows indexed by their key
    /// fact, so that a node of the entry table (a row per product) tests the rows its product's
    /// answer leaves, not every row (over the space's plan of the model).
    private let engine: Engine

    /// Creates a builder.
    package init(space: QuestionSpace) {
        self.space = space
        engine = Engine(plan: space.plan)
    }

    /// The tree from the entry table (or `table`), optionally with answers already given
    /// (the tree of one product starts from `product = X`).
    package func tree(from table: String? = nil, given: [FactID: Answer] = [:]) -> DecisionTree {
        var ids = Set<String>()
        let path = given.keys.sorted().map { DecisionTree.PathStep(fact: $0, answers: [given[$0]!]) }
        return node(table: table ?? model.edition.entryTable, path: path, fired: [], visited: [], ids: &ids)
    }

    /// A sample with its derived facts computed (`requested_in_window` from the dates), so that
    /// rows testing a derived fact tell its answers apart.
    private func derived(_ s: Scenario) -> Scenario {
        (try? engine.derive(s)) ?? s
    }

    private func answered(_ path: [DecisionTree.PathStep]) -> [FactID: Answer] {
        var a: [FactID: Answer] = [:]
        for step in path { a[step.fact] = step.answers[0] }
        return a
    }

    private func node(table tableID: String, path: [DecisionTree.PathStep], fired: [(table: String, rule: String)],
                      visited: Set<String>, ids: inout Set<String>) -> DecisionTree {
        guard let table = model.tables[id: tableID], !visited.contains(tableID) else { return .gap(table: tableID, path: path) }
        let sample = derived(space.scenario(for: answered(path)))
        let known = Set(path.map(\.fact))
        // Rows still possible: every cell on an answered fact accepts the answer's sample. When the
        // key fact is answered with one answer, rows whose key cell rejects it are left out at once.
        let index = engine.rowIndex(of: tableID)
        let keyAnswered = index?.key.map { key in path.contains { $0.fact == key && $0.answers.count == 1 } } ?? false
        let pool = keyAnswered ? index!.candidates(sample) : Array(table.rules.indices)
        let rows = pool.filter { k in
            table.rules[k].conditions.allSatisfy { c in !known.contains(c.fact) || c.test.matches(sample[c.fact], in: sample) || cellAcceptsAll(c, path) }
        }
        let candidates = rows.map { table.rules[$0] }
        guard let first = candidates.first else { return .gap(table: tableID, path: path) }
        let unanswered = { (rule: Rule) in rule.conditions.filter { !known.contains($0.fact) && $0.test != .any }.map(\.fact) }
        let decided: [Rule]
        switch table.hitPolicy {
        case .first: decided = unanswered(first).isEmpty ? [first] : []
        case .unique: decided = candidates.allSatisfy({ unanswered($0).isEmpty }) ? candidates : []
        }
        if decided.count > 1 { return .overlap(table: tableID, rules: decided.map(\.id), path: path) }
        if let rule = decided.first {
            let chain = fired + [(tableID, rule.id)]
            switch rule.result {
            case .next(let next):
                return node(table: next, path: path, fired: chain, visited: visited.union([tableID]), ids: &ids)
            case .decide(let d):
                var id = rule.id, k = 2
                while ids.contains(id) { id = "\(rule.id)-\(k)"; k += 1 }
                ids.insert(id)
                return .leaf(.init(path: path, rules: chain, decision: d, id: id))
            case .route:
                return .gap(table: tableID, path: path)
            }
        }
        // Ask next the first unanswered fact of the first row still possible (the table's order),
        // or, for unique tables, the first input some candidate still tests.
        let asked = table.hitPolicy == .first ? unanswered(first) : table.inputs.filter { f in candidates.contains { unanswered($0).contains(f) } }
        guard let factID = asked.first, let question = space.questions[factID] else { return .gap(table: tableID, path: path) }
        // Group answers by which candidate rows accept them. When the question is the key fact
        // (which product?), only the rows the index gives for an answer can accept it.
        let byKey = index?.key == factID
        var position: [Int: Int] = [:]
        if byKey { for (i, k) in rows.enumerated() { position[k] = i } }
        var groups: [[Int]: [Answer]] = [:]
        var order: [[Int]] = []
        let all = Array(candidates.indices)
        let answeredPath = answered(path)
        for answer in question.answers {
            var trial = answeredPath
            trial[factID] = answer
            let s = derived(space.scenario(for: trial))
            guard space.applies(question.fact, given: s) else { continue }
            let positions = byKey ? index!.candidates(s).compactMap { position[$0] } : all
            let signature = positions.filter { candidates[$0].test(for: factID).matches(s[factID], in: s) }
            if groups[signature] == nil { order.append(signature) }
            groups[signature, default: []].append(answer)
        }
        let branches = order.map { signature -> DecisionTree.Branch in
            let answers = groups[signature]!
            let step = DecisionTree.PathStep(fact: factID, answers: answers)
            return .init(answers: answers, node: node(table: tableID, path: path + [step], fired: fired, visited: visited, ids: &ids))
        }
        return .question(factID, table: tableID, branches: branches)
    }

    /// A merged path step stands for several answers; a cell accepts the step when it accepts any.
    private func cellAcceptsAll(_ c: Condition, _ path: [DecisionTree.PathStep]) -> Bool {
        guard let step = path.first(where: { $0.fact == c.fact }), step.answers.count > 1 else { return false }
        return step.answers.dropFirst().contains { a in
            var given = answered(path)
            given[c.fact] = a
            let s = derived(space.scenario(for: given))
            return c.test.matches(s[c.fact], in: s)
        }
    }
}
