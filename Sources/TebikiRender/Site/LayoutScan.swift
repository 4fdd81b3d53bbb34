import TebikiModel

/// A pass over the layout's source before swift-mustache parses it: the tags with their places,
/// so that an unknown name and too deep a nesting are refused at their line and column, and the
/// places where the layout can be cut into pieces parsed one by one.
///
/// Why cut: swift-mustache's parser measures the rest of the source (`String.distance`, linear)
/// at every tag, so one template of n tags takes n² time (200,000 tags did not parse in 300 s).
/// Pieces of a few kilobytes each make it linear. A cut is made only outside every section, and
/// only where both neighbours are text that is not white space, or right after a newline: a tag
/// is "standalone" (its line's white space and newline dropped) by what is on its own line, so a
/// cut there changes nothing a tag sees, and the pieces' outputs joined are the whole's output.
/// A layout with set-delimiter tags, partials, blocks or pragmas is not scanned for names or cut.
struct LayoutScan {
    /// A tag: its sigil (`#`, `^`, `/`, `!`, `&`, `{`, or nothing for a variable), its name, its place.
    struct Tag {
        var sigil: UInt8?
        var name: String
        var line: Int
        var column: Int
    }

    /// The deepest nesting of sections allowed (the real layout nests 2 deep; swift-mustache
    /// parses and renders sections recursively, and ~10,000 overflowed the stack).
    static let maximumDepth = 100
    /// Pieces are cut once they are at least this long, in bytes.
    static let pieceLength = 2048

    /// Every tag, in order; empty when the layout is not scanned.
    private(set) var tags: [Tag] = []
    /// The pieces' byte ranges (one piece when the layout is not cut); the line each starts on,
    /// and the column less one (0 for a piece that starts a line).
    private(set) var pieces: [(range: Range<Int>, line: Int, columnOffset: Int)] = []
    /// Whether names were read (no set-delimiter, partial, block or pragma tag).
    private(set) var scanned = false

    /// Scans `source`; throws when sections nest deeper than `maximumDepth`.
    init(_ source: String, name: String) throws(SiteBuildError) {
        let bytes = Array(source.utf8)
        let open = Array("{{".utf8), close = Array("}}".utf8), tripleClose = Array("}}}".utf8)
        func matches(_ p: [UInt8], at i: Int) -> Bool { i + p.count <= bytes.count && bytes[i..<(i + p.count)].elementsEqual(p) }
        func isText(_ b: UInt8) -> Bool { b > 0x20 && b != UInt8(ascii: "{") && b != UInt8(ascii: "}") }
        var depth = 0, i = 0
        var pieceStart = 0, pieceLine = 1, pieceColumn = 0
        var cuttable = true
        // Line and column of `counted`, kept up to date as the scan moves on (a column counts scalars).
        var counted = 0, line = 1, column = 1
        func count(to target: Int) {
            while counted < target {
                let b = bytes[counted]
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
                counted += 1
            }
        }
        func cut(at j: Int) {
            pieces.append((pieceStart..<j, pieceLine, pieceColumn))
            count(to: j)
            pieceStart = j; pieceLine = line; pieceColumn = column - 1
        }
        while i < bytes.count {
            if matches(open, at: i) {
                let triple = i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "{")
                var j = i + (triple ? 3 : 2)
                let end = triple ? tripleClose : close
                while j < bytes.count, !matches(end, at: j) { j += 1 }
                var body = bytes[(i + (triple ? 3 : 2))..<min(j, bytes.count)]
                count(to: i)
                let tagLine = line, tagColumn = column
                var sigil: UInt8? = triple ? UInt8(ascii: "{") : nil
                if !triple, let first = body.first, Array("#^/!&>$<%=".utf8).contains(first) { sigil = first; body = body.dropFirst() }
                switch sigil {
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                    depth += 1
                    if depth > Self.maximumDepth {
                        throw SiteBuildError(.templatesTooDeep, at: SourceLocation(file: name, line: tagLine, column: tagColumn),
                                             "sections are nested more than \(Self.maximumDepth) deep")
                    }
                case UInt8(ascii: "/"): depth = max(0, depth - 1)
                case UInt8(ascii: ">"), UInt8(ascii: "$"), UInt8(ascii: "<"), UInt8(ascii: "%"), UInt8(ascii: "="): cuttable = false
                default: break
                }
                if sigil == UInt8(ascii: "$") || sigil == UInt8(ascii: "<") { cuttable = false }
                let text = String(decoding: body, as: UTF8.self).trimmingSpaces
                tags.append(Tag(sigil: sigil, name: text.hasSuffix("}") && triple ? String(text.dropLast()) : text, line: tagLine, column: tagColumn))
                i = min(j + end.count, bytes.count)
                continue
            }
            i += 1
            // A cut between this byte and the next: outside every section, after a newline or
            // between two text bytes.
            if depth == 0, i - pieceStart >= Self.pieceLength, i < bytes.count,
               bytes[i - 1] == 0x0A || (isText(bytes[i - 1]) && isText(bytes[i])) {
                cut(at: i)
            }
        }
        pieces.append((pieceStart..<bytes.count, pieceLine, pieceColumn))
        scanned = cuttable
        if !cuttable {
            pieces = [(0..<bytes.count, 1, 0)]
            tags = []
        }
    }

    /// The first tag whose name is not one of `known` (a transform's argument counts: `upper(x)`
    /// names `x`; a dotted name by its first part; `.` is the current value).
    func unknownName(known: Set<String>) -> Tag? {
        tags.first { tag in
            guard tag.sigil == nil || [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "&"), UInt8(ascii: "{")].contains(tag.sigil!) else { return false }
            var name = Substring(tag.name)
            if let open = name.lastIndex(of: "(") { name = name[name.index(after: open)...].prefix { $0 != ")" } }
            let first = name.prefix { $0 != "." }
            return !(name == "." || known.contains(String(first).trimmingSpaces))
        }
    }
}
