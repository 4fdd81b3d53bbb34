import TebikiModel
import TebikiRender

/// Reads back a numbered step list from a generated page: the first ordered list after the
/// heading with a given anchor. Markdown: the heading line whose slug is the anchor (or that
/// carries `{#anchor}` or an `id="anchor"` tag). HTML: the element with `id="anchor"`.
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

    // MARK: Markdown

    /// The list after the heading `anchor` of a Markdown page.
    static func markdown(_ text: String, anchor: String) -> Result {
        StepListDocument(path: "page.md", contents: text).list(after: anchor)
    }

    /// The lines of a Markdown text (without `\r`).
    /// The text is split where a `Character` is "\n": at every line feed not after a carriage
    /// return (a line feed is a grapheme of its own, but \r\n is one grapheme); one \r at the
    /// end of a line is dropped.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, previous: UInt8 = 0
        func add(_ end: String.Index) {
            let dropsCR = end > start && utf8[utf8.index(before: end)] == UInt8(ascii: "\r")
            lines.append(text[start..<(dropsCR ? utf8.index(before: end) : end)])
        }
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                add(i)
                start = utf8.index(after: i)
            }
            previous = b
            i = utf8.index(after: i)
        }
        add(utf8.endIndex)
        return lines
    }

    /// The anchors of a Markdown page's headings: the index of the line after each, and its level
    /// (7 for an HTML element with an id). The first heading with an anchor wins.
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
            } else if line.hasPrefix("<"), let id = htmlID(line) {
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
    static func markdownItems(_ lines: [Substring], from start: Int, headingLevel: Int) -> Result {
        var i = start
        var items: [Item] = []
        var indent: Int?
        while i < lines.count {
            let line = lines[i]
            if let (level, _) = heading(line), !items.isEmpty || level <= headingLevel { break }
            let spaces = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(spaces)
            if let body = orderedItem(rest), spaces < 4, indent == nil || spaces == indent {
                indent = spaces
                items.append(Item(text: String(body.text), line: i + 1, column: spaces + body.offset + 1))
            } else if !items.isEmpty, !line.allSatisfy({ $0 == " " }), spaces <= (indent ?? 0) {
                break  // a paragraph after the list ends it
            }
            i += 1
        }
        return items.isEmpty ? .noList(line: start) : .items(items)
    }

    /// `## Title` → (2, "Title").
    static func heading(_ line: Substring) -> (Int, Substring)? {
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
        let text = body.drop { $0 == " " }
        return (text, digits + 1 + (body.count - text.count))
    }

    /// The GitHub-style slug of a heading, as the site gives it (`HeadingSlug`, TebikiRender):
    /// the checker reads anchors back with the very rule that wrote them.
    static func slug(_ title: String) -> String { HeadingSlug.base(title) }

    // MARK: HTML

    /// The list after the element with `id="anchor"` of an HTML page.
    static func html(_ text: String, anchor: String) -> Result {
        StepListDocument(path: "page.html", contents: text).list(after: anchor)
    }

    /// The offset of every `id="…"` of an HTML text, by id (the first occurrence).
    static func ids(_ u: [UInt8]) -> [String: Int] {
        var ids: [String: Int] = [:]
        let needle = Array("id=\"".utf8)
        var i = 0
        while let at = find(needle, in: u, from: i) {
            var j = at + needle.count
            while j < u.count, u[j] != UInt8(ascii: "\"") { j += 1 }
            let id = String(decoding: u[(at + needle.count)..<j], as: UTF8.self)
            if ids[id] == nil { ids[id] = at }
            i = j
        }
        return ids
    }

    /// The first ordered list after byte offset `at` of an HTML text.
    /// `newlines`: the offsets of the page's line feeds (`newlines(u)`), when the page is read
    /// for many lists; nil counts lines from the start (once per list).
    static func htmlItems(_ u: [UInt8], from at: Int, newlines: [Int]? = nil) -> Result {
        guard let olStart = find(Array("<ol".utf8), in: u, from: at) else { return .noList(line: lineColumn(u, at).line) }
        var i = olStart + 3
        var depth = 0            // nesting of lists inside the ol
        var items: [Item] = []
        var itemStart: Int?
        var closedAt: Int?
        var lines = LineCounter(u, newlines: newlines)
        while i < u.count {
            guard u[i] == UInt8(ascii: "<") else { i += 1; continue }
            let tag = tagName(u, i)
            switch tag {
            case "ol", "ul": depth += 1
            case "/ol", "/ul":
                if depth == 0 { closedAt = i }
                depth -= 1
            case "li" where depth == 0:
                if let end = u[i...].firstIndex(of: UInt8(ascii: ">")) { itemStart = end + 1 }
            case "/li" where depth == 0:
                if let s = itemStart {
                    let (line, column) = lines.position(s)
                    items.append(Item(text: String(decoding: u[s..<i], as: UTF8.self), line: line, column: column))
                    itemStart = nil
                }
            default: break
            }
            if closedAt != nil { break }
            i += 1
        }
        return items.isEmpty ? .noList(line: lineColumn(u, olStart).line) : .items(items)
    }

    /// The offsets of the line feeds of a page.
    static func newlines(_ u: [UInt8]) -> [Int] {
        var result: [Int] = []
        for (i, b) in u.enumerated() where b == UInt8(ascii: "\n") { result.append(i) }
        return result
    }

    /// Line and column of increasing offsets, counted incrementally.
    struct LineCounter {
        let u: [UInt8]
        let newlines: [Int]?
        var offset = 0, line = 1, lineStart = 0
        init(_ u: [UInt8], newlines: [Int]? = nil) { self.u = u; self.newlines = newlines }
        mutating func position(_ target: Int) -> (line: Int, column: Int) {
            if let newlines {
                // The line feeds before the target, found by binary search (not counted from the start).
                let end = min(target, u.count)
                var lo = 0, hi = newlines.count
                while lo < hi { let mid = (lo + hi) / 2; if newlines[mid] < end { lo = mid + 1 } else { hi = mid } }
                line = 1 + lo
                lineStart = lo > 0 ? newlines[lo - 1] + 1 : 0
                offset = end
            }
            while offset < min(target, u.count) {
                if u[offset] == UInt8(ascii: "\n") { line += 1; lineStart = offset + 1 }
                offset += 1
            }
            let column = String(decoding: u[lineStart..<min(target, u.count)], as: UTF8.self).unicodeScalars.count + 1
            return (line, column)
        }
    }

    private static func tagName(_ u: [UInt8], _ i: Int) -> String {
        var j = i + 1
        var name = ""
        while j < u.count, u[j] != UInt8(ascii: ">"), u[j] != UInt8(ascii: " "), u[j] != UInt8(ascii: "\n") {
            name.unicodeScalars.append(Unicode.Scalar(u[j])); j += 1
        }
        return name.lowercased()
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func lineColumn(_ u: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for k in 0..<min(offset, u.count) where u[k] == UInt8(ascii: "\n") { line += 1; lineStart = k + 1 }
        let column = String(decoding: u[lineStart..<min(offset, u.count)], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    // MARK: visible text

    /// The text a reader sees in an HTML fragment, up to the first nested block (a caution, a
    /// nested list): tags removed, entities decoded, white space collapsed.
    static func visibleText(html: String) -> String {
        var u = Array(html.utf8)
        for block in ["<blockquote", "<ol", "<ul", "<div", "<aside", "<table"] {
            if let at = find(Array(block.utf8), in: u, from: 0) { u = Array(u[..<at]) }
        }
        return asciiVisibleText(u) ?? visibleTextByCharacters(String(decoding: u, as: UTF8.self))
    }

    /// The text a reader sees in an HTML fragment without nested blocks, read `Character` by
    /// `Character` (any fragment; `visibleText` reads most in one pass over their bytes).
    static func visibleTextByCharacters(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        return collapse(decodeEntities(out))
    }

    /// `visibleText` in one pass over the bytes, for a fragment of ASCII without carriage returns
    /// or numeric entities (there every byte is a `Character` of its own, and so is every decoded
    /// entity); nil for any other fragment.
    private static func asciiVisibleText(_ u: [UInt8]) -> String? {
        // Tags removed.
        var text: [UInt8] = []
        text.reserveCapacity(u.count)
        var inTag = false
        for b in u {
            guard b < 0x80, b != UInt8(ascii: "\r") else { return nil }
            if b == UInt8(ascii: "<") { inTag = true; continue }
            if b == UInt8(ascii: ">") && inTag { inTag = false; continue }
            if !inTag { text.append(b) }
        }
        // Entities decoded and white space collapsed, as `decodeEntities` and `collapse` do.
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var space = false
        func emit(_ b: UInt8) {
            if b == 0x20 || (0x09...0x0D).contains(b) { space = !out.isEmpty; return }
            if space { out.append(0x20); space = false }
            out.append(b)
        }
        var i = 0
        while i < text.count {
            guard text[i] == UInt8(ascii: "&") else { emit(text[i]); i += 1; continue }
            if i + 1 < text.count, text[i + 1] == UInt8(ascii: "#") { return nil }
            if let semi = text[i...].firstIndex(of: UInt8(ascii: ";")), semi - i <= 10,
               let decoded = namedEntity(text[(i + 1)..<semi]) {
                emit(decoded)
                i = semi + 1
                continue
            }
            emit(UInt8(ascii: "&"))
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII character of a named entity `decodeEntities` knows (`&nbsp;` reads as a space).
    private static func namedEntity(_ name: ArraySlice<UInt8>) -> UInt8? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return UInt8(ascii: "&")
        case "lt": return UInt8(ascii: "<")
        case "gt": return UInt8(ascii: ">")
        case "quot": return UInt8(ascii: "\"")
        case "apos": return UInt8(ascii: "'")
        case "nbsp": return 0x20
        default: return nil
        }
    }

    private static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10 {
                let name = after[after.index(after: amp)..<semi]
                var decoded: String?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "nbsp": decoded = " "
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { decoded = String(u) }
                    else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { decoded = String(u) }
                }
                if let decoded { out += decoded; rest = after[after.index(after: semi)...]; continue }
            }
            out += "&"
            rest = after.dropFirst()
        }
        return out + rest
    }

    private static func collapse(_ s: String) -> String {
        var out = ""
        var space = false
        for c in s {
            if c.isWhitespace { space = !out.isEmpty; continue }
            if space { out += " "; space = false }
            out.append(c)
        }
        return out
    }
}
