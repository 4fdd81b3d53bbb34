import TebikiAnalysis
import TebikiModel

/// A decision tree in one language, ready to draw: every node with its words, stable ids and the
/// answers on the edge that leads to it. Mermaid, SVG and the text alternative all read this.
package struct DiagramGraph: Sendable, Hashable {
    /// What a node stands for.
    package enum Kind: Sendable, Hashable {
        /// A question to answer.
        case question
        /// An outcome reached (`refunds`: money comes back; `determinable`: this policy decides it).
        case outcome(id: String, refunds: Bool, determinable: Bool)
        /// No rule decides these answers (a gap in the tables).
        case gap
        /// Several rules of a unique table decide these answers.
        case overlap
    }

    /// One node.
    package struct Node: Sendable, Hashable {
        /// A stable id made of the answers on the way (`q_no_yes`, `r_ssl_issued`): ASCII letters,
        /// digits and `_`, unique in the graph.
        package var id: String
        package var kind: Kind
        /// A short word set above the text (the outcome caption "判定"); empty for none.
        package var caption: String
        /// The node's words: the question, or the outcome's title.
        package var text: String
        /// The answers that lead here from the parent (empty for the root).
        package var answers: [String]
        /// The permalink of an outcome, relative to the page; nil: none.
        package var link: String?
        /// Indices of the children, in the order of the answers.
        package var children: [Int]
        /// Depth from the root (0).
        package var depth: Int

        /// Creates a node.
        package init(id: String, kind: Kind, caption: String = "", text: String, answers: [String] = [],
                    link: String? = nil, children: [Int] = [], depth: Int) {
            self.id = id; self.kind = kind; self.caption = caption; self.text = text; self.answers = answers
            self.link = link; self.children = children; self.depth = depth
        }
    }

    /// The nodes in pre-order; the root is `nodes[0]`.
    package var nodes: [Node]
    /// A title: the tree's name and the answers given before its first question (the product).
    package var title: String

    /// Creates a graph from nodes already made (`nodes[0]` the root, in pre-order).
    package init(nodes: [Node], title: String) {
        self.nodes = nodes
        self.title = title
    }

    /// Builds the graph of `tree` in `language`.
    package init(tree: DecisionTree, space: QuestionSpace, language: LanguageID,
                leafLink: (DecisionTree.Leaf) -> String? = { _ in nil }) {
        let model = space.model
        var nodes: [Node] = []
        var used = Set<String>()
        func unique(_ base: String) -> String {
            var id = base, k = 2
            while used.contains(id) { id = "\(base)_\(k)"; k += 1 }
            used.insert(id)
            return id
        }
        func add(_ tree: DecisionTree, path: String, answers: [String], depth: Int) -> Int {
            let index = nodes.count
            switch tree {
            case .question(let fact, _, let branches):
                let words = space.questions[fact]?.fact.question?[language] ?? model.facts[id: fact]?.question?[language]
                nodes.append(Node(id: unique("q" + path), kind: .question, caption: "", text: words ?? fact,
                                  answers: answers, link: nil, children: [], depth: depth))
                for branch in branches {
                    let labels = branch.answers.map { space.label($0, fact: fact, language: language) }
                    let step = "_" + DiagramGraph.idPart(branch.answers.first?.id ?? "x")
                    let child = add(branch.node, path: path + step, answers: labels, depth: depth + 1)
                    nodes[index].children.append(child)
                }
            case .leaf(let leaf):
                let outcome = model.outcomes[id: leaf.decision.outcome]
                let kind = Kind.outcome(id: leaf.decision.outcome, refunds: outcome?.refunds ?? false,
                                        determinable: outcome?.determinable ?? true)
                nodes.append(Node(id: unique("r_" + DiagramGraph.idPart(leaf.id)), kind: kind,
                                  caption: model.string("explain.outcome", language),
                                  text: outcome?.title[language] ?? leaf.decision.outcome,
                                  answers: answers, link: leafLink(leaf), children: [], depth: depth))
            case .gap(let table, _):
                nodes.append(Node(id: unique("g" + path), kind: .gap, caption: "",
                                  text: model.string("diagram.gap", language) + " (" + table + ")",
                                  answers: answers, link: nil, children: [], depth: depth))
            case .overlap(let table, let rules, _):
                nodes.append(Node(id: unique("o" + path), kind: .overlap, caption: "",
                                  text: model.string("diagram.overlap", language) + " (" + table + ": " + rules.joined(separator: ", ") + ")",
                                  answers: answers, link: nil, children: [], depth: depth))
            }
            return index
        }
        _ = add(tree, path: "", answers: [], depth: 0)
        self.nodes = nodes

        // The answers given before the tree starts (the product of a product's tree).
        var asked = Set<FactID>()
        func collect(_ t: DecisionTree) {
            if case .question(let fact, _, let branches) = t { asked.insert(fact); branches.forEach { collect($0.node) } }
        }
        collect(tree)
        let firstPath: [DecisionTree.PathStep]
        switch tree.firstNode {
        case .leaf(let l)?: firstPath = l.path
        case .gap(_, let p)?, .overlap(_, _, let p)?: firstPath = p
        default: firstPath = []
        }
        // Named by the answers that choose among things (the product), not by yes/no answers,
        // which mean nothing without their questions.
        let given = firstPath.filter { !asked.contains($0.fact) && model.facts[id: $0.fact]?.type == .enumeration }.flatMap { step in
            step.answers.map { space.label($0, fact: step.fact, language: language) }
        }
        let name = model.string("diagram.title", language)
        title = given.isEmpty ? name : name + model.string("diagram.title-separator", language) + given.joined(separator: ", ")
    }

    /// The part of an id taken from a content id: ASCII letters and digits kept, the rest `_`.
    static func idPart(_ s: String) -> String {
        String(s.map { c -> Character in c.isASCII && (c.isLetter || c.isNumber) ? c : "_" })
    }
}

extension DecisionTree {
    /// The first node that is not a question (depth first).
    var firstNode: DecisionTree? {
        if case .question(_, _, let branches) = self { return branches.lazy.compactMap(\.node.firstNode).first }
        return self
    }
}
