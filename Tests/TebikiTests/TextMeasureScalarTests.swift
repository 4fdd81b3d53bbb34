import TebikiModel
import Testing
@testable import TebikiRender

/// A label is measured and wrapped as its `Character`s are: `TextMeasure` reads most labels
/// scalar by scalar, and must give what reading them `Character` by `Character` gives, on texts
/// where the two could part.
@Suite("Diagram labels measured and wrapped by their Characters")
struct TextMeasureScalarTests {
    static let texts: [String] = [
        "",
        " ",
        "  leading and trailing  ",
        "返金",
        "特別プロモーション期間中に購入した注文ですか?",
        "今日 (返金をリクエストする日) は、注文の支払日から 7 暦日以内ですか? 支払日を 0 日目として、7 日目までが期限内です。",
        "「クラウド製品へのデプロイ」（SSL）。、",
        "Is today (the day you request the refund) within 7 calendar days of paying for the order?",
        "Supercalifragilisticexpialidocious-is-a-very-long-token-indeed",
        "ＡＢＣ　全角スペース　と　ﾊﾝｶｸ",
        "\u{212A}elvin \u{212B}ngström \u{2126}hm",          // singletons canonically equal to other letters
        "e\u{301}t\u{301}e\u{301} café",                      // combining marks join their base
        "が\u{3099}ぱ",                                       // a combining voiced mark
        "👍🏽 ok 👨‍👩‍👧 family 🇯🇵 flag",                        // emoji modifiers, joiners, flags
        "a\r\nb\tc\nd",                                      // \r\n is one Character
        "\u{FEFF}zero\u{200B}width",
        "한국어 텍스트",                                     // Hangul syllables
        "ᄀ\u{1161}\u{11A8} jamo",                            // conjoining jamo
        "𠀋𡈽 ideographs beyond the BMP",
        "“quoted” ‘single’ — dash… №5 ½ ±1 ≠ 2",
        "ＭＷmw@%&#?<>=+_~\"'.,:;!|IifTt()[]{}",
    ]

    @Test("width", arguments: texts, [false, true])
    func width(_ text: String, bold: Bool) {
        let measure = TextMeasure(fontSize: 14, bold: bold)
        let byCharacter = measure.tenths(TextMeasure.characterAdvances(text, bold: bold))
        #expect(measure.width(text) == byCharacter)
    }

    @Test("one scalar's advance is its Character's", arguments: [false, true])
    func scalarAdvance(bold: Bool) {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x3FF, 0x2000...0x27FF, 0x3000...0x33FF, 0x4E00...0x4E80, 0xF900...0xF9FF,
                                             0xFF00...0xFFEF, 0x1F300...0x1F3FF, 0x20000...0x20100, 0x2F800...0x2FA1F]
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                #expect(TextMeasure.advance(s, bold: bold) == TextMeasure.advance(Character(s), bold: bold), "U+\(String(v, radix: 16))")
            }
        }
    }

    @Test("tokens", arguments: texts)
    func tokens(_ text: String) {
        guard ScalarCharacters.joinsNothing(text) else { return }
        #expect(TextMeasure.scalarTokens(text) == TextMeasure.tokens(text))
    }

    @Test("every scalar of the table tokenizes as its Character")
    func singleScalarTokens() {
        var text = ""
        for v in UInt32(0)...0x30000 {
            guard let s = Unicode.Scalar(v), ScalarCharacters.joinsNothing(s) else { continue }
            text.unicodeScalars.append(s)
            if v % 7 == 0 { text += " " }
            if text.unicodeScalars.count > 4000 {
                #expect(TextMeasure.scalarTokens(text) == TextMeasure.tokens(text))
                text = ""
            }
        }
        #expect(TextMeasure.scalarTokens(text) == TextMeasure.tokens(text))
    }

    @Test("wrapping by measured tokens is wrapping by whole lines", arguments: texts)
    func wrap(_ text: String) {
        let measure = TextMeasure(fontSize: 14)
        for maxWidth in [0, 100, 600, 1200, 2240, 100_000] {
            #expect(measure.wrap(text, maxWidth: maxWidth) == measure.wrapJoining(text, maxWidth: maxWidth))
            #expect(measure.balancedWrap(text, maxWidth: maxWidth) == measure.balancedWrapJoining(text, maxWidth: maxWidth))
        }
    }
}
