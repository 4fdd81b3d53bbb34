/// Writes a `DiagramGraph` as a Mermaid `flowchart TD` that GitHub and GitLab render: every
/// node declared once with a quoted, entity-escaped label, then the edges labelled with the
/// answers, then classes that give outcomes a thick border (their shape, a stadium, and the
/// caption "判定"/"Outcome" tell them apart without colour).
package struct DiagramMermaid: Sendable {
    /// The graph to write.
    package var graph: DiagramGraph

    /// Creates a writer.
    package init(graph: DiagramGraph) { self.graph = graph }

    /// Widest line of a label before it wraps (Mermaid does not wrap plain labels itself).
    static let measure = TextMeasure(fontSize: 10)
    static let maxLine = 2000

    /// The flowchart (without the ``` fence), ending with a newline.
    package var text: String {
        var out = "flowchart TD\n"
        for node in graph.nodes {
            let label = DiagramMermaid.label((node.caption.isEmpty ? [] : [node.caption]) + [node.text])
            switch node.kind {
            case .question: out += "    \(node.id)[\"\(label)\"]\n"
            case .outcome: out += "    \(node.id)([\"\(label)\"])\n"
            case .gap, .overlap: out += "    \(node.id){{\"\(label)\"}}\n"
            }
        }
        for node in graph.nodes {
            for c in node.children {
                let child = graph.nodes[c]
                out += "    \(node.id) -->|\"\(DiagramMermaid.label(child.answers))\"| \(child.id)\n"
            }
        }
        var classes: [(name: String, ids: [String])] = [("refund", []), ("noRefund", []), ("terms", []), ("problem", [])]
        for node in graph.nodes {
            switch node.kind {
            case .question: continue
            case .outcome(_, let refunds, let determinable): classes[!determinable ? 2 : refunds ? 0 : 1].ids.append(node.id)
            case .gap, .overlap: classes[3].ids.append(node.id)
            }
        }
        out += "    classDef refund stroke:#1e6b34,stroke-width:3px\n"
        out += "    classDef noRefund stroke:#a1261d,stroke-width:3px\n"
        out += "    classDef terms stroke:#7a5600,stroke-width:3px\n"
        out += "    classDef problem stroke:#a1261d,stroke-width:2px,stroke-dasharray:5 3\n"
        for c in classes where !c.ids.isEmpty {
            out += "    class \(c.ids.joined(separator: ",")) \(c.name)\n"
        }
        return out
    }

    /// Parts of a label, each wrapped, joined by line breaks.
    static func label(_ parts: [String]) -> String {
        parts.flatMap { measure.balancedWrap($0, maxWidth: maxLine) }.map(escape).joined(separator: "<br>")
    }

    /// Escapes text for a quoted Mermaid label: Mermaid's entity codes (`#quot;`, `#35;`) for every
    /// character that could end the label, start an entity, or become HTML or Markdown.
    static func escape(_ s: String) -> String { escapes.apply(s) }

    /// The entity codes, and a space for line breaks, tabs and the other control characters.
    static let escapes: ASCIIEscapes = {
        var replacements: [Unicode.Scalar: String] = [
            "\"": "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "|": "#124;", "`": "#96;",
        ]
        for v in UInt8(0)..<0x20 { replacements[Unicode.Scalar(v)] = " " }
        return ASCIIEscapes(replacements)
    }()
}
