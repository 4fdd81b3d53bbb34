import Testing
import TebikiRender

@Suite("Diagram text measure and wrapping")
struct DiagramTextMeasureTests {
    let measure = TextMeasure(fontSize: 14)

    @Test("full-width characters count 1 em, Latin letters less")
    func widths() {
        #expect(measure.width("返金") == 280)             // 2 × 14 px, in tenths
        #expect(measure.width("ア") == 140)
        #expect(measure.width("ＡＢ") == 280)             // full-width forms
        let latin = measure.width("refund")
        #expect(latin > 6 * 14 * 5 && latin < 6 * 14 * 8)  // between 0.5 em and 0.8 em a letter
        #expect(TextMeasure(fontSize: 14, bold: true).width("Refund") > measure.width("Refund"))
        #expect(measure.width("") == 0)
    }

    @Test("lines fit and no text is lost", arguments: [
        "特別プロモーション期間中に購入した注文ですか?",
        "今日 (返金をリクエストする日) は、注文の支払日から 7 暦日以内ですか? 支払日を 0 日目として、7 日目までが期限内です。",
        "Is today (the day you request the refund) within 7 calendar days of paying for the order?",
        "HTTPS アクセラレーションゲートウェイのインスタンスにドメイン名を追加しましたか?",
        "「クラウド製品へのデプロイ」",
        "Supercalifragilisticexpialidocious-is-a-very-long-token-indeed",
        "短い",
    ])
    func wrapKeepsText(_ text: String) {
        for maxWidth in [600, 1200, 2240] {
            let lines = measure.wrap(text, maxWidth: maxWidth)
            for line in lines {
                #expect(measure.width(line) <= maxWidth, "\(line) is too wide for \(maxWidth)")
                #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
            }
            // Nothing lost or added but the spaces the breaks took.
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            let balanced = measure.balancedWrap(text, maxWidth: maxWidth)
            #expect(balanced.count == lines.count)
            #expect(balanced.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test("no line starts with closing punctuation or ends with an opening one")
    func kinsoku() {
        let text = "証明書の失効審査が完了している場合、完了したのは支払日から 7 暦日以内でしたか?「証明書」(SSL)。"
        for maxWidth in stride(from: 800, through: 2400, by: 70) {  // at least the widest unbreakable piece
            for line in measure.wrap(text, maxWidth: maxWidth) {
                #expect(!"、。)」?".contains(line.first!), "line starts with closing punctuation: \(line)")
                #expect(!"「(".contains(line.last!), "line ends with opening punctuation: \(line)")
            }
        }
    }

    @Test("Latin words are broken only at spaces when they fit")
    func latinWords() {
        let lines = measure.wrap("How much did you actually pay in cash for the order (USD)?", maxWidth: 1400)
        let words = Set("How much did you actually pay in cash for the order (USD)?".split(separator: " ").map(String.init))
        for line in lines {
            for word in line.split(separator: " ") { #expect(words.contains(String(word)), "\(word) was cut") }
        }
        #expect(lines.count > 1)
        // A Latin word inside Japanese stays whole too.
        for line in measure.wrap("HTTPS アクセラレーションゲートウェイ", maxWidth: 900) {
            #expect(!line.hasSuffix("HTT") && !line.hasPrefix("PS"))
        }
    }

    @Test("balanced wrapping evens the lines")
    func balanced() {
        let text = "Did you buy the order during a special promotion?"
        let greedy = measure.wrap(text, maxWidth: 2240)
        let even = measure.balancedWrap(text, maxWidth: 2240)
        #expect(greedy.count == 2 && even.count == 2)
        let spread = { (ls: [String]) in (ls.map(measure.width).max() ?? 0) - (ls.map(measure.width).min() ?? 0) }
        #expect(spread(even) < spread(greedy))
    }
}
