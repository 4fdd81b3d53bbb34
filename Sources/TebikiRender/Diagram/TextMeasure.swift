import TebikiModel

/// Estimates how wide text is drawn, and wraps it, without a font at hand: full-width (CJK)
/// characters take 1 em, Latin letters about 0.55–0.7 em. Widths are whole tenths of a pixel,
/// so that layouts are exact integers and byte-identical on every machine.
package struct TextMeasure: Sendable, Hashable {
    /// Font size in pixels.
    package var fontSize: Int
    /// Whether the text is bold (Latin letters are a little wider).
    package var bold: Bool

    /// Creates a measure for one font size.
    package init(fontSize: Int, bold: Bool = false) {
        self.fontSize = fontSize
        self.bold = bold
    }

    /// The width of `text` in tenths of a pixel.
    /// Summed scalar by scalar when every scalar is a `Character` of its own
    /// (`ScalarCharacters.joinsNothing`), which spares making a `Character` of each; otherwise
    /// `Character` by `Character`.
    package func width(_ text: String) -> Int {
        var hundredthsOfEm = 0
        for s in text.unicodeScalars {
            guard ScalarCharacters.joinsNothing(s) else { return tenths(TextMeasure.characterAdvances(text, bold: bold)) }
            hundredthsOfEm += TextMeasure.advance(s, bold: bold)
        }
        return tenths(hundredthsOfEm)
    }

    /// The advances of `text`'s `Character`s, hundredths of an em (any text).
    static func characterAdvances(_ text: String, bold: Bool) -> Int {
        var hundredthsOfEm = 0
        for c in text { hundredthsOfEm += advance(c, bold: bold) }
        return hundredthsOfEm
    }

    /// The width in tenths of a pixel of characters whose advances add up to `hundredthsOfEm`.
    func tenths(_ hundredthsOfEm: Int) -> Int { (hundredthsOfEm * fontSize + 9) / 10 }

    /// The text broken into lines no wider than `maxWidth` (tenths of a pixel): at spaces, between
    /// full-width characters (not before closing or after opening punctuation), and inside a word
    /// only when the word alone is too wide.
    package func wrap(_ text: String, maxWidth: Int) -> [String] {
        guard let tokens = MeasuredTokens(text, measure: self) else { return wrapJoining(text, maxWidth: maxWidth) }
        return tokens.lines(maxWidth: maxWidth, keepText: true).lines
    }

    /// The text wrapped as `wrap` does, into as few lines, but with the lines as even as possible
    /// (the narrowest width that needs no more lines), so that a label does not end in one word.
    package func balancedWrap(_ text: String, maxWidth: Int) -> [String] {
        balancedLines(text, maxWidth: maxWidth).lines
    }

    /// `balancedWrap`'s lines with their widths (tenths of a pixel).
    func balancedLines(_ text: String, maxWidth: Int) -> (lines: [String], widths: [Int]) {
        guard let tokens = MeasuredTokens(text, measure: self) else {
            let lines = balancedWrapJoining(text, maxWidth: maxWidth)
            return (lines, lines.map(width))
        }
        let first = tokens.lines(maxWidth: maxWidth, keepText: true)
        guard first.widths.count > 1 else { return first }
        var low = 0, high = first.widths.max() ?? maxWidth  // high always fits in as many lines
        while high - low > 10 {
            let mid = (low + high) / 2
            if tokens.lines(maxWidth: mid, keepText: false).widths.count <= first.widths.count { high = mid } else { low = mid }
        }
        return tokens.lines(maxWidth: high, keepText: true)
    }

    /// A text's tokens measured once, so that it can be wrapped at many widths with sums of
    /// integers instead of measuring every candidate line again. Only for texts whose characters
    /// are single scalars that never join a neighbour into one grapheme cluster
    /// (`ScalarCharacters.joinsNothing`):
    /// then a line is exactly as wide as the sum of its pieces.
    struct MeasuredTokens {
        let measure: TextMeasure
        let tokens: [Token]
        /// Each token's advance, hundredths of an em.
        let advances: [Int]
        let spaceAdvance: Int

        /// Nil when the text has a character that might join its neighbours (`wrapJoining` then).
        init?(_ text: String, measure: TextMeasure) {
            guard ScalarCharacters.joinsNothing(text) else { return nil }
            self.measure = measure
            tokens = TextMeasure.scalarTokens(text)
            advances = tokens.map { t in t.text.unicodeScalars.reduce(0) { $0 + TextMeasure.advance($1, bold: measure.bold) } }
            spaceAdvance = TextMeasure.advance(Unicode.Scalar(" "), bold: measure.bold)
        }

        /// The lines at `maxWidth` (left empty unless `keepText`) and each line's width: the
        /// same breaks as `wrapJoining`.
        func lines(maxWidth: Int, keepText: Bool) -> (lines: [String], widths: [Int]) {
            var lines: [String] = []
            var widths: [Int] = []
            var line = ""
            var lineAdvance = 0
            var lineEmpty = true
            func endLine() {
                if keepText { lines.append(line); line = "" }
                widths.append(measure.tenths(lineAdvance))
                lineAdvance = 0
                lineEmpty = true
            }
            for (token, advance) in zip(tokens, advances) {
                let space = token.spaceBefore && !lineEmpty
                let joined = lineAdvance + (space ? spaceAdvance : 0) + advance
                if measure.tenths(joined) <= maxWidth {
                    if keepText { line += space ? " " + token.text : token.text }
                    lineAdvance = joined
                    lineEmpty = false
                    continue
                }
                if !lineEmpty { endLine() }
                if measure.tenths(advance) <= maxWidth {
                    if keepText { line = token.text }
                    lineAdvance = advance
                    lineEmpty = false
                    continue
                }
                // A token wider than a line on its own is cut between characters.
                for c in token.text.unicodeScalars {
                    let a = TextMeasure.advance(c, bold: measure.bold)
                    if !lineEmpty && measure.tenths(lineAdvance + a) > maxWidth { endLine() }
                    if keepText { line.unicodeScalars.append(c) }
                    lineAdvance += a
                    lineEmpty = false
                }
            }
            if !lineEmpty { endLine() }
            return widths.isEmpty ? ([""], [0]) : (lines, widths)
        }
    }

    /// `wrap` for any text: every candidate line measured whole (characters may join across a cut).
    func wrapJoining(_ text: String, maxWidth: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for token in TextMeasure.tokens(text) {
            let space = token.spaceBefore && !line.isEmpty ? " " : ""
            if width(line + space + token.text) <= maxWidth {
                line += space + token.text
                continue
            }
            if !line.isEmpty { lines.append(line); line = "" }
            if width(token.text) <= maxWidth { line = token.text; continue }
            // A token wider than a line on its own is cut between characters.
            for c in token.text {
                if !line.isEmpty && width(line + String(c)) > maxWidth { lines.append(line); line = "" }
                line.append(c)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// `balancedWrap` for any text, with `wrapJoining`.
    func balancedWrapJoining(_ text: String, maxWidth: Int) -> [String] {
        let lines = wrapJoining(text, maxWidth: maxWidth)
        guard lines.count > 1 else { return lines }
        var low = 0, high = lines.map(width).max() ?? maxWidth  // high always fits in lines.count
        while high - low > 10 {
            let mid = (low + high) / 2
            if wrapJoining(text, maxWidth: mid).count <= lines.count { high = mid } else { low = mid }
        }
        return wrapJoining(text, maxWidth: high)
    }

    /// A piece of text that is never broken (unless too wide for a line), and whether a space
    /// stood before it.
    struct Token: Equatable { var text: String; var spaceBefore: Bool }

    static func tokens(_ text: String) -> [Token] { tokens(of: text) }

    /// `tokens` for a text whose scalars are each a `Character` (`ScalarCharacters.joinsNothing`), read scalar by
    /// scalar: the same tokens, without making a `Character` of each scalar or hashing it.
    /// A `Character` of one scalar is white space, wide, closing or opening exactly when the
    /// scalar is (no scalar of `joinsNothing`'s ranges is canonically equivalent to another
    /// member of `closing` or `opening`).
    static func scalarTokens(_ text: String) -> [Token] { tokens(of: text.unicodeScalars) }

    /// The tokens of a text read as `Character`s or as scalars (one algorithm for both).
    private static func tokens<Units: Sequence>(of units: Units) -> [Token] where Units.Element: TokenUnit {
        var tokens: [Token] = []
        var current = ""
        var spaceBefore = false
        var glueNext = false  // the last character opens (「, "(") and holds on to what follows
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current, spaceBefore: spaceBefore)); current = ""; spaceBefore = false }
        }
        for c in units {
            if c.isSpace {
                flush(); spaceBefore = !tokens.isEmpty; glueNext = false
                continue
            }
            if c.isClosing {
                // Never starts a line: stays with what precedes it.
                if current.isEmpty, !spaceBefore, let last = tokens.popLast() { current = last.text; spaceBefore = last.spaceBefore }
                c.append(to: &current)
                glueNext = false
                continue
            }
            if glueNext || current.isEmpty {
                c.append(to: &current)
            } else if c.isWide || Units.Element.last(of: current)?.isWide == true {
                // A break is allowed between full-width characters and at a change of script.
                flush(); c.append(to: &current)
            } else {
                c.append(to: &current)
            }
            glueNext = c.isOpening
        }
        flush()
        return tokens
    }

    static let closingScalars = Set(String(closing).unicodeScalars)
    static let openingScalars = Set(String(opening).unicodeScalars)

    static let closing: Set<Character> = Set("、。，．・：；？！）」』】〕〉》〙〗”’ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;!?)]}%")
    static let opening: Set<Character> = Set("（「『【〔〈《〘〖“‘([{")

    /// Whether a character is drawn full width (CJK ideographs, kana, full-width forms, CJK punctuation).
    static func isWide(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return isWide(s)
    }

    /// `isWide` of a character that starts with `s`.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The advance of one character in hundredths of an em, generous so that text never overflows
    /// its box in the common system fonts (DejaVu Sans, Segoe UI, Helvetica, Hiragino, Noto CJK).
    static func advance(_ c: Character, bold: Bool) -> Int {
        if isWide(c) { return 100 }
        let base: Int
        switch c {
        case " ": base = 32
        case "i", "j", "l", "'", ".", ",", ":", ";", "!", "|", "I", "f", "t", "(", ")", "[", "]": base = 36
        case "m", "w", "M", "W", "@", "%": base = 92
        case "A"..."Z", "0"..."9", "&", "#", "?", "<", ">", "=", "+", "_", "~", "\"": base = 72
        default: base = 62
        }
        return bold ? base + base / 10 : base
    }

    /// `advance` of the `Character` that is the scalar `s` alone, without making it: ASCII by
    /// its byte, wide scalars 1 em. Any other scalar is measured as its `Character`, since a
    /// `Character` compares by canonical equivalence (U+212A KELVIN SIGN is "K", 0.72 em).
    static func advance(_ s: Unicode.Scalar, bold: Bool) -> Int {
        guard s.isASCII else { return isWide(s) ? 100 : advance(Character(s), bold: bold) }
        let base: Int
        switch UInt8(s.value) {
        case UInt8(ascii: " "): base = 32
        case UInt8(ascii: "i"), UInt8(ascii: "j"), UInt8(ascii: "l"), UInt8(ascii: "'"), UInt8(ascii: "."), UInt8(ascii: ","),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "I"), UInt8(ascii: "f"),
             UInt8(ascii: "t"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"): base = 36
        case UInt8(ascii: "m"), UInt8(ascii: "w"), UInt8(ascii: "M"), UInt8(ascii: "W"), UInt8(ascii: "@"), UInt8(ascii: "%"): base = 92
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "&"), UInt8(ascii: "#"),
             UInt8(ascii: "?"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "_"),
             UInt8(ascii: "~"), UInt8(ascii: "\""): base = 72
        default: base = 62
        }
        return bold ? base + base / 10 : base
    }
}

/// What the tokenizer reads a text by: a `Character`, or a scalar of a text whose scalars are
/// each a `Character`.
private protocol TokenUnit {
    var isSpace: Bool { get }
    var isWide: Bool { get }
    var isClosing: Bool { get }
    var isOpening: Bool { get }
    func append(to text: inout String)
    static func last(of text: String) -> Self?
}

extension Character: TokenUnit {
    fileprivate var isSpace: Bool { isWhitespace }
    fileprivate var isWide: Bool { TextMeasure.isWide(self) }
    fileprivate var isClosing: Bool { TextMeasure.closing.contains(self) }
    fileprivate var isOpening: Bool { TextMeasure.opening.contains(self) }
    fileprivate func append(to text: inout String) { text.append(self) }
    fileprivate static func last(of text: String) -> Character? { text.last }
}

extension Unicode.Scalar: TokenUnit {
    fileprivate var isSpace: Bool { properties.isWhitespace }
    fileprivate var isWide: Bool { TextMeasure.isWide(self) }
    fileprivate var isClosing: Bool { TextMeasure.closingScalars.contains(self) }
    fileprivate var isOpening: Bool { TextMeasure.openingScalars.contains(self) }
    fileprivate func append(to text: inout String) { text.unicodeScalars.append(self) }
    fileprivate static func last(of text: String) -> Unicode.Scalar? { text.unicodeScalars.last }
}
