import TebikiRender

/// A generated page parsed once for reading back its step lists: the lines and heading anchors
/// of a Markdown page, or the bytes and element ids of an HTML page. A page with many step lists
/// is split and scanned once, not once per list.
struct StepListDocument {
    let isHTML: Bool
    private let lines: [Substring]
    private let anchors: [String: (line: Int, level: Int)]
    private let bytes: [UInt8]
    private let ids: [String: Int]
    private let newlines: [Int]

    /// Parses `contents`; the format comes from the path's extension.
    init(path: String, contents: String) {
        isHTML = StepListReader.isHTML(path)
        if isHTML {
            bytes = Array(contents.utf8); ids = StepListReader.ids(bytes); lines = []; anchors = [:]
            newlines = StepListReader.newlines(bytes)
        } else {
            lines = StepListReader.lines(contents); anchors = StepListReader.anchors(lines); bytes = []; ids = [:]; newlines = []
        }
    }

    /// Parses a page.
    init(_ page: Page) { self.init(path: page.path, contents: page.contents) }

    /// The first ordered list after the heading `anchor`.
    func list(after anchor: String) -> StepListReader.Result {
        if isHTML {
            guard let at = ids[anchor] else { return .noAnchor }
            return StepListReader.htmlItems(bytes, from: at, newlines: newlines)
        }
        guard let (line, level) = anchors[anchor] else { return .noAnchor }
        return StepListReader.markdownItems(lines, from: line, headingLevel: level)
    }
}
