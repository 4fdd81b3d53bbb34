/// When reading a text scalar by scalar (or over its UTF-8 bytes) finds what reading it
/// `Character` by `Character` finds. The one place that argues it, for the page check's visible
/// text, the HTML post-process's heading text, the diagrams' text measure and Markdown fences.
///
/// A `Character` is a grapheme cluster, and two `Character`s are equal when canonically
/// equivalent. So a scalar read alone can part from its `Character` in two ways:
/// - it joins a neighbour into one `Character` (a combining mark after it, a prepended mark
///   before it, \r\n, joiners, Hangul jamo, flags): `joinsNothing` is the scalars that never do;
/// - its `Character` equals another one: `asciiEquivalent` is the three whose `Character` is
///   an ASCII character (U+037E is ";").
package enum ScalarCharacters {
    /// Whether `s` is in the one table of scalars that never join another scalar of the table
    /// into one `Character`: ASCII but \r, Latin-1 and Latin letters, general punctuation,
    /// arrows and symbols, kana, CJK ideographs and full-width forms. Each is a grapheme break
    /// class Other, Control or LF, and no two of those join (the tests check every scalar of the
    /// table against a partner of every other class). Combining marks, joiners, variation
    /// selectors, emoji modifiers, regional indicators, Hangul jamo and \r are not among them.
    @inlinable
    package static func joinsNothing(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value != 0x0D }
        switch s.value {
        case 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20BF,
             0x2100...0x22FF, 0x2460...0x26FF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,
             0x3100...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF9D,
             0xFFE0...0xFFEE, 0x20000...0x2FFFD:
            return true
        default:
            return false
        }
    }

    /// Whether every scalar of `text` `joinsNothing`: then each scalar is a `Character`.
    package static func joinsNothing(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(joinsNothing)
    }

    /// The ASCII character that the `Character` of the non-ASCII scalar `s` alone equals, if any:
    /// U+037E GREEK QUESTION MARK is ";", U+1FEF GREEK VARIA is "`", U+212A KELVIN SIGN is "K".
    /// The tests check that no other scalar has one.
    @inlinable
    package static func asciiEquivalent(_ s: Unicode.Scalar) -> UInt8? {
        switch s.value {
        case 0x037E: return UInt8(ascii: ";")
        case 0x1FEF: return UInt8(ascii: "`")
        case 0x212A: return UInt8(ascii: "K")
        default: return nil
        }
    }

    /// Whether valid UTF-8 `u` holds a scalar whose `Character` equals the ASCII `byte` but is
    /// not it (`asciiEquivalent`).
    package static func holdsEquivalent(of byte: UInt8, in u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < u.count {
            guard u[i] >= 0xC0 else { i += 1; continue }
            let (s, length) = scalar(u, at: i)
            if asciiEquivalent(s) == byte { return true }
            i += length
        }
        return false
    }

    /// Whether a search of `u` for the ASCII `targets` by byte finds the `Character`s a search by
    /// `Character` finds, also after text between them is removed: every target byte has ASCII
    /// neighbours (no scalar but CR LF joins two ASCII scalars, and no target is CR or LF), and
    /// no scalar equals a target (`asciiEquivalent`). Removing text between two bytes makes them
    /// neighbours, but a removed target byte was their neighbour before, and was checked.
    package static func findsASCIIAsCharacters(_ targets: [UInt8], in u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        var k = 0
        while k < n {
            let b = u[k]
            if b < 0x80 {
                if targets.contains(b), k > 0 && u[k - 1] >= 0x80 || k + 1 < n && u[k + 1] >= 0x80 { return false }
                k += 1
            } else if b >= 0xC0 {
                let (s, length) = scalar(u, at: k)
                if let a = asciiEquivalent(s), targets.contains(a) { return false }
                k += length
            } else {
                k += 1
            }
        }
        return true
    }

    /// Whether reading `u` scalar by scalar finds the ASCII and white-space `Character`s that
    /// reading it `Character` by `Character` finds: true when every `Character` holding an ASCII
    /// or a white-space scalar is that scalar alone (then removing ASCII text such as tags and
    /// entities joins no new `Character` around them either), and no scalar equals an ASCII
    /// character (`asciiEquivalent`). Whether two scalars join is asked of `Character` only where an
    /// ASCII or white-space scalar meets one that does not `joinsNothing`.
    package static func readsAsScalars(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: Unicode.Scalar?
        var previousPlain = false
        var i = 0
        while i < u.count {
            let current: Unicode.Scalar, length: Int
            if u[i] < 0x80 {
                if u[i] == UInt8(ascii: "\r") { return false }
                (current, length) = (Unicode.Scalar(u[i]), 1)
            } else {
                (current, length) = scalar(u, at: i)
                if asciiEquivalent(current) != nil { return false }
            }
            let plain = current.isASCII || current.properties.isWhitespace
            if let p = previous, plain || previousPlain, !joinsNothing(p) || !joinsNothing(current) {
                var pair = String(Character(p))
                pair.unicodeScalars.append(current)
                if pair.count == 1 { return false }
            }
            (previous, previousPlain) = (current, plain)
            i += length
        }
        return true
    }

    /// The scalar whose UTF-8 starts at `i` of valid UTF-8 `u` (a lead byte of two to four
    /// bytes), and its length in bytes.
    @inlinable
    package static func scalar<Bytes: RandomAccessCollection<UInt8>>(_ u: Bytes, at i: Int) -> (Unicode.Scalar, Int) where Bytes.Index == Int {
        let lead = u[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(u[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
