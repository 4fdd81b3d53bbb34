import TebikiAnalysis
import TebikiModel

/// A decision tree drawn for readers: Mermaid for the Markdown guides, SVG for the HTML ones,
/// and a text alternative. Layout and drawing live in Sources/TebikiRender/Diagram/.
package struct DecisionDiagram: Sendable {
    package let tree: DecisionTree
    package let space: QuestionSpace
    package let language: Language
    /// The href of a leaf's permalink page, relative to the page the diagram sits on; nil: no link.
    package let leafLink: @Sendable (DecisionTree.Leaf) -> String?

    /// Creates a diagram of `tree` in `language`.
    package init(tree: DecisionTree, space: QuestionSpace, language: Language,
                leafLink: @escaping @Sendable (DecisionTree.Leaf) -> String? = { _ in nil }) {
        self.tree = tree; self.space = space; self.language = language; self.leafLink = leafLink
    }

    /// The tree in this language, with stable node ids, ready to draw.
    package var graph: DiagramGraph {
        DiagramGraph(tree: tree, space: space, language: language.id, leafLink: leafLink)
    }

    /// The diagram's title ("Decision tree: SSL Certificate"), for captions and `<title>`.
    package var title: String { graph.title }

    /// A Mermaid `flowchart TD` block's body (without the ``` fence), ending with a newline.
    package var mermaid: String { DiagramMermaid(graph: graph).text }

    /// A standalone, accessible SVG (`<title>`, `<desc>`; `role="img"`, or `role="group"` when
    /// outcomes are links), with no external resources and dark-mode colours.
    package var svg: String {
        let graph = graph
        return DiagramSVG(graph: graph, description: text(graph)).svg
    }

    /// A text alternative: the tree as nested lines, for `<desc>` and screen readers.
    package var textAlternative: String { text(graph) }

    private func text(_ graph: DiagramGraph) -> String {
        DiagramText(graph: graph, or: space.model.string("diagram.or", language.id)).text
    }
}
