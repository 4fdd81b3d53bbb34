import TebikiModel
import TebikiRender

/// A generated page parsed once for reading back its step lists: the lines and heading anchors
/// of a Markdown page (`MarkdownStepList`), or the bytes, element ids and line feeds of an HTML
/// page (`HTMLStepList`). A page with many step lists is split and scanned once, not once per list.
struct StepListDocument {
    let isHTML: Bool
    private let lines: [Substring]
    private let anchors: [String: (line: Int, level: Int)]
    private let bytes: [UInt8]
    private let ids: [String: Int]
    private let lineFeeds: [Int]

    /// Parses `contents`; the format comes from the path's extension.
    init(path: String, contents: String) {
        isHTML = StepListReader.isHTML(path)
        if isHTML {
            bytes = Array(contents.utf8); ids = HTMLStepList.ids(bytes); lines = []; anchors = [:]
            lineFeeds = bytes.withUnsafeBufferPointer(ByteScan.lineFeeds)
        } else {
            lines = MarkdownStepList.lines(contents); anchors = MarkdownStepList.anchors(lines); bytes = []; ids = [:]; lineFeeds = []
        }
    }

    /// Parses a page.
    init(_ page: Page) { self.init(path: page.path, contents: page.contents) }

    /// The first ordered list after the heading `anchor`.
    func list(after anchor: String) -> StepListReader.Result {
        if isHTML {
            guard let at = ids[anchor] else { return .noAnchor }
            return HTMLStepList.items(bytes, from: at, lineFeeds: lineFeeds)
        }
        guard let (line, level) = anchors[anchor] else { return .noAnchor }
        return MarkdownStepList.items(lines, from: line, headingLevel: level)
    }
}
