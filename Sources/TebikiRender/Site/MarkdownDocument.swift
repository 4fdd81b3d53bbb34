import TebikiMarkdown
import TebikiModel

/// A Markdown page being written: blocks in order, headings with the anchors the HTML will carry.
/// Text from the model goes in through `InlineMarker.text` (escaped); the writer adds only markup.
struct MarkdownDocument {
    private(set) var markdown = ""
    private var slugs = HeadingSlug()
    /// The diagrams placed, in order (the HTML post-process puts each SVG in its place).
    private(set) var diagrams: [DiagramBlock] = []

    /// A diagram, drawn for the page's format.
    struct DiagramBlock {
        /// For the Markdown page the Markdown of the block (`diagramMarkdown`), for the HTML page the SVG.
        var drawing: String
        var caption: String
        var textAlternative: String
    }

    /// A heading with plain (unescaped) text; returns its anchor.
    @discardableResult
    mutating func heading(_ level: Int, _ plain: String) -> String {
        let anchor = slugs.next(InlineMarker.stripped(plain))
        // Appended piece by piece: the page grows in place, without a string per heading.
        for _ in 0..<level { markdown += "#" }
        markdown += " "
        markdown += InlineMarker.text(plain)
        markdown += "\n\n"
        return anchor
    }

    /// A paragraph of ready Markdown (already escaped).
    mutating func paragraph(_ md: String) {
        guard !md.isEmpty else { return }
        markdown += md
        markdown += "\n\n"
    }

    /// A bulleted list of ready Markdown items.
    mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        for item in items {
            markdown += "- "
            markdown += item
            markdown += "\n"
        }
        markdown += "\n"
    }

    /// A numbered list: one item per entry, each on one line.
    mutating func numbered(_ items: [String]) {
        guard !items.isEmpty else { return }
        for (i, item) in items.enumerated() {
            markdown += String(i + 1)
            markdown += ". "
            markdown += item
            markdown += "\n"
        }
        markdown += "\n"
    }

    /// A block quote of ready Markdown paragraphs.
    mutating func quote(_ paragraphs: [String]) {
        guard !paragraphs.isEmpty else { return }
        for (i, paragraph) in paragraphs.enumerated() {
            markdown += i == 0 ? "> " : "\n>\n> "
            markdown += paragraph
        }
        markdown += "\n\n"
    }

    /// A GFM table of ready Markdown cells.
    mutating func table(header: [String], rows: [[String]]) {
        guard !rows.isEmpty else { return }
        row(header)
        markdown += "|"
        for _ in header { markdown += "---|" }
        markdown += "\n"
        for cells in rows { row(cells) }
        markdown += "\n"
    }

    /// One line of a table: `| a | b |`.
    private mutating func row(_ cells: [String]) {
        markdown += "| "
        for (i, cell) in cells.enumerated() {
            if i > 0 { markdown += " | " }
            markdown += cell
        }
        markdown += " |\n"
    }

    /// A text alternative as Markdown: lines `- …` indented by two spaces a level become nested
    /// list items, other lines paragraphs; every line's text escaped.
    static func outline(_ text: String) -> String {
        var out = ""
        var inList = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            // Appended piece by piece (no string made per piece and then copied).
            if rest.hasPrefix("- ") {
                for _ in 0..<(indent / 2) { out += "  " }
                out += "- "
                out += InlineMarker.text(String(rest.dropFirst(2)))
                out += "\n"
                inList = true
            } else {
                if inList { out += "\n" }
                out += InlineMarker.text(String(rest))
                out += "\n\n"
                inList = false
            }
        }
        return out + (inList ? "\n" : "")
    }

    /// The text alternative rendered as HTML (for the figure's `<details>`).
    static func outlineHTML(_ text: String) -> String {
        CommonMark.html(outline(text)) ?? "<p>" + HTML.escape(text) + "</p>"
    }

    /// A diagram block: in Markdown its Markdown; in HTML a marker where the SVG goes.
    mutating func diagram(_ block: DiagramBlock, forHTML: Bool) {
        if forHTML {
            markdown += "\(InlineMarker.diagram)\(diagrams.count)\(InlineMarker.diagram)\n\n"
        } else {
            markdown += block.drawing
        }
        diagrams.append(block)
    }

    /// The fence for a drawing: three backticks, more when the drawing holds that many in a row.
    /// Mermaid drawings escape backticks, so the search for ever longer fences (over the whole
    /// drawing) is skipped when one pass over the bytes finds no `Character` that is "`".
    static func fence(for drawing: String) -> String {
        var fence = "```"
        guard mayHoldBacktick(drawing) else { return fence }
        while drawing.contains(fence) { fence += "`" }
        return fence
    }

    /// Whether `text` may hold a `Character` equal to "`": a U+0060 byte, or a scalar whose
    /// `Character` is "`" (`ScalarCharacters.asciiEquivalent`: U+1FEF GREEK VARIA).
    static func mayHoldBacktick(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { u in
            ByteScan.firstIndex(of: UInt8(ascii: "`"), in: u, from: 0) != nil || ScalarCharacters.holdsEquivalent(of: UInt8(ascii: "`"), in: u)
        }
    }

    /// A diagram in Markdown: Mermaid (without the fence) in a ```mermaid fence, then the text
    /// alternative as an outline.
    static func diagramMarkdown(drawing: String, textAlternative: String) -> String {
        let fence = fence(for: drawing)
        return fence + "mermaid\n" + drawing + (drawing.hasSuffix("\n") ? "" : "\n") + fence + "\n\n" + outline(textAlternative)
    }
}
