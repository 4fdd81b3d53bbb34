import TebikiModel

/// Marks that Markdown cannot express but HTML needs (a `lang` on a phrase, a class on a label),
/// written as private-use characters that pass through cmark-gfm untouched. The HTML post-process
/// turns them into `<span>`s; the Markdown pages drop them. Text from the model never carries them:
/// `InlineMarker.text` removes private-use characters before escaping.
package enum InlineMarker {
    static let open: Unicode.Scalar = "\u{E000}"
    static let separator: Unicode.Scalar = "\u{E001}"
    static let close: Unicode.Scalar = "\u{E002}"
    /// Stands for a diagram to be put in by the HTML post-process (`\u{E003}n\u{E003}`).
    static let diagram: Unicode.Scalar = "\u{E003}"

    /// A phrase in `language`: `<span lang="ja">` in HTML, plain in Markdown.
    static func lang(_ language: LanguageID, _ markdown: String) -> String {
        "\(open)lang=\(language)\(separator)\(markdown)\(close)"
    }

    /// A phrase with a CSS class (`caution-label`): `<span class="…">` in HTML, plain in Markdown.
    static func styled(_ cssClass: String, _ markdown: String) -> String {
        "\(open)class=\(cssClass)\(separator)\(markdown)\(close)"
    }

    /// Model text made safe: private-use marks removed, then CommonMark-escaped.
    package static func text(_ text: String) -> String {
        Markdown.escape(stripped(text))
    }

    /// Model text with the marks' characters removed (they are reserved for the site's markup).
    static func stripped(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // U+E000…U+E00F are EE 80 80…8F in UTF-8 (EE is never a continuation byte).
            guard let first = bytes.indices.first(where: { isReserved(bytes, at: $0) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            out += bytes[..<first]
            var i = first
            while i < bytes.count {
                if isReserved(bytes, at: i) { i += 3 } else { out.append(bytes[i]); i += 1 }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Whether one of U+E000…U+E00F starts at byte `i`.
    private static func isReserved(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xEE && bytes[i + 1] == 0x80 && bytes[i + 2] & 0xF0 == 0x80
    }

    /// The first UTF-8 byte of every mark.
    static let markLead: UInt8 = 0xEE

    /// Whether the mark `scalar` (one of U+E000…U+E00F) starts at byte `i` (false at the end).
    static func isMark(_ scalar: Unicode.Scalar, _ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xEE && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 | UInt8(scalar.value - 0xE000)
    }

    /// The Markdown with every mark removed (for the `.md` pages).
    static func removed(from markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if isMark(open, bytes, at: i) {
                    // Skip the spec and the separator after it.
                    i += 3
                    while i < bytes.count && !isMark(separator, bytes, at: i) { i += 1 }
                    i = min(i + 3, bytes.count)
                } else if isMark(close, bytes, at: i) || isMark(separator, bytes, at: i) {
                    i += 3
                } else {
                    // Up to the next byte that may start a mark, copied at once.
                    var j = i + 1
                    while j < bytes.count, bytes[j] != markLead { j += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    i = j
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
