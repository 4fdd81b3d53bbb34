/// A decision tree as text, for `<desc>`, screen readers and anyone who cannot see the drawing:
/// the title, then each question with its answers indented below it, each answer followed by
/// the next question or the outcome.
///
///     Decision tree: SSL Certificate
///     Is the certificate issued?
///       - Yes: Outcome: Prorated refund
///       - No: …
package struct DiagramText: Sendable {
    /// The graph to describe.
    package var graph: DiagramGraph
    /// What joins several answers on one edge (" or ").
    package var or: String

    /// Creates a describer.
    package init(graph: DiagramGraph, or: String) {
        self.graph = graph
        self.or = or
    }

    /// The description, one line per node, ending with a newline.
    package var text: String {
        guard !graph.nodes.isEmpty else { return graph.title + "\n" }
        var out = graph.title + "\n"
        func words(_ node: DiagramGraph.Node) -> String {
            node.caption.isEmpty ? node.text : node.caption + ": " + node.text
        }
        func walk(_ i: Int, indent: String) {
            for c in graph.nodes[i].children {
                let child = graph.nodes[c]
                out += indent + "- " + child.answers.joined(separator: or) + ": " + words(child) + "\n"
                walk(c, indent: indent + "  ")
            }
        }
        out += words(graph.nodes[0]) + "\n"
        walk(0, indent: "  ")
        return out
    }
}
