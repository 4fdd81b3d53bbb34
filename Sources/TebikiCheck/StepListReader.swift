/// What reading back a numbered step list from a generated page finds: the first ordered list
/// after the heading with a given anchor. Markdown (`MarkdownStepList`): the heading line whose
/// slug is the anchor (or that carries `{#anchor}` or an `id="anchor"` tag). HTML
/// (`HTMLStepList`): the element with `id="anchor"`. A page is parsed once (`StepListDocument`).
enum StepListReader {
    /// One item of the list: its text (raw Markdown, or HTML inner text up to any nested block)
    /// and the 1-based line and column where it starts.
    struct Item: Sendable, Hashable {
        var text: String
        var line: Int
        var column: Int
    }

    /// What reading found.
    enum Result: Sendable, Hashable {
        case items([Item])
        case noAnchor
        case noList(line: Int)
    }

    /// The page's format from its path.
    static func isHTML(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".htm") }
}
