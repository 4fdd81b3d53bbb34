import TebikiModel
import TebikiRender

/// The text a reader sees in an HTML fragment (a step read back from a page, or the model's step
/// rendered by cmark-gfm), up to the first nested block (a caution, a nested list): tags removed,
/// entities decoded (`HTMLEntity`), white space collapsed, all by `Character`.
enum VisibleText {
    /// The visible text of `html`. Most fragments are read in one pass over their bytes, where
    /// that reads them as `Character`s do (`ScalarCharacters.readsAsScalars`); the rest by
    /// `Character`.
    static func read(html: String) -> String {
        var html = html
        return html.withUTF8 { u in
            let fragment = UnsafeBufferPointer(rebasing: u[..<firstBlock(u)])
            return byScalars(fragment) ?? byCharacters(String(decoding: fragment, as: UTF8.self))
        }
    }

    /// The tags that open a nested block.
    private static let blockTags: [[UInt8]] = ["<blockquote", "<ol", "<ul", "<div", "<aside", "<table"].map { Array($0.utf8) }

    /// The offset of the first nested block's tag (the end when there is none), in one pass.
    /// Each tag has one `<`, its first byte, so no two occurrences overlap: the first of any
    /// is where cutting at each tag's first occurrence in turn would end the fragment.
    private static func firstBlock(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        var from = 0
        while let i = ByteScan.firstIndex(of: UInt8(ascii: "<"), in: u, from: from) {
            for tag in blockTags where ByteScan.hasPrefix(tag, in: u, at: i) { return i }
            from = i + 1
        }
        return u.count
    }

    /// The visible text of a fragment without nested blocks, read `Character` by `Character`.
    private static func byCharacters(_ s: String) -> String {
        var out = ""
        var space = false
        for c in HTMLEntity.decoding(HTMLPostProcessor.removingTags(s)) {
            if c.isWhitespace { space = !out.isEmpty; continue }
            if space { out += " "; space = false }
            out.append(c)
        }
        return out
    }

    /// `byCharacters` in one pass over the UTF-8 bytes, for a fragment that reads the same by
    /// scalar as by `Character` (`readsAsScalars`) and has no numeric entity (it may decode to
    /// a scalar that joins its neighbours); nil for any other fragment. Japanese text qualifies
    /// as readily as English: only the scalars next to markup and white space are examined.
    private static func byScalars(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        guard ScalarCharacters.readsAsScalars(u) else { return nil }
        let text = HTMLPostProcessor.removingTags(u)
        // Entities decoded and white space collapsed, as `byCharacters` does.
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
                let (scalar, length) = ScalarCharacters.scalar(text, at: i)
                if scalar.properties.isWhitespace { separate() } else { for k in i..<(i + length) { put(text[k]) } }
                i += length
                continue
            }
            guard text[i] == UInt8(ascii: "&") else { emit(text[i]); i += 1; continue }
            if i + 1 < text.count, text[i + 1] == UInt8(ascii: "#") { return nil }
            if let semi = text[(i + 1)...].prefix(10).firstIndex(of: UInt8(ascii: ";")),
               let decoded = HTMLEntity.scalar(named: text[(i + 1)..<semi]) {
                // A named entity is ASCII.
                emit(UInt8(decoded.value))
                i = semi + 1
                continue
            }
            emit(UInt8(ascii: "&"))
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
