import Synchronization
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
        var text = text
        text.makeContiguousUTF8()  // so that its bytes can always be read in place
        self.text = text
    }

    /// Where each line starts (UTF-8 offsets), lines split where libyaml breaks them. Made on
    /// first use (only exact columns need it) under a lock: the loader's readers and reference
    /// checks run on every core, and two of them may ask for one file's lines at once.
    var lineStarts: [Int] {
        lineStartsCache.withLock { cached in
            if let cached { return cached }
            let starts = SourceFile.lineStarts(text)
            cached = starts
            return starts
        }
    }
    private let lineStartsCache = Mutex<[Int]?>(nil)

    /// The location of a Yams mark (the start of the file when there is none).
    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The location at a line and column.
    func location(line: Int, column: Int) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }

    /// The location of the character `offset` scalars into a scalar's value. Exact when the value is
    /// written on one line as it reads (plain, or quoted without escapes); the scalar's own location otherwise.
    func location(of scalar: YNode.Scalar, offset: Int) -> SourceLocation {
        let base = location(line: scalar.line, column: scalar.column)
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        guard scalar.style == .plain || quoted, scalar.line - 1 < lineStarts.count else { return base }
        let start = scalar.column - 1 + (quoted ? 1 : 0)
        guard start >= 0 else { return base }
        let lineStart = lineStarts[scalar.line - 1]
        var value = scalar.string
        // The text is contiguous (see init), so its bytes are always available.
        let count = value.withUTF8 { v in
            text.utf8.withContiguousStorageIfAvailable { u in
                SourceFile.scalarsMatching(v, in: u, lineStart: lineStart, skipping: start)
            } ?? nil
        }
        guard let count, offset <= count else { return base }
        return location(line: scalar.line, column: start + 1 + offset)
    }

    /// The number of scalars of `value` when the line starting at byte `lineStart` of `text` holds
    /// them after its first `skip` scalars, all before the line ends; nil otherwise.
    private static func scalarsMatching(_ value: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>,
                                        lineStart: Int, skipping skip: Int) -> Int? {
        var i = lineStart
        for _ in 0..<skip {
            guard i < text.count, breakLength(text, at: i) == 0 else { return nil }
            i += 1
            while i < text.count, text[i] & 0xC0 == 0x80 { i += 1 }
        }
        // Equal UTF-8 bytes are equal scalars; none of them may be a line break.
        guard i + value.count <= text.count else { return nil }
        var count = 0
        for k in 0..<value.count {
            guard text[i + k] == value[k] else { return nil }
            if value[k] & 0xC0 != 0x80 {
                guard breakLength(text, at: i + k) == 0 else { return nil }
                count += 1
            }
        }
        return count
    }

    /// The length in bytes of the line break at byte `i`, 0 when there is none
    /// (\n, \r, NEL C2 85, LS E2 80 A8, PS E2 80 A9; \r\n counts as \r, its first scalar).
    private static func breakLength(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch u[i] {
        case 0x0A, 0x0D: return 1
        case 0xC2: return i + 1 < u.count && u[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// Whether a scalar is a line break for libyaml (\n, \r, NEL, LS, PS).
    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    /// The UTF-8 offsets where lines start: after \r\n, \r, \n, NEL, LS and PS.
    private static func lineStarts(_ text: String) -> [Int] {
        var starts = [0]
        var text = text
        text.withUTF8 { u in
            var i = 0
            while i < u.count {
                var length = breakLength(u, at: i)
                if length == 0 { i += 1; continue }
                if u[i] == 0x0D, i + 1 < u.count, u[i + 1] == 0x0A { length = 2 }
                i += length
                starts.append(i)
            }
        }
        return starts
    }
}
