/// Estimates how wide text is drawn, and wraps it, without a font at hand: full-width (CJK)
/// characters take 1 em, Latin letters about 0.55–0.7 em. Widths are whole tenths of a pixel,
/// so that layouts are exact integers and byte-identical on every machine.
public struct TextMeasure: Sendable, Hashable {
    /// Font size in pixels.
    public var fontSize: Int
    /// Whether the text is bold (Latin letters are a little wider).
    public var bold: Bool

    /// Creates a measure for one font size.
    public init(fontSize: Int, bold: Bool = false) {
        self.fontSize = fontSize
        self.bold = bold
    }

    /// The width of `text` in tenths of a pixel.
    public func width(_ text: String) -> Int {
        var hundredthsOfEm = 0
        for c in text { hundredthsOfEm += TextMeasure.advance(c, bold: bold) }
        return (hundredthsOfEm * fontSize + 9) / 10
    }

    /// The text broken into lines no wider than `maxWidth` (tenths of a pixel): at spaces, between
    /// full-width characters (not before closing or after opening punctuation), and inside a word
    /// only when the word alone is too wide.
    public func wrap(_ text: String, maxWidth: Int) -> [String] {
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

    /// The text wrapped as `wrap` does, into as few lines, but with the lines as even as possible
    /// (the narrowest width that needs no more lines), so that a label does not end in one word.
    public func balancedWrap(_ text: String, maxWidth: Int) -> [String] {
        let lines = wrap(text, maxWidth: maxWidth)
        guard lines.count > 1 else { return lines }
        var low = 0, high = lines.map(width).max() ?? maxWidth  // high always fits in lines.count
        while high - low > 10 {
            let mid = (low + high) / 2
            if wrap(text, maxWidth: mid).count <= lines.count { high = mid } else { low = mid }
        }
        return wrap(text, maxWidth: high)
    }

    /// A piece of text that is never broken (unless too wide for a line), and whether a space
    /// stood before it.
    struct Token: Equatable { var text: String; var spaceBefore: Bool }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var spaceBefore = false
        var glueNext = false  // the last character opens (「, "(") and holds on to what follows
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current, spaceBefore: spaceBefore)); current = ""; spaceBefore = false }
        }
        for c in text {
            if c.isWhitespace {
                flush(); spaceBefore = !tokens.isEmpty; glueNext = false
                continue
            }
            let wide = isWide(c)
            if closing.contains(c) {
                // Never starts a line: stays with what precedes it.
                if current.isEmpty, !spaceBefore, let last = tokens.popLast() { current = last.text; spaceBefore = last.spaceBefore }
                current.append(c)
                glueNext = false
                continue
            }
            if glueNext || current.isEmpty {
                current.append(c)
            } else if wide || current.last.map(isWide) == true {
                // A break is allowed between full-width characters and at a change of script.
                flush(); current.append(c)
            } else {
                current.append(c)
            }
            glueNext = opening.contains(c)
        }
        flush()
        return tokens
    }

    static let closing: Set<Character> = Set("、。，．・：；？！）」』】〕〉》〙〗”’ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;!?)]}%")
    static let opening: Set<Character> = Set("（「『【〔〈《〘〖“‘([{")

    /// Whether a character is drawn full width (CJK ideographs, kana, full-width forms, CJK punctuation).
    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        switch v {
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
}
