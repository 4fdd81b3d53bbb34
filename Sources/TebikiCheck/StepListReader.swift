#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// The bytes are scanned through a buffer, not the string's index type (a page has tens of
    /// thousands of bytes); the lines are then cut at those byte offsets.
    static func lines(_ text: String) -> [Substring] {
        func ranges(_ u: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var start = 0
            func add(_ end: Int) {
                let dropsCR = end > start && u[end - 1] == UInt8(ascii: "\r")
                ranges.append(start..<(dropsCR ? end - 1 : end))
            }
            // The line feeds found with memchr; one after a carriage return does not end a line.
            var from = 0
            while let i = nextByte(UInt8(ascii: "\n"), in: u, from: from) {
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
        while let at = find(needle, in: u, from: i, rare: 2) {
            let j = u.withUnsafeBufferPointer { nextByte(UInt8(ascii: "\""), in: $0, from: at + needle.count) } ?? u.count
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
            guard u[i] == UInt8(ascii: "<") else {
                // On to the next tag.
                i = u.withUnsafeBufferPointer { nextByte(UInt8(ascii: "<"), in: $0, from: i) } ?? u.count
                continue
            }
            switch listTag(u, i) {
            case .listOpen: depth += 1
            case .listClose:
                if depth == 0 { closedAt = i }
                depth -= 1
            case .itemOpen where depth == 0:
                if let end = u[i...].firstIndex(of: UInt8(ascii: ">")) { itemStart = end + 1 }
            case .itemClose where depth == 0:
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
        u.withUnsafeBufferPointer { p in
            var from = 0
            while let i = nextByte(UInt8(ascii: "\n"), in: p, from: from) {
                result.append(i)
                from = i + 1
            }
        }
        return result
    }

    /// The offset of the first `byte` at or after `from` in `u` (memchr: the C library's scan
    /// reads a word at a time, where a Swift loop reads a byte and checks its bounds).
    static func nextByte(_ byte: UInt8, in u: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < u.count, let base = u.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), u.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
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

    /// The tags `htmlItems` follows.
    enum ListTag: Equatable { case listOpen, listClose, itemOpen, itemClose }

    /// The list tag starting at the `<` at `i`, if it is one: its name runs to `>`, a space or a
    /// line feed and is `ol`, `ul` or `li` in any case, after a `/` for a closing tag. Compared
    /// byte by byte (no name is made: a page has thousands of tags).
    static func listTag(_ u: [UInt8], _ i: Int) -> ListTag? {
        var j = i + 1
        let closing = j < u.count && u[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        var end = j
        while end < u.count, u[end] != UInt8(ascii: ">"), u[end] != UInt8(ascii: " "), u[end] != UInt8(ascii: "\n") { end += 1 }
        guard end - j == 2 else { return nil }
        // ORing 0x20 lowers an ASCII capital and leaves its lower case; no other byte becomes o, u, l or i.
        let first = u[j] | 0x20, second = u[j + 1] | 0x20
        if (first == UInt8(ascii: "o") || first == UInt8(ascii: "u")) && second == UInt8(ascii: "l") {
            return closing ? .listClose : .listOpen
        }
        if first == UInt8(ascii: "l") && second == UInt8(ascii: "i") { return closing ? .itemClose : .itemOpen }
        return nil
    }

    /// The offset of the first `needle` at or after `from` in `hay`: its byte at `rare` (one that
    /// is rare in the hay: the "=" of `id="`, not the "i") found with memchr, the whole needle
    /// then compared there with memcmp (glibc's memmem is not in Swift's Glibc module).
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int, rare: Int = 0) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from >= 0 else { return nil }
        precondition(needle.indices.contains(rare))
        let last = hay.count - needle.count  // the last offset a whole needle fits at
        return hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = from
                while i <= last, let found = nextByte(n[rare], in: h, from: i + rare), found - rare <= last {
                    let at = found - rare
                    if memcmp(h.baseAddress! + at, n.baseAddress!, n.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    /// `find` one byte at a time, as it was before memmem (for the tests).
    static func findByBytes(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
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
        let u = Array(html.utf8)
        let fragment = u[..<firstBlock(u)]
        return scalarVisibleText(fragment) ?? visibleTextByCharacters(String(decoding: fragment, as: UTF8.self))
    }

    /// The tags that open a nested block.
    private static let blockTags: [[UInt8]] = ["<blockquote", "<ol", "<ul", "<div", "<aside", "<table"].map { Array($0.utf8) }

    /// The offset of the first nested block's tag (the end when there is none), in one pass.
    /// Each tag has one `<`, its first byte, so no two occurrences overlap: the first of any
    /// is where cutting at each tag's first occurrence in turn would end the fragment.
    private static func firstBlock(_ u: [UInt8]) -> Int {
        for i in u.indices where u[i] == UInt8(ascii: "<") {
            for tag in blockTags where u.count - i >= tag.count && u[i..<(i + tag.count)].elementsEqual(tag) { return i }
        }
        return u.count
    }

    /// The text a reader sees in an HTML fragment without nested blocks, read `Character` by
    /// `Character` (any fragment; `visibleText` reads most by scalar, over their bytes).
    static func visibleTextByCharacters(_ s: String) -> String {
        collapse(decodeEntities(HTMLPostProcessor.removingTags(s)))
    }

    /// `visibleText` in one pass over the UTF-8 bytes, for a fragment that reads the same by
    /// scalar as by `Character` (`readsAsScalars`) and has no numeric entity (it may decode to
    /// a scalar that joins its neighbours); nil for any other fragment. Japanese text qualifies
    /// as readily as English: only the scalars next to markup and white space are examined.
    private static func scalarVisibleText(_ u: ArraySlice<UInt8>) -> String? {
        guard readsAsScalars(u) else { return nil }
        let text = u.withUnsafeBufferPointer { HTMLPostProcessor.removingTags($0) }
        // Entities decoded and white space collapsed, as `decodeEntities` and `collapse` do.
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var space = false
        func separate() { space = !out.isEmpty }
        func put(_ b: UInt8) {
            if space { out.append(0x20); space = false }
            out.append(b)
        }
        func emit(_ b: UInt8) { if b == 0x20 || (0x09...0x0D).contains(b) { separate() } else { put(b) } }
        var i = 0
        while i < text.count {
            if text[i] >= 0x80 {
                let (scalar, length) = scalar(text[...], at: i)
                if scalar.properties.isWhitespace { separate() } else { for k in i..<(i + length) { put(text[k]) } }
                i += length
                continue
            }
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

    /// Whether reading `u` scalar by scalar finds the tags, entities and white space that reading
    /// it `Character` by `Character` finds: true when every `Character` holding an ASCII or a
    /// white-space scalar is that scalar alone (then removing tags and decoding entities joins no
    /// new `Character` around them either), there is no carriage return (\r\n is one `Character`)
    /// and no U+037E, the one scalar whose `Character` equals one of `<>&;` (";").
    /// Whether two scalars join is asked only where an ASCII or white-space scalar meets one that
    /// may join (`mayJoin`): two ASCII scalars join only as \r\n.
    static func readsAsScalars(_ u: ArraySlice<UInt8>) -> Bool {
        var previous: Unicode.Scalar?
        var previousPlain = false
        var i = u.startIndex
        while i < u.endIndex {
            let current: Unicode.Scalar, length: Int
            if u[i] < 0x80 {
                if u[i] == UInt8(ascii: "\r") { return false }
                (current, length) = (Unicode.Scalar(u[i]), 1)
            } else {
                (current, length) = scalar(u, at: i)
                if current == "\u{037E}" { return false }
            }
            let plain = current.isASCII || current.properties.isWhitespace
            if let p = previous, plain || previousPlain, mayJoin(p) || mayJoin(current) {
                var pair = String(Character(p))
                pair.unicodeScalars.append(current)
                if pair.count == 1 { return false }
            }
            (previous, previousPlain) = (current, plain)
            i += length
        }
        return true
    }

    /// False for the scalars that join no neighbour into one `Character` (neither prepended,
    /// extending nor a spacing mark): those below U+0300 (except \r) and the kana and the
    /// ideographs of Japanese text. Conservative: true for every other scalar.
    static func mayJoin(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0D: return true
        case 0..<0x300, 0x3041...0x3096, 0x30A0...0x30FF, 0x4E00...0x9FFF: return false
        default: return true
        }
    }

    /// The scalar whose UTF-8 starts at `i` of valid UTF-8 (a lead byte), and its length in bytes.
    private static func scalar(_ u: ArraySlice<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let lead = u[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(u[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
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
