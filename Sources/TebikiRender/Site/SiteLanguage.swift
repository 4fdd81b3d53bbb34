import TebikiAnalysis
import TebikiModel

/// Everything a page maker needs for one language: the model, the language, the tool's words,
/// and texts filled with relative dates (a guide page has no calendar: "day 7 after payment").
struct SiteLanguage {
    let model: Model
    let language: Language
    let space: QuestionSpace
    /// The step texts of leaves already made in this language, for the other pages that show them.
    let stepTexts = MadeOnce<[String], [VariantSteps]>()
    /// The decision summaries already made in this language.
    let summaries = MadeOnce<SummaryKey, DecisionSummary?>()
    var id: LanguageID { language.id }

    /// A tool string (content/strings.yaml), unescaped.
    func s(_ key: String) -> String { model.string(key, language.id) }

    /// A tool string, escaped for Markdown.
    func md(_ key: String) -> String { InlineMarker.text(s(key)) }

    /// A tool string with `{name}` replaced by values (unescaped).
    func s(_ key: String, _ values: [String: String]) -> String {
        var t = s(key)
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { t = t.replacingAll("{\(k)}", with: v) }
        return t
    }

    /// A localized text, escaped.
    func md(_ text: Localized) -> String { InlineMarker.text(text[language.id]) }

    /// "day 7 after the payment date": the deadline without a calendar.
    var relativeDeadline: String { s("site.relative.deadline", ["days": String(model.edition.window.length)]) }

    /// A template filled in Markdown with relative values for the engine's dates.
    func fill(_ template: LocalizedTemplate, warning: String? = nil) -> String {
        var values: [String: FactValue] = ["deadline": .symbol(relativeDeadline), "currency": .symbol(model.edition.currency)]
        if let warning, let wait = model.machines.flatMap({ $0.actions.compactMap(\.wait) }).first(where: { $0.warning == warning }) {
            let key = wait.unit == .businessDays ? "site.relative.before-deadline.business-days" : "site.relative.before-deadline.calendar-days"
            values["last_safe_day"] = .symbol(s(key, ["days": String(wait.maximum)]))
        }
        return TemplateFiller(model: model, language: language, style: .markdown).fill(template, values: values)
    }

    /// An answer in words.
    func answer(_ a: Answer, fact: FactID) -> String { space.label(a, fact: fact, language: language.id) }

    /// Several answers in words (a merged branch): `Yes / Not known yet`.
    func answers(_ list: [Answer], fact: FactID) -> String {
        list.map { answer($0, fact: fact) }.joined(separator: " / ")
    }

    /// A fact's short name (`fact.<id>` in strings.yaml), or its question when it has none.
    func factName(_ fact: FactID) -> String {
        model.strings["fact." + fact]?.values[language.id] ?? question(fact)
    }

    /// The question of a fact in words.
    func question(_ fact: FactID) -> String { model.facts[id: fact]?.question?[language.id] ?? fact }

    /// A source passage cited: `Source: page 001, line 27: 「…」 (decision D11)`, quote marked Japanese.
    func citation(_ c: SourceCitation) -> String {
        let source = model.sourceLanguage.id
        var out = md("site.source") + ": " + InlineMarker.text(s("site.source-line", ["page": c.page, "line": String(c.line)]))
            + " " + InlineMarker.lang(source, InlineMarker.text(model.sourceLanguage.uiLabelOpen + c.quote + model.sourceLanguage.uiLabelClose))
        if let d = c.decision { out += " " + InlineMarker.text(s("site.decision", ["id": d])) }
        return out
    }
}
