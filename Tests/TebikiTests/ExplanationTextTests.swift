import Testing
import TebikiEngine
import TebikiModel
import TebikiRender

/// How UI labels are set off in the texts a support agent pastes, per language.
struct ExplanationTextTests {
    static let issued = #"{"product": "ssl-certificate", "paid_on": "2025-12-01", "requested_on": "2025-12-02", "cash_paid": "30.00", "certificate_status": "issued"}"#

    struct LabelCase: Sendable, CustomTestStringConvertible {
        var language: LanguageID
        var style: TextStyle
        var contains: String
        var lacks: String
        var testDescription: String { "\(language) \(style)" }
    }

    @Test(arguments: [
        LabelCase(language: "ja", style: .plain, contains: "「削除」をクリック", lacks: "」 を"),
        LabelCase(language: "en", style: .plain, contains: "click \"Delete\"", lacks: "\"Delete\"click"),
        LabelCase(language: "ja", style: .markdown, contains: "**削除** をクリック", lacks: "「"),
        LabelCase(language: "en", style: .markdown, contains: "**Delete**", lacks: "\"Delete\""),
        LabelCase(language: "ja", style: .plain, contains: "「証明書リスト」から", lacks: "「証明書リスト」 から"),
    ])
    func labelsAreSetOffAsTheLanguageWrites(_ c: LabelCase) throws {
        let decision = try decide(Self.issued)
        let language = try #require(realModel.language(c.language))
        let text = Explanation(decision: decision, model: realModel, language: language, style: c.style)
            .steps.map(\.text).joined(separator: "\n")
        #expect(text.contains(c.contains), "\(text)")
        #expect(!text.contains(c.lacks), "\(text)")
    }

    @Test("a filled-in value meets Japanese text without a space; digits and Latin letters keep theirs")
    func valuesMeetJapaneseTightly() throws {
        let decision = try decide(Self.issued)
        for style in [TextStyle.plain, .markdown] {
            let ja = Explanation(decision: decision, model: realModel, language: try #require(realModel.language("ja")), style: style)
            #expect(ja.reason.contains("2025年12月8日まで"), "\(ja.reason)")
            #expect(ja.reason.contains("7 暦日"), "\(ja.reason)")
            let en = Explanation(decision: decision, model: realModel, language: try #require(realModel.language("en")), style: style)
            #expect(en.reason.contains("December 8, 2025"), "\(en.reason)")
        }
    }
}
