import TebikiMarkdown

/// A Markdown page being written: blocks in order, headings with the anchors the HTML will carry.
/// Text from the model goes in through `InlineMarker.text` (escaped); the writer adds only markup.
struct MarkdownDocument {
    private(set) var markdown = ""
    private var slugs = HeadingSlug()
    /// The diagrams placed, in order (the HTML post-process puts each SVG in its place).
    private(set) var diagrams: [DiagramBlock] = []

    /// A diagram, drawn for the page's format.
    struct DiagramBlock {
        /// Mermaid (without the fence) for the Markdown page, SVG for the HTML page.
        var drawing: String
        var caption: String
        var textAlternative: String
    }

    /// A heading with plain (unescaped) text; returns its anchor.
    @discardableResult
    mutating func heading(_ level: Int, _ plain: String) -> String {
        let anchor = slugs.next(InlineMarker.stripped(plain))
        markdown += String(repeating: "#", count: level) + " " + InlineMarker.text(plain) + "\n\n"
        return anchor
    }

    /// A paragraph of ready Markdown (already escaped).
    mutating func paragraph(_ md: String) {
        guard !md.isEmpty else { return }
        markdown += md + "\n\n"
    }

    /// A bulleted list of ready Markdown items.
    mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        for item in items { markdown += "- " + item + "\n" }
        markdown += "\n"
    }

    /// A numbered list: one item per entry, each on one line.
    mutating func numbered(_ items: [String]) {
        guard !items.isEmpty else { return }
        for (i, item) in items.enumerated() { markdown += "\(i + 1). " + item + "\n" }
        markdown += "\n"
    }

    /// A block quote of ready Markdown paragraphs.
    mutating func quote(_ paragraphs: [String]) {
        guard !paragraphs.isEmpty else { return }
        markdown += paragraphs.map { "> " + $0 }.joined(separator: "\n>\n") + "\n\n"
    }

    /// A GFM table of ready Markdown cells.
    mutating func table(header: [String], rows: [[String]]) {
        guard !rows.isEmpty else { return }
        markdown += "| " + header.joined(separator: " | ") + " |\n"
        markdown += "|" + header.map { _ in "---|" }.joined() + "\n"
        for row in rows { markdown += "| " + row.joined(separator: " | ") + " |\n" }
        markdown += "\n"
    }

    /// A text alternative as Markdown: lines `- …` indented by two spaces a level become nested
    /// list items, other lines paragraphs; every line's text escaped.
    static func outline(_ text: String) -> String {
        var out = ""
        var inList = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if rest.hasPrefix("- ") {
                out += String(repeating: "  ", count: indent / 2) + "- " + InlineMarker.text(String(rest.dropFirst(2))) + "\n"
                inList = true
            } else {
                if inList { out += "\n" }
                out += InlineMarker.text(String(rest)) + "\n\n"
                inList = false
            }
        }
        return out + (inList ? "\n" : "")
    }

    /// The text alternative rendered as HTML (for the figure's `<details>`).
    static func outlineHTML(_ text: String) -> String {
        CommonMark.html(outline(text)) ?? "<p>" + HTML.escape(text) + "</p>"
    }

    /// A diagram block: in Markdown a ```mermaid fence and the text alternative; in HTML the SVG.
    mutating func diagram(_ block: DiagramBlock, forHTML: Bool) {
        if forHTML {
            markdown += "\(InlineMarker.diagram)\(diagrams.count)\(InlineMarker.diagram)\n\n"
        } else {
            var fence = "```"
            while block.drawing.contains(fence) { fence += "`" }
            markdown += fence + "mermaid\n" + block.drawing + (block.drawing.hasSuffix("\n") ? "" : "\n") + fence + "\n\n"
            markdown += MarkdownDocument.outline(block.textAlternative)
        }
        diagrams.append(block)
    }
}
