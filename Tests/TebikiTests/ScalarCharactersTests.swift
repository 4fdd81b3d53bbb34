import TebikiModel
import Testing

/// The one argument that reading a text by scalar finds its `Character`s (`ScalarCharacters`):
/// its table and its equivalents checked against every scalar.
@Suite("Text: where reading by scalar is reading by Character")
struct ScalarCharactersTests {
    /// Scalars of the grapheme break classes a scalar of the table must not be in: Extend, ZWJ,
    /// SpacingMark, Prepend, Hangul L, V, T, LV, LVT, a regional indicator, CR; and "a" (Other).
    static let extend: Unicode.Scalar = "\u{301}", zwj: Unicode.Scalar = "\u{200D}", spacingMark: Unicode.Scalar = "\u{903}"
    static let prepend: Unicode.Scalar = "\u{600}", hangulL: Unicode.Scalar = "\u{1100}", hangulV: Unicode.Scalar = "\u{1161}"
    static let hangulT: Unicode.Scalar = "\u{11A8}", regional: Unicode.Scalar = "\u{1F1E6}"

    static func characters(_ scalars: Unicode.Scalar...) -> Int {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s.count
    }

    /// The table, in slices (one test each, on every core).
    static let slices: [ClosedRange<UInt32>] = stride(from: UInt32(0), to: 0x110000, by: 0x11000).map { $0...min($0 + 0x10FFF, 0x10FFFF) }

    @Test("every scalar of the table is of class Other, Control or LF, of which no two join", arguments: slices)
    func tableJoinsNothing(_ slice: ClosedRange<UInt32>) {
        for value in slice {
            guard let s = Unicode.Scalar(value), ScalarCharacters.joinsNothing(s) else { continue }
            let name = "U+\(String(value, radix: 16))"
            #expect(Self.characters("a", s) == 2, "\(name) extends")          // not Extend, ZWJ, SpacingMark
            #expect(Self.characters(s, "a") == 2, "\(name) is prepended")     // not Prepend
            #expect(Self.characters(s, Self.hangulV) == 2, "\(name) is L, V or LV")
            #expect(Self.characters(s, Self.hangulT) == 2, "\(name) is LV, LVT, V or T")
            #expect(Self.characters(Self.hangulL, s) == 2, "\(name) is L, V, LV or LVT")
            #expect(Self.characters(Self.regional, s) == 2, "\(name) is a regional indicator")
            #expect(Self.characters(s, "\n") == 2, "\(name) is CR")
        }
    }

    @Test("the classes left out are out of the table")
    func joiningScalarsAreOut() {
        for s in [Self.extend, Self.zwj, Self.spacingMark, Self.prepend, Self.hangulL, Self.hangulV, Self.hangulT, Self.regional,
                  "\r", "\u{3099}", "\u{FE0F}", "\u{1F3FB}", "\u{FF9E}"] as [Unicode.Scalar] {
            #expect(!ScalarCharacters.joinsNothing(s), "U+\(String(s.value, radix: 16))")
        }
        #expect(ScalarCharacters.joinsNothing("「保存」を クリック → Café ½ 𠮷"))
        #expect(!ScalarCharacters.joinsNothing("a\r\nb"))
    }

    @Test("no scalar beyond ASCII equals an ASCII character but the three of asciiEquivalent")
    func asciiEquivalents() {
        // `Character` equality is canonical equivalence.
        let ascii = Set((UInt8(0)...0x7F).map { Character(Unicode.Scalar($0)) })
        var equal: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            let c = Character(s)
            if ascii.contains(c) {
                equal.append(value)
                #expect(ScalarCharacters.asciiEquivalent(s).map { Character(Unicode.Scalar($0)) } == c)
            } else {
                #expect(ScalarCharacters.asciiEquivalent(s) == nil)
            }
        }
        #expect(equal == [0x37E, 0x1FEF, 0x212A])
    }

    static func readsAsScalars(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(ScalarCharacters.readsAsScalars)
    }

    @Test("Japanese prose next to markup reads by scalar; a joining scalar or an equivalent next to it does not")
    func readsAsScalars() {
        #expect(Self.readsAsScalars("「<strong>保存</strong>」を\u{3000}クリック&amp;"))
        #expect(Self.readsAsScalars("Café <em>crème</em> — “quoted” → next"))
        #expect(!Self.readsAsScalars(">\u{301}"))
        #expect(!Self.readsAsScalars("\u{600}<"))
        #expect(!Self.readsAsScalars("&amp\u{37E}"))
        #expect(!Self.readsAsScalars("a\r\nb"))
        #expect(!Self.readsAsScalars(" \u{301}x"))
    }

    @Test("markup found by its bytes only where its neighbours are ASCII and no equivalent occurs")
    func findsASCIIAsCharacters() {
        let markup = Array("<>&;".utf8)
        func finds(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { ScalarCharacters.findsASCIIAsCharacters(markup, in: $0) } }
        #expect(finds("a <b>refund</b> 返金 &amp; x"))
        #expect(!finds("返<b>金</b>"))
        #expect(!finds("a&lt;\u{301}"))
        #expect(!finds("a &amp\u{37E}"))
        #expect(finds("\u{212A} \u{1FEF}"))  // neither is markup
    }
}
