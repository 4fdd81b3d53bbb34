import TebikiModel

/// Deterministic changes to the HTML that cmark-gfm renders from a site page's Markdown:
/// heading ids (the same anchors as the Markdown's, see `HeadingSlug`), `lang` and class spans
/// from `InlineMarker`s, a class on UI labels, the diagrams' SVG and scrollable tables.
/// cmark-gfm's safe mode has already dropped any raw HTML, so every tag here is the site's own.
package enum HTMLPostProcessor {
    /// Gives every `<h1>`…`<h6>` an `id`: the heading's text slugged the way the Markdown is.
    package static func addingHeadingIDs(_ html: String) -> String {
        var html = html
        return html.withUTF8 { String(decoding: addingHeadingIDs($0), as: UTF8.self) }
    }

    /// `addingHeadingIDs` on UTF-8 bytes.
    static func addingHeadingIDs(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // One pass over the UTF-8 bytes, from one `<` to the next (`ByteScan`). The patterns are
        // ASCII, so every cut is a scalar boundary.
        var slugs = HeadingSlug()
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 16)
        var i = 0 // bytes before i are in `out`
        var from = 0
        while let start = ByteScan.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: from) {
            let after = start + 2
            guard after + 1 < n, bytes[start + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[after]),
                  bytes[after + 1] == UInt8(ascii: ">") else {
                from = start + 1
                continue
            }
            let digit = bytes[after]
            let closeTag = [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), digit, UInt8(ascii: ">")]
            let contentStart = after + 2
            guard let close = ByteScan.firstIndex(of: closeTag, in: bytes, from: contentStart) else { break }
            let inner = UnsafeBufferPointer(rebasing: bytes[contentStart..<close])
            let id = if let text = plainText(utf8: inner) {
                text.withUnsafeBufferPointer { slugs.next(utf8: $0) }
            } else {
                slugs.next(plainText(String(decoding: inner, as: UTF8.self)))
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<start]))
            out += [UInt8(ascii: "<"), UInt8(ascii: "h"), digit]
            out += Array(" id=\"\(id)\">".utf8)
            out.append(contentsOf: inner)
            out += closeTag
            i = close + closeTag.count
            from = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<n]))
        return out
    }

    /// Every occurrence of each pattern replaced, in one pass from the left (no pattern's
    /// replacement contains another pattern, so this is the same as replacing them in turn).
    /// Every pattern starts with the same byte (the site's are tags, `<`), found with `ByteScan`.
    static func replacing(_ bytes: UnsafeBufferPointer<UInt8>, _ pairs: [(String, String)]) -> [UInt8] {
        let patterns = pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        guard let lead = patterns.first?.0.first else { return Array(bytes) }
        precondition(patterns.allSatisfy { $0.0.first == lead }, "the patterns start with one byte")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var i = 0 // bytes before i are in `out`
        var from = 0
        scan: while let at = ByteScan.firstIndex(of: lead, in: bytes, from: from) {
            for (pattern, replacement) in patterns where ByteScan.hasPrefix(pattern, in: bytes, at: at) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<at]))
                out += replacement
                i = at + pattern.count
                from = i
                continue scan
            }
            from = at + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
        return out
    }

    /// The diagrams put in place of their marks (`<p>\u{E003}n\u{E003}</p>`), in one pass; nil
    /// when there are none (the bytes are unchanged).
    static func placingDiagrams(_ bytes: UnsafeBufferPointer<UInt8>, _ figures: [String]) -> [UInt8]? {
        guard !figures.isEmpty else { return nil }
        let open = Array("<p>\(InlineMarker.diagram)".utf8), tail = Array("\(InlineMarker.diagram)</p>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + figures.reduce(0) { $0 + $1.utf8.count })
        var i = 0 // bytes before i are in `out`
        var from = 0
        while let start = ByteScan.firstIndex(of: open, in: bytes, from: from) {
            var j = start + open.count
            var number = 0, digits = 0
            while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]), digits < 9 {
                number = number * 10 + Int(bytes[j] - UInt8(ascii: "0")); j += 1; digits += 1
            }
            // The mark of diagram n is written with n's decimal digits (no leading zeros).
            if digits > 0, number < figures.count, String(number).utf8.count == digits, j + tail.count <= bytes.count,
               UnsafeBufferPointer(rebasing: bytes[j..<(j + tail.count)]).elementsEqual(tail) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<start]))
                out += figures[number].utf8
                i = j + tail.count
                from = i
            } else {
                from = start + 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
        return out
    }

    /// `plainText` over UTF-8 bytes, where it is the same by byte as by `Character`: nil when
    /// the tags and entities may not be found by their bytes (`<`, `>`, `&` and `;`, see
    /// `ScalarCharacters.findsASCIIAsCharacters`; marks removed between two bytes make them
    /// neighbours as removed tags do).
    static func plainText(utf8 html: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard ScalarCharacters.findsASCIIAsCharacters(plainTextMarkup, in: html) else { return nil }
        // Tags removed, then marks (U+E000…U+E00F, EE 80 80…8F), as `plainText` does.
        var text = removingTags(html)
        if text.contains(InlineMarker.markLead) {
            var kept: [UInt8] = []
            kept.reserveCapacity(text.count)
            var k = 0
            while k < text.count {
                if k + 2 < text.count && text[k] == 0xEE && text[k + 1] == 0x80 && text[k + 2] & 0xF0 == 0x80 { k += 3 } else { kept.append(text[k]); k += 1 }
            }
            text = kept
        }
        return HTMLEntity.decoding(text)
    }

    /// The bytes that tags and entities are found by.
    private static let plainTextMarkup: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: ";")]

    /// The text of an HTML fragment: tags removed, marks removed, entities decoded (`HTMLEntity`).
    package static func plainText(_ html: String) -> String {
        var html = html
        if let text = html.withUTF8({ plainText(utf8: $0) }) { return String(decoding: text, as: UTF8.self) }
        return HTMLEntity.decoding(InlineMarker.stripped(removingTags(html)))
    }

    /// `html` without its tags: from a `<` to the next `>`, by `Character` (a `<` that carries a
    /// combining mark is text). The page check reads pages back the same way.
    package static func removingTags(_ html: String) -> String {
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
    package static func removingTags(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
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

    /// The full post-process of a page's HTML.
    static func process(_ html: String, diagrams: [MarkdownDocument.DiagramBlock], figureLabel: String) -> String {
        var html = html
        return html.withUTF8 { process($0, diagrams: diagrams, figureLabel: figureLabel) }
    }

    /// The full post-process of a page's HTML as UTF-8 bytes (cmark-gfm's own buffer, see
    /// `CommonMark.withHTML`): no `String` of the page is made until the end.
    static func process(_ html: UnsafeBufferPointer<UInt8>, diagrams: [MarkdownDocument.DiagramBlock], figureLabel: String) -> String {
        let figures = diagrams.map { d in
            let alt = MarkdownDocument.outlineHTML(d.textAlternative)
            return "<figure class=\"diagram\">\n<div class=\"diagram-scroll\">\(d.drawing)</div>\n"
                + "<details><summary>\(HTML.escape(figureLabel))</summary>\n\(alt)</details>\n"
                + "<figcaption>\(HTML.escape(d.caption))</figcaption>\n</figure>"
        }
        return process(html, figures: figures)
    }

    /// `process` with the diagrams' figures already written.
    static func process(_ html: UnsafeBufferPointer<UInt8>, figures: [String]) -> String {
        var bytes = if let placed = placingDiagrams(html, figures) { placed.withUnsafeBufferPointer(addingHeadingIDs) } else { addingHeadingIDs(html) }
        bytes = spans(bytes)
        bytes = bytes.withUnsafeBufferPointer {
            replacing($0, [
                ("<strong>", "<strong class=\"ui-label\">"),
                ("<table>", "<div class=\"table-wrap\"><table>"),
                ("</table>", "</table></div>"),
            ])
        }
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
                    let spec = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    if InlineMarker.isMark(InlineMarker.separator, bytes, at: i) { i += 3 }
                    if let (name, value) = spanAttribute(spec) {
                        out += Array("<span ".utf8)
                        out += name
                        out += [UInt8(ascii: "="), UInt8(ascii: "\"")]
                        out.append(contentsOf: value)
                        out += [UInt8(ascii: "\""), UInt8(ascii: ">")]
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
                    let j = ByteScan.firstIndex(of: InlineMarker.markLead, in: bytes, from: i + 1) ?? bytes.count
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                }
            }
            for _ in 0..<open { out += Array("</span>".utf8) }
            return out
        }
    }

    /// The attribute of a span's spec (`lang=ja`, `class=caution-label`), or nil if it is not
    /// one. It reads the spec as `spec.split(separator: "=", maxSplits: 1)` did: leading `=`s
    /// skipped (empty pieces are dropped and not counted), the name up to the next `=`, the
    /// value the rest. A valid name and value are ASCII, so bytes and `Character`s agree.
    static func spanAttribute(_ spec: UnsafeBufferPointer<UInt8>) -> (name: [UInt8], value: UnsafeBufferPointer<UInt8>)? {
        var s = 0
        while s < spec.count, spec[s] == UInt8(ascii: "=") { s += 1 }
        guard let eq = ByteScan.firstIndex(of: UInt8(ascii: "="), in: spec, from: s) else { return nil }
        let name = Array(spec[s..<eq])
        let value = UnsafeBufferPointer(rebasing: spec[(eq + 1)...])
        guard name == Array("lang".utf8) || name == Array("class".utf8), !value.isEmpty,
              value.allSatisfy({ b in
                  (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "-")
              }) else { return nil }
        return (name, value)
    }
}

/// HTML escaping of text for templates and attributes the site writes itself.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        ASCIIEscapes.html.apply(InlineMarker.stripped(text))
    }
}
