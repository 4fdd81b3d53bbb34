import Foundation

/// Deterministic changes to the HTML that cmark-gfm renders from a site page's Markdown:
/// heading ids (the same anchors as the Markdown's, see `HeadingSlug`), `lang` and class spans
/// from `InlineMarker`s, a class on UI labels, the diagrams' SVG and scrollable tables.
/// cmark-gfm's safe mode has already dropped any raw HTML, so every tag here is the site's own.
public enum HTMLPostProcessor {
    /// Gives every `<h1>`…`<h6>` an `id`: the heading's text slugged the way the Markdown is.
    public static func addingHeadingIDs(_ html: String) -> String {
        String(decoding: addingHeadingIDs(Array(html.utf8)), as: UTF8.self)
    }

    /// `addingHeadingIDs` on UTF-8 bytes.
    static func addingHeadingIDs(_ bytes: [UInt8]) -> [UInt8] {
        // One pass over the UTF-8 bytes (Foundation's `range(of:)` over whole pages was a quarter
        // of the site's build time). The patterns are ASCII, so every cut is a character boundary.
        var slugs = HeadingSlug()
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 16)
        let open = Array("<h".utf8)
        var i = 0
        while let start = find(open, in: bytes, from: i) {
            let after = start + 2
            guard after + 1 < n, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[after]), bytes[after + 1] == UInt8(ascii: ">") else {
                out += bytes[i..<after]
                i = after
                continue
            }
            let digit = bytes[after]
            let closeTag = Array("</h".utf8) + [digit, UInt8(ascii: ">")]
            let contentStart = after + 2
            guard let close = find(closeTag, in: bytes, from: contentStart) else { break }
            let inner = bytes[contentStart..<close]
            let id = slugs.next(plainText(String(decoding: inner, as: UTF8.self)))
            out += bytes[i..<start]
            out += open + [digit] + Array(" id=\"\(id)\">".utf8)
            out += inner
            out += closeTag
            i = close + closeTag.count
        }
        out += bytes[i..<n]
        return out
    }

    /// The first index at or after `from` where `pattern` starts in `bytes`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Every occurrence of each pattern replaced, in one pass from the left (no pattern's
    /// replacement contains another pattern, so this is the same as replacing them in turn).
    static func replacing(_ bytes: [UInt8], _ pairs: [(String, String)]) -> [UInt8] {
        let patterns = pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        var starts = [Bool](repeating: false, count: 256)
        for (pattern, _) in patterns { starts[Int(pattern[0])] = true }
        return bytes.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var i = 0
            scan: while i < bytes.count {
                if starts[Int(bytes[i])] {
                    for (pattern, replacement) in patterns where i + pattern.count <= bytes.count
                        && UnsafeBufferPointer(rebasing: bytes[i..<(i + pattern.count)]).elementsEqual(pattern) {
                        out += replacement
                        i += pattern.count
                        continue scan
                    }
                }
                // Up to the next byte that may start a pattern, copied at once.
                var j = i + 1
                while j < bytes.count, !starts[Int(bytes[j])] { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                i = j
            }
            return out
        }
    }

    /// The diagrams put in place of their marks (`<p>\u{E003}n\u{E003}</p>`), in one pass.
    static func placingDiagrams(_ bytes: [UInt8], _ figures: [String]) -> [UInt8] {
        guard !figures.isEmpty else { return bytes }
        let open = Array("<p>\(InlineMarker.diagram)".utf8), marker = Array("\(InlineMarker.diagram)".utf8), close = Array("</p>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + figures.reduce(0) { $0 + $1.utf8.count })
        var i = 0
        while let start = find(open, in: bytes, from: i) {
            var j = start + open.count
            var number = 0, digits = 0
            while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]), digits < 9 {
                number = number * 10 + Int(bytes[j] - UInt8(ascii: "0")); j += 1; digits += 1
            }
            let tail = marker + close
            // The mark of diagram n is written with n's decimal digits (no leading zeros).
            if digits > 0, number < figures.count, String(number).utf8.count == digits, j + tail.count <= bytes.count,
               bytes[j..<(j + tail.count)].elementsEqual(tail) {
                out += bytes[i..<start]
                out += Array(figures[number].utf8)
                i = j + tail.count
            } else {
                out += bytes[i..<(start + 1)]
                i = start + 1
            }
        }
        out += bytes[i...]
        return out
    }

    /// The text of an HTML fragment: tags removed, cmark's entities decoded, marks removed.
    public static func plainText(_ html: String) -> String {
        if html.utf8.allSatisfy({ $0 < 0x80 }) { return asciiPlainText(html) }
        var text = InlineMarker.stripped(removingTags(html))
        // Every entity starts with `&`.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingAll(entity, with: value)
        }
        return text
    }

    /// `html` without its tags: from a `<` to the next `>`, by `Character` (a `<` that carries a
    /// combining mark is text). The page check reads pages back the same way.
    public static func removingTags(_ html: String) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { text.append(c) }
        }
        return text
    }

    /// `removingTags` over UTF-8 bytes, for text that reads the same by scalar as by `Character`
    /// (`<` and `>` are never part of a longer scalar's bytes).
    public static func removingTags(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var inTag = false
        for b in bytes {
            if b == UInt8(ascii: "<") { inTag = true; continue }
            if b == UInt8(ascii: ">") && inTag { inTag = false; continue }
            if !inTag { text.append(b) }
        }
        return text
    }

    /// `plainText` of ASCII HTML, in one pass over the bytes: there every byte is a Character (or
    /// half of a CR LF, which no pattern holds), no mark can occur, and decoding the entities from
    /// the left is the same as replacing them in turn, `&amp;` last (no replacement makes another
    /// entity, and `&amp;`'s `&` is never read again).
    private static func asciiPlainText(_ html: String) -> String {
        let entities: [([UInt8], UInt8)] = [
            (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
            (Array("&#39;".utf8), UInt8(ascii: "'")), (Array("&amp;".utf8), UInt8(ascii: "&")),
        ]
        var html = html
        return html.withUTF8 { bytes in
            let text = removingTags(bytes)
            var out: [UInt8] = []
            out.reserveCapacity(text.count)
            var i = 0
            scan: while i < text.count {
                if text[i] == UInt8(ascii: "&") {
                    for (entity, value) in entities where i + entity.count <= text.count && text[i..<(i + entity.count)].elementsEqual(entity) {
                        out.append(value)
                        i += entity.count
                        continue scan
                    }
                }
                out.append(text[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The full post-process of a page's HTML.
    static func process(_ html: String, diagrams: [MarkdownDocument.DiagramBlock], figureLabel: String) -> String {
        let figures = diagrams.map { d in
            let alt = MarkdownDocument.outlineHTML(d.textAlternative)
            return "<figure class=\"diagram\">\n<div class=\"diagram-scroll\">\(d.drawing)</div>\n"
                + "<details><summary>\(HTML.escape(figureLabel))</summary>\n\(alt)</details>\n"
                + "<figcaption>\(HTML.escape(d.caption))</figcaption>\n</figure>"
        }
        var bytes = placingDiagrams(Array(html.utf8), figures)
        bytes = addingHeadingIDs(bytes)
        bytes = spans(bytes)
        bytes = replacing(bytes, [
            ("<strong>", "<strong class=\"ui-label\">"),
            ("<table>", "<div class=\"table-wrap\"><table>"),
            ("</table>", "</table></div>"),
        ])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `InlineMarker` spans to `<span lang|class>`; a malformed mark is dropped.
    static func spans(_ html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var open = 0
            var i = 0
            while i < bytes.count {
                if InlineMarker.isMark(InlineMarker.open, bytes, at: i) {
                    // The spec runs to the separator (dropped), a close mark or a tag.
                    i += 3
                    let start = i
                    while i < bytes.count, !InlineMarker.isMark(InlineMarker.separator, bytes, at: i),
                          !InlineMarker.isMark(InlineMarker.close, bytes, at: i), bytes[i] != UInt8(ascii: "<") {
                        i += 1
                    }
                    let spec = String(decoding: bytes[start..<i], as: UTF8.self)
                    if InlineMarker.isMark(InlineMarker.separator, bytes, at: i) { i += 3 }
                    let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                    if parts.count == 2, ["lang", "class"].contains(parts[0]), !parts[1].isEmpty,
                       parts[1].unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                        out += Array("<span \(parts[0])=\"\(parts[1])\">".utf8)
                    } else {
                        out += Array("<span>".utf8)
                    }
                    open += 1
                } else if InlineMarker.isMark(InlineMarker.close, bytes, at: i) {
                    if open > 0 { out += Array("</span>".utf8); open -= 1 }
                    i += 3
                } else if InlineMarker.isMark(InlineMarker.separator, bytes, at: i) || InlineMarker.isMark(InlineMarker.diagram, bytes, at: i) {
                    i += 3
                } else {
                    // Up to the next byte that may start a mark, copied at once.
                    var j = i + 1
                    while j < bytes.count, bytes[j] != InlineMarker.markLead { j += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                }
            }
            for _ in 0..<open { out += Array("</span>".utf8) }
            return out
        }
    }
}

/// HTML escaping of text for templates and attributes the site writes itself.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        ASCIIEscapes.html.apply(InlineMarker.stripped(text))
    }
}
