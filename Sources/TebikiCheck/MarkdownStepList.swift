import TebikiModel
import TebikiRender

/// The step lists of a Markdown page: its lines, the anchors of its headings, and the first
/// ordered list after a heading.
enum MarkdownStepList {
    /// The lines of a Markdown text (without `\r`).
    /// The text is split where a `Character` is "\n": at every line feed not after a carriage
    /// return (a line feed is a grapheme of its own, but \r\n is one grapheme); one \r at the
    /// end of a line is dropped. The line feeds are found over the bytes (`ByteScan`), and the
    /// lines then cut at those byte offsets.
    static func lines(_ text: String) -> [Substring] {
        func ranges(_ u: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var start = 0
            func add(_ end: Int) {
                let dropsCR = end > start && u[end - 1] == UInt8(ascii: "\r")
                ranges.append(start..<(dropsCR ? end - 1 : end))
            }
            // A line feed after a carriage return does not end a line.
            var from = 0
            while let i = ByteScan.firstIndex(of: UInt8(ascii: "\n"), in: u, from: from) {
                if i == 0 || u[i - 1] != UInt8(ascii: "\r") {
                    add(i)
                    start = i + 1
                }
                from = i + 1
            }
            add(u.count)
            return ranges
        }
        let utf8 = text.utf8
        let byteRanges = utf8.withContiguousStorageIfAvailable(ranges) ?? Array(utf8).withUnsafeBufferPointer(ranges)
        let base = utf8.startIndex
        return byteRanges.map { text[utf8.index(base, offsetBy: $0.lowerBound)..<utf8.index(base, offsetBy: $0.upperBound)] }
    }

    /// The anchors of a Markdown page's headings: the index of the line after each, and its level
    /// (7 for an HTML element with an id). The first heading with an anchor wins. Slugs are
    /// `HeadingSlug`'s, the rule the site wrote them with.
    static func anchors(_ lines: [Substring]) -> [String: (line: Int, level: Int)] {
        var anchors: [String: (line: Int, level: Int)] = [:]
        var slugs = HeadingSlug()
        for (i, line) in lines.enumerated() {
            if let (level, title) = heading(line) {
                let slug = slugs.next(String(title))
                if anchors[slug] == nil { anchors[slug] = (i + 1, level) }
                if title.hasSuffix("}"), let open = title.lastIndex(of: "{"), title[open...].hasPrefix("{#") {
                    let explicit = String(title[title.index(open, offsetBy: 2)..<title.index(before: title.endIndex)])
                    if anchors[explicit] == nil { anchors[explicit] = (i + 1, level) }
                }
            } else if line.utf8.first == UInt8(ascii: "<"), line.hasPrefix("<"), let id = htmlID(line) {
                if anchors[id] == nil { anchors[id] = (i + 1, 7) }
            }
        }
        return anchors
    }

    private static func htmlID(_ line: Substring) -> String? {
        guard let r = line.firstRange(of: "id=\"") else { return nil }
        let rest = line[r.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    /// The first ordered list from line index `start`, under a heading of `headingLevel`.
    static func items(_ lines: [Substring], from start: Int, headingLevel: Int) -> StepListReader.Result {
        var i = start
        var items: [StepListReader.Item] = []
        var indent: Int?
        while i < lines.count {
            let line = lines[i]
            if let (level, _) = heading(line), !items.isEmpty || level <= headingLevel { break }
            let spaces = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(spaces)
            if let body = orderedItem(rest), spaces < 4, indent == nil || spaces == indent {
                indent = spaces
                items.append(StepListReader.Item(text: String(body.text), line: i + 1, column: spaces + body.offset + 1))
            } else if !items.isEmpty, !line.allSatisfy({ $0 == " " }), spaces <= (indent ?? 0) {
                break  // a paragraph after the list ends it
            }
            i += 1
        }
        return items.isEmpty ? .noList(line: start) : .items(items)
    }

    /// `## Title` → (2, "Title").
    static func heading(_ line: Substring) -> (Int, Substring)? {
        // Most lines are not headings: one byte tells (a "#" Character starts with a "#" byte).
        guard line.utf8.first == UInt8(ascii: "#") else { return nil }
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        var title = line.dropFirst(hashes + 1)
        while title.last == "#" || title.last == " " { title = title.dropLast() }
        return (hashes, title)
    }

    /// `3. text` → ("text", offset of the text).
    private static func orderedItem(_ s: Substring) -> (text: Substring, offset: Int)? {
        let digits = s.prefix { $0.isASCII && $0.isNumber }.count
        guard (1...9).contains(digits) else { return nil }
        let after = s.dropFirst(digits)
        guard let mark = after.first, mark == "." || mark == ")" else { return nil }
        let body = after.dropFirst()
        guard body.first == " " || body.isEmpty else { return nil }
        // The spaces dropped, counted (not the whole body twice: items are long).
        let spaces = body.prefix { $0 == " " }.count
        return (body.dropFirst(spaces), digits + 1 + spaces)
    }
}
