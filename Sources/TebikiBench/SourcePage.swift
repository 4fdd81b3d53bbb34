/// The synthetic seed page the content cites: one passage per line, so that every citation's
/// `line` holds its `quote` exactly, as in the real page (1-based, blank lines counted).
final class SourcePage {
    /// The page id citations use (`"001"`).
    let id: String
    private(set) var lines: [String] = []
    private var lineOfPassage: [String: Int] = [:]

    init(id: String, title: String) {
        self.id = id
        lines = [title, ""]
    }

    /// Starts a section (a heading line and a blank line).
    func section(_ heading: String) {
        if lineOfPassage[heading] == nil { lineOfPassage[heading] = lines.count + 1 }
        lines.append(heading)
        lines.append("")
    }

    /// The line of `passage`, adding it (and a blank line after it) the first time.
    @discardableResult
    func line(of passage: String) -> Int {
        if let line = lineOfPassage[passage] { return line }
        lines.append(passage)
        lines.append("")
        let line = lines.count - 1
        lineOfPassage[passage] = line
        return line
    }

    /// A `source:` citation of `passage`, optionally with a decision of decisions.md.
    func cite(_ passage: String, decision: String? = nil) -> String {
        let line = line(of: passage)
        let decided = decision.map { ", decision: \($0)" } ?? ""
        return "{page: \(YAML.quoted(id)), line: \(line), quote: \(YAML.quoted(passage))\(decided)}"
    }

    /// The page as text.
    var text: String { lines.joined(separator: "\n") + "\n" }
}
