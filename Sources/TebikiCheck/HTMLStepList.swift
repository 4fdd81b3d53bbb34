import TebikiModel

/// The step lists of an HTML page: the offsets of its element ids, and the first ordered list
/// after one, read over the page's UTF-8 bytes (every tag and attribute looked for is ASCII).
enum HTMLStepList {
    /// The offset of every `id="…"` of an HTML text, by id (the first occurrence).
    static func ids(_ u: [UInt8]) -> [String: Int] {
        var ids: [String: Int] = [:]
        let needle = Array("id=\"".utf8)
        var i = 0
        u.withUnsafeBufferPointer { p in
            needle.withUnsafeBufferPointer { n in
                // The "=" is rarer in a page than the "i".
                while let at = ByteScan.firstIndex(of: n, in: p, from: i, rare: 2) {
                    let j = ByteScan.firstIndex(of: UInt8(ascii: "\""), in: p, from: at + n.count) ?? p.count
                    let id = String(decoding: UnsafeBufferPointer(rebasing: p[(at + n.count)..<j]), as: UTF8.self)
                    if ids[id] == nil { ids[id] = at }
                    i = j
                }
            }
        }
        return ids
    }

    /// The first ordered list after byte offset `at` of an HTML text.
    /// `lineFeeds`: the offsets of the page's line feeds (`ByteScan.lineFeeds`), when the page is
    /// read for many lists; nil counts lines from the start (once per list).
    static func items(_ u: [UInt8], from at: Int, lineFeeds: [Int]? = nil) -> StepListReader.Result {
        u.withUnsafeBufferPointer { items($0, from: at, lineFeeds: lineFeeds) }
    }

    private static func items(_ u: UnsafeBufferPointer<UInt8>, from at: Int, lineFeeds: [Int]?) -> StepListReader.Result {
        guard let olStart = ByteScan.firstIndex(of: Array("<ol".utf8), in: u, from: at) else {
            return .noList(line: line(u, at))
        }
        var i = olStart + 3
        var depth = 0            // nesting of lists inside the ol
        var items: [StepListReader.Item] = []
        var itemStart: Int?
        var closedAt: Int?
        var lines = LineCounter(u, lineFeeds: lineFeeds)
        while i < u.count {
            guard u[i] == UInt8(ascii: "<") else {
                // On to the next tag.
                i = ByteScan.firstIndex(of: UInt8(ascii: "<"), in: u, from: i) ?? u.count
                continue
            }
            switch listTag(u, i) {
            case .listOpen: depth += 1
            case .listClose:
                if depth == 0 { closedAt = i }
                depth -= 1
            case .itemOpen where depth == 0:
                if let end = ByteScan.firstIndex(of: UInt8(ascii: ">"), in: u, from: i) { itemStart = end + 1 }
            case .itemClose where depth == 0:
                if let s = itemStart {
                    let (line, column) = lines.position(s)
                    items.append(StepListReader.Item(text: String(decoding: UnsafeBufferPointer(rebasing: u[s..<i]), as: UTF8.self),
                                                     line: line, column: column))
                    itemStart = nil
                }
            default: break
            }
            if closedAt != nil { break }
            i += 1
        }
        return items.isEmpty ? .noList(line: line(u, olStart)) : .items(items)
    }

    /// The 1-based line of byte offset `at`, counted from the start.
    private static func line(_ u: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
        var counter = LineCounter(u)
        return counter.position(at).line
    }

    /// Line and column (in scalars) of increasing offsets, counted incrementally from the start,
    /// or found among the page's line feeds when they are given.
    struct LineCounter {
        let u: UnsafeBufferPointer<UInt8>
        let lineFeeds: [Int]?
        var offset = 0, line = 1, lineStart = 0
        init(_ u: UnsafeBufferPointer<UInt8>, lineFeeds: [Int]? = nil) { self.u = u; self.lineFeeds = lineFeeds }

        mutating func position(_ target: Int) -> (line: Int, column: Int) {
            let end = min(target, u.count)
            if let lineFeeds {
                // The line feeds before the target, found by binary search (not counted from the start).
                var lo = 0, hi = lineFeeds.count
                while lo < hi { let mid = (lo + hi) / 2; if lineFeeds[mid] < end { lo = mid + 1 } else { hi = mid } }
                line = 1 + lo
                lineStart = lo > 0 ? lineFeeds[lo - 1] + 1 : 0
                offset = end
            }
            while offset < end {
                if u[offset] == UInt8(ascii: "\n") { line += 1; lineStart = offset + 1 }
                offset += 1
            }
            let column = String(decoding: UnsafeBufferPointer(rebasing: u[lineStart..<end]), as: UTF8.self).unicodeScalars.count + 1
            return (line, column)
        }
    }

    /// The tags `items` follows.
    enum ListTag: Equatable { case listOpen, listClose, itemOpen, itemClose }

    /// The list tag starting at the `<` at `i`, if it is one: its name runs to `>`, a space or a
    /// line feed and is `ol`, `ul` or `li` in any case, after a `/` for a closing tag. Compared
    /// byte by byte (no name is made: a page has thousands of tags).
    static func listTag(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> ListTag? {
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
}
