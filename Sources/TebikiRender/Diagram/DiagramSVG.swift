/// Draws a `DiagramGraph` as a standalone SVG: questions as boxes, answers as labels on the
/// edges, outcomes as rounded (stadium) boxes with the caption "判定"/"Outcome" and a thick
/// border, linked to their permalinks. Colours come from CSS classes (`tdg-…`) with a dark
/// scheme, and can be overridden by the page through custom properties (`--tdg-fg` …).
/// No fonts, images or scripts are loaded; numbers have one fixed decimal.
package struct DiagramSVG: Sendable {
    /// The graph to draw.
    package var graph: DiagramGraph
    /// The text alternative put in `<desc>`.
    package var description: String

    /// Creates a drawing.
    package init(graph: DiagramGraph, description: String) {
        self.graph = graph
        self.description = description
    }

    /// How a node's box is drawn: fonts, padding, widest line.
    struct Style {
        static let question = TextMeasure(fontSize: 14)
        static let answer = TextMeasure(fontSize: 13)
        static let caption = TextMeasure(fontSize: 12)
        static let outcome = TextMeasure(fontSize: 14, bold: true)
        static let lineHeight = 200, answerLineHeight = 180, captionLineHeight = 160
        static let paddingX = 120, paddingY = 80, outcomePaddingX = 180, answerPaddingX = 80, answerPaddingY = 30
        static let questionMaxWidth = 2100, answerMaxWidth = 1300, outcomeMaxWidth = 2000
    }

    /// One node's text, wrapped, and its box size.
    struct Block {
        var caption: [String]
        var lines: [String]
        var answers: [String]
        var width: Int, height: Int
        var answerWidth: Int, answerHeight: Int
    }

    /// The wrapped texts and sizes of every node.
    func blocks() -> [Block] {
        graph.nodes.map { node in
            let isOutcome: Bool
            if case .outcome = node.kind { isOutcome = true } else { isOutcome = false }
            let measure = isOutcome ? Style.outcome : Style.question
            let maxWidth = isOutcome ? Style.outcomeMaxWidth : Style.questionMaxWidth
            let (lines, lineWidths) = measure.balancedLines(node.text, maxWidth: maxWidth)
            let caption = node.caption.isEmpty ? [] : Style.caption.wrap(node.caption, maxWidth: maxWidth)
            let textWidth = max(lineWidths.max() ?? 0, caption.map(Style.caption.width).max() ?? 0)
            let padX = isOutcome ? Style.outcomePaddingX : Style.paddingX
            let height = 2 * Style.paddingY + lines.count * Style.lineHeight + caption.count * Style.captionLineHeight
            var answers: [String] = []
            var answerText = 0
            for answer in node.answers {
                let wrapped = Style.answer.balancedLines(answer, maxWidth: Style.answerMaxWidth)
                answers += wrapped.lines
                answerText = max(answerText, wrapped.widths.max() ?? 0)
            }
            return Block(caption: caption, lines: lines, answers: answers,
                         width: textWidth + 2 * padX, height: height,
                         answerWidth: answers.isEmpty ? 0 : answerText + 2 * Style.answerPaddingX,
                         answerHeight: answers.isEmpty ? 0 : answers.count * Style.answerLineHeight + 2 * Style.answerPaddingY)
        }
    }

    /// The layout of the blocks.
    package func layout() -> TreeLayout { layout(blocks()) }

    /// The layout of `blocks` (this graph's `blocks()`).
    func layout(_ blocks: [Block]) -> TreeLayout {
        TreeLayout(graph.nodes.indices.map { i in
            TreeLayout.Item(width: blocks[i].width, height: blocks[i].height,
                            labelWidth: blocks[i].answerWidth, labelHeight: blocks[i].answerHeight,
                            children: graph.nodes[i].children)
        })
    }

    /// The SVG document.
    package var svg: String { linkSlots.filled(graph.nodes.compactMap(\.link)) }

    /// The SVG document with a gap for the href of each linked node, in node order: the same
    /// graph drawn with other hrefs (the tree on pages at other depths) is not laid out again.
    var linkSlots: LinkSlots {
        let blocks = blocks()
        let layout = layout(blocks)
        var pieces: [String] = []
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tdg\""
        out += " width=\"\(n(layout.width))\" height=\"\(n(layout.height))\" viewBox=\"0 0 \(n(layout.width)) \(n(layout.height))\""
        // With links inside, the drawing is a group of links, not one image (role="img" would hide them).
        let linked = graph.nodes.contains { $0.link != nil }
        out += linked ? " role=\"group\" aria-label=\"\(escape(graph.title))\">\n" : " role=\"img\">\n"
        out += "<title>\(escape(graph.title))</title>\n"
        out += "<desc>\(escape(description))</desc>\n"
        out += "<style>\(DiagramSVG.css)</style>\n"

        // Edges: down from the parent, along the bus, down to the child, with an arrowhead.
        out += "<g class=\"tdg-edges\" aria-hidden=\"true\">\n"
        for (i, node) in graph.nodes.enumerated() {
            let from = layout.boxes[i]
            for c in node.children {
                let to = layout.boxes[c]
                let bus = layout.busY[graph.nodes[c].depth]
                let tip = to.y
                out += "<path class=\"tdg-edge\" d=\"M\(n(from.midX)) \(n(from.maxY))V\(n(bus))H\(n(to.midX))V\(n(tip - 70))\"/>"
                out += "<path class=\"tdg-arrow\" d=\"M\(n(to.midX - 50)) \(n(tip - 80))L\(n(to.midX + 50)) \(n(tip - 80))L\(n(to.midX)) \(n(tip))Z\"/>\n"
            }
        }
        out += "</g>\n"

        // Answers on the edges.
        for (i, block) in blocks.enumerated() where !block.answers.isEmpty {
            let r = layout.labels[i]
            out += "<g class=\"tdg-answer\">"
            out += "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" rx=\"6.0\"/>"
            for (k, line) in block.answers.enumerated() {
                let baseline = r.y + Style.answerPaddingY + k * Style.answerLineHeight + 135
                out += "<text x=\"\(n(r.midX))\" y=\"\(n(baseline))\" text-anchor=\"middle\">\(escape(line))</text>"
            }
            out += "</g>\n"
        }

        // Nodes.
        for (i, node) in graph.nodes.enumerated() {
            let r = layout.boxes[i], block = blocks[i]
            var group = "<g class=\"\(DiagramSVG.classes(node.kind))\">"
            let rx = { if case .outcome = node.kind { return r.height / 2 } else { return 40 } }()
            group += "<rect class=\"tdg-box\" x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" rx=\"\(n(min(rx, 300)))\"/>"
            var y = r.y + Style.paddingY
            for line in block.caption {
                group += "<text class=\"tdg-caption\" x=\"\(n(r.midX))\" y=\"\(n(y + 120))\" text-anchor=\"middle\">\(escape(line))</text>"
                y += Style.captionLineHeight
            }
            for line in block.lines {
                group += "<text x=\"\(n(r.midX))\" y=\"\(n(y + 150))\" text-anchor=\"middle\">\(escape(line))</text>"
                y += Style.lineHeight
            }
            group += "</g>"
            if node.link != nil {
                out += "<a class=\"tdg-link\" href=\""
                pieces.append(out)
                out = "\">\(group)</a>\n"
            } else {
                out += group + "\n"
            }
        }
        out += "</svg>\n"
        pieces.append(out)
        return LinkSlots(pieces: pieces)
    }

    /// A drawing with a gap for each link's href.
    struct LinkSlots: Sendable {
        /// The text around the gaps, one piece more than gaps.
        var pieces: [String]

        /// The drawing with `hrefs`, escaped, in the gaps (one href per gap, in order).
        func filled(_ hrefs: [String]) -> String {
            precondition(hrefs.count == pieces.count - 1, "one href per link of the drawing")
            var out = pieces[0]
            for (k, href) in hrefs.enumerated() {
                out += DiagramSVG.escapes.apply(href)
                out += pieces[k + 1]
            }
            return out
        }
    }

    /// The CSS classes of a node.
    static func classes(_ kind: DiagramGraph.Kind) -> String {
        switch kind {
        case .question: return "tdg-node tdg-question"
        case .outcome(_, let refunds, let determinable):
            return "tdg-node tdg-outcome " + (!determinable ? "tdg-terms" : refunds ? "tdg-refund" : "tdg-no-refund")
        case .gap, .overlap: return "tdg-node tdg-problem"
        }
    }

    /// The drawing's style sheet: system fonts only; light and dark colours; visible focus.
    static let css = """
    .tdg{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic UI",Meiryo,"Noto Sans CJK JP","Noto Sans JP",sans-serif;font-size:14px;max-width:none}\
    .tdg text{fill:var(--tdg-fg,#1b1f24)}\
    .tdg .tdg-caption{font-size:12px;fill:var(--tdg-muted,#4b5563)}\
    .tdg .tdg-outcome text:not(.tdg-caption){font-weight:bold}\
    .tdg .tdg-answer text{font-size:13px}\
    .tdg-edge{fill:none;stroke:var(--tdg-line,#6b7280);stroke-width:1.5}\
    .tdg-arrow{fill:var(--tdg-line,#6b7280)}\
    .tdg-answer rect{fill:var(--tdg-bg,#ffffff);stroke:var(--tdg-line,#6b7280);stroke-width:1}\
    .tdg-box{stroke-width:1.5}\
    .tdg-question .tdg-box{fill:var(--tdg-question-bg,#eef3f9);stroke:var(--tdg-question-line,#36597f)}\
    .tdg-outcome .tdg-box{stroke-width:3}\
    .tdg-refund .tdg-box{fill:var(--tdg-refund-bg,#e6f4ea);stroke:var(--tdg-refund-line,#1e6b34)}\
    .tdg-no-refund .tdg-box{fill:var(--tdg-no-refund-bg,#fbeaea);stroke:var(--tdg-no-refund-line,#a1261d)}\
    .tdg-terms .tdg-box{fill:var(--tdg-terms-bg,#fdf3dc);stroke:var(--tdg-terms-line,#7a5600)}\
    .tdg-problem .tdg-box{fill:var(--tdg-bg,#ffffff);stroke:var(--tdg-no-refund-line,#a1261d);stroke-dasharray:6 4}\
    .tdg-link:hover .tdg-box,.tdg-link:focus .tdg-box{stroke-width:5}\
    .tdg-link:hover text,.tdg-link:focus text{text-decoration:underline}\
    .tdg-link:focus{outline:none}\
    .tdg-link:focus .tdg-box{stroke:var(--tdg-focus,#1a56db)}\
    @media (prefers-color-scheme:dark){\
    .tdg text{fill:var(--tdg-fg,#e6e8eb)}\
    .tdg .tdg-caption{fill:var(--tdg-muted,#b6bcc4)}\
    .tdg-edge{stroke:var(--tdg-line,#9aa3ad)}\
    .tdg-arrow{fill:var(--tdg-line,#9aa3ad)}\
    .tdg-answer rect{fill:var(--tdg-bg,#16191d);stroke:var(--tdg-line,#9aa3ad)}\
    .tdg-question .tdg-box{fill:var(--tdg-question-bg,#1d2a38);stroke:var(--tdg-question-line,#8fb4dc)}\
    .tdg-refund .tdg-box{fill:var(--tdg-refund-bg,#17301f);stroke:var(--tdg-refund-line,#7cc792)}\
    .tdg-no-refund .tdg-box{fill:var(--tdg-no-refund-bg,#3a1b19);stroke:var(--tdg-no-refund-line,#f09a92)}\
    .tdg-terms .tdg-box{fill:var(--tdg-terms-bg,#352a10);stroke:var(--tdg-terms-line,#e3c06a)}\
    .tdg-problem .tdg-box{fill:var(--tdg-bg,#16191d)}\
    .tdg-link:focus .tdg-box{stroke:var(--tdg-focus,#8ab4ff)}\
    }
    """

    /// Tenths of a pixel as a number with one fixed decimal (`123.4`, `-0.5`).
    func n(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return "\(sign)\(a / 10).\(a % 10)"
    }

    /// Escapes text for XML character data and attribute values.
    func escape(_ s: String) -> String { DiagramSVG.escapes.apply(s) }

    /// The five entities, and a space for the control characters other than tab and newline,
    /// which XML does not allow.
    static let escapes: ASCIIEscapes = {
        var replacements: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for v in UInt8(0)..<0x20 where v != 0x0A && v != 0x09 { replacements[Unicode.Scalar(v)] = " " }
        return ASCIIEscapes(replacements)
    }()
}
