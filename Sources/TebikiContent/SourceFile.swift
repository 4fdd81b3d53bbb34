import TebikiModel
import Yams

/// One YAML file being loaded: the path locations report, its text, and the lines for exact columns.
final class SourceFile {
    /// The path as reported (`content/editions/2025-12-19/rules.yaml`).
    let path: String
    /// The text as read.
    let text: String
    /// Keys renamed to get past Yams' duplicate-key error, by position, with their real names.
    var renamedKeys: [Position: String] = [:]

    /// A 1-based line and column.
    struct Position: Hashable {
        var line: Int, column: Int
    }

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The lines in Unicode scalars, split where libyaml breaks lines.
    private(set) lazy var lines: [[Unicode.Scalar]] = SourceFile.split(text)

    /// The location of a Yams mark (the start of the file when there is none).
    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The location at a line and column.
    func location(line: Int, column: Int) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }

    /// The location of the character `offset` scalars into a scalar's value. Exact when the value is
    /// written on one line as it reads (plain, or quoted without escapes); the scalar's own location otherwise.
    func location(of scalar: Node.Scalar, offset: Int) -> SourceLocation {
        let base = location(scalar.mark)
        guard let mark = scalar.mark else { return base }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        guard scalar.style == .plain || quoted, mark.line - 1 < lines.count else { return base }
        let line = lines[mark.line - 1]
        let start = mark.column - 1 + (quoted ? 1 : 0)
        let value = Array(scalar.string.unicodeScalars)
        guard start >= 0, start + value.count <= line.count, offset <= value.count else { return base }
        for i in 0..<value.count where line[start + i] != value[i] { return base }
        return location(line: mark.line, column: start + 1 + offset)
    }

    /// Whether a scalar is a line break for libyaml (\n, \r, NEL, LS, PS).
    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    private static func split(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previousWasCR = false
        for c in text.unicodeScalars {
            if c == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = c == "\r"
            if isBreak(c) {
                lines.append(current)
                current = []
            } else {
                current.append(c)
            }
        }
        lines.append(current)
        return lines
    }
}
