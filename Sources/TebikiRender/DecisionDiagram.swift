import TebikiAnalysis
import TebikiModel

/// A decision tree drawn for readers: Mermaid for the Markdown guides, SVG for the HTML ones.
/// (Owned by the diagrams work: layout and drawing live in Sources/TebikiRender/Diagram/.)
public struct DecisionDiagram: Sendable {
    public let tree: DecisionTree
    public let space: QuestionSpace
    public let language: Language
    /// The href of a leaf's permalink page, relative to the page the diagram sits on; nil: no link.
    public let leafLink: @Sendable (DecisionTree.Leaf) -> String?

    /// Creates a diagram of `tree` in `language`.
    public init(tree: DecisionTree, space: QuestionSpace, language: Language,
                leafLink: @escaping @Sendable (DecisionTree.Leaf) -> String? = { _ in nil }) {
        self.tree = tree; self.space = space; self.language = language; self.leafLink = leafLink
    }

    /// A Mermaid `flowchart TD` block's body (without the ``` fence).
    public var mermaid: String { "flowchart TD\n" }

    /// A standalone, accessible SVG (`role="img"`, `<title>`, `<desc>`), no external resources.
    public var svg: String { #"<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 1 1"><title></title></svg>"# }

    /// A text alternative: the tree as nested sentences, for `alt`/`<desc>` and screen readers.
    public var textAlternative: String { "" }
}
