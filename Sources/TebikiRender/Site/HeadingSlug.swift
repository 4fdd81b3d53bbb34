/// Heading anchors as GitHub computes them for Markdown: lower-cased, everything but letters,
/// marks, numbers, `_`, `-` and spaces removed, spaces turned into `-`, repeats numbered `-1`,
/// `-2`. The site gives HTML headings the same ids, so one anchor names a heading in both forms.
package struct HeadingSlug: Sendable {
    /// A slug as a dictionary key, hashed once. `next` looks a slug up and stores it again, and a
    /// `String` key is hashed on every use. Equality is still the `String`'s (canonical
    /// equivalence), so repeats are numbered exactly as with `[String: Int]`.
    struct Key: Hashable, Sendable {
        let text: String
        let hash: Int

        init(_ text: String) {
            self.text = text
            hash = text.hashValue
        }

        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.text == b.text }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    private var seen: [Key: Int] = [:]

    /// A fresh counter for one page.
    package init() {}

    /// The slug of a heading's text, before repeats are numbered.
    package static func base(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: base(utf8: $0), as: UTF8.self) }
    }

    /// `base` over the text's UTF-8 bytes. `String.lowercased()` maps scalar by scalar (no
    /// context, such as a final sigma), so lower-casing each scalar here as we go is the same:
    /// ASCII by byte, any other scalar by its `lowercaseMapping`.
    static func base(utf8 text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count, text[i] < 0x80 {
            appendASCII(text[i], to: &out)
            i += 1
        }
        guard i < text.count else { return out }
        // The rest scalar by scalar (a String's bytes are valid UTF-8; a bad byte would decode
        // to U+FFFD, a symbol, as `String(decoding:)` would make it).
        var decoder = UTF8()
        var bytes = UnsafeBufferPointer(rebasing: text[i...]).makeIterator()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let c):
                if c.isASCII { appendASCII(UInt8(c.value), to: &out); continue }
                switch c.value {
                case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x4E00...0x9FFF:
                    // Kana, the prolonged sound mark and kanji (most of a Japanese heading):
                    // letters without case, kept without looking their properties up. The tests
                    // check every scalar against the properties.
                    out.append(contentsOf: UTF8.encode(c)!)
                    continue
                default:
                    break
                }
                // Most other scalars are their own lower case too: no mapping String is made.
                guard c.properties.changesWhenLowercased else { appendOther(c, to: &out); continue }
                for l in c.properties.lowercaseMapping.unicodeScalars {
                    if l.isASCII { appendASCII(UInt8(l.value), to: &out) } else { appendOther(l, to: &out) }
                }
            case .emptyInput:
                return out
            case .error:
                continue
            }
        }
    }

    /// An ASCII scalar (already or not yet lower-cased) of a slug: the same categories as
    /// `appendOther`, by byte: letters and digits kept (lower-cased), `_` is a connector
    /// punctuation, `-` and space become `-`, the rest is punctuation, symbols or controls.
    @inline(__always)
    private static func appendASCII(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            out.append(b)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            out.append(b | 0x20)
        case UInt8(ascii: "-"), UInt8(ascii: " "):
            out.append(UInt8(ascii: "-"))
        default:
            break
        }
    }

    /// A lower-cased non-ASCII scalar of a slug: kept if a letter, mark, number or connector.
    private static func appendOther(_ c: Unicode.Scalar, to out: inout [UInt8]) {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
            out.append(contentsOf: UTF8.encode(c)!)
        default:
            break
        }
    }

    /// The next heading's anchor on the page: its base slug, numbered when already taken.
    package mutating func next(_ text: String) -> String {
        next(base: HeadingSlug.base(text))
    }

    /// `next` for a heading's text as UTF-8 bytes.
    mutating func next(utf8 text: UnsafeBufferPointer<UInt8>) -> String {
        next(base: String(decoding: HeadingSlug.base(utf8: text), as: UTF8.self))
    }

    /// The anchor for a base slug: itself the first time, then numbered.
    private mutating func next(base b: String) -> String {
        let key = Key(b)
        if let n = seen[key] {
            seen[key] = n + 1
            var candidate = Key("\(b)-\(n)")
            while seen[candidate] != nil { candidate = Key(candidate.text + "-1") }
            seen[candidate] = 1
            return candidate.text
        }
        seen[key] = 1
        return b
    }
}
