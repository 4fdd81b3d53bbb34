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
    /// The source citations already written in this language (the rules, product and leaf pages
    /// cite the same rows).
    let citations = MadeOnce<SourceCitation, String>()
    /// The texts of the product sections already made in this language, by product id.
    let sections = MadeOnce<String, ProductSection.Texts>()
    /// The guide's question pages already named (every leaf page links to the questions on its way).
    let questionPages = MadeOnce<QuestionPageKey, SitePath>()
    /// "day 7 after the payment date": the deadline without a calendar (every filled template
    /// may name it, so it is written once).
    let relativeDeadline: String
    /// The last safe day to start each warned wait, by the wait's warning, in words ("5 business
    /// days before the deadline"): the first wait of the machines' actions with that warning.
    /// Made once per language; looking through every machine for each warning filled was
    /// quadratic in the model.
    let lastSafeDays: [String: String]
    var id: LanguageID { language.id }

    init(model: Model, language: Language, space: QuestionSpace) {
        self.model = model; self.language = language; self.space = space
        relativeDeadline = model.string("site.relative.deadline", language.id)
            .filling(["days": String(model.edition.window.length)])
        var lastSafeDays: [String: String] = [:]
        for machine in model.machines {
            for case let wait? in machine.actions.map(\.wait) {
                guard let warning = wait.warning, lastSafeDays[warning] == nil else { continue }
                let key = wait.unit == .businessDays ? "site.relative.before-deadline.business-days" : "site.relative.before-deadline.calendar-days"
                lastSafeDays[warning] = model.string(key, language.id).filling(["days": String(wait.maximum)])
            }
        }
        self.lastSafeDays = lastSafeDays
    }

    /// The guide page of the question the answers of `path` lead to (`SiteTree.questionPath`).
    func questionPage(_ path: some Collection<DecisionTree.PathStep>) -> SitePath {
        let key = QuestionPageKey(path)
        return questionPages.value(for: key) { SiteTree.questionPath(key.steps, language: id) }
    }

    /// A tool string (content/strings.yaml), unescaped.
    func s(_ key: String) -> String { model.string(key, language.id) }

    /// A tool string, escaped for Markdown.
    func md(_ key: String) -> String { InlineMarker.text(s(key)) }

    /// A tool string with `{name}` replaced by values (unescaped).
    func s(_ key: String, _ values: [String: String]) -> String { s(key).filling(values) }

    /// A localized text, escaped.
    func md(_ text: Localized) -> String { InlineMarker.text(text[language.id]) }

    /// A template filled in Markdown with relative values for the engine's dates.
    func fill(_ template: LocalizedTemplate, warning: String? = nil) -> String {
        var values: [String: FactValue] = ["deadline": .symbol(relativeDeadline), "currency": .symbol(model.edition.currency)]
        if let warning, let lastSafeDay = lastSafeDays[warning] { values["last_safe_day"] = .symbol(lastSafeDay) }
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
        citations.value(for: c) { writeCitation(c) }
    }

    private func writeCitation(_ c: SourceCitation) -> String {
        let source = model.sourceLanguage.id
        var out = md("site.source") + ": " + InlineMarker.text(s("site.source-line", ["page": c.page, "line": String(c.line)]))
            + " " + InlineMarker.lang(source, InlineMarker.text(model.sourceLanguage.uiLabelOpen + c.quote + model.sourceLanguage.uiLabelClose))
        if let d = c.decision { out += " " + InlineMarker.text(s("site.decision", ["id": d])) }
        return out
    }
}

/// The answers on the way to a question as its page's name reads them: the facts and the
/// answers' ids (hashing whole answers, with their tests and labels, costs more than naming the page).
struct QuestionPageKey: Hashable, Sendable {
    let steps: [DecisionTree.PathStep]

    init(_ steps: some Collection<DecisionTree.PathStep>) { self.steps = Array(steps) }

    static func == (a: QuestionPageKey, b: QuestionPageKey) -> Bool {
        a.steps.count == b.steps.count && zip(a.steps, b.steps).allSatisfy { x, y in
            x.fact == y.fact && x.answers.count == y.answers.count && zip(x.answers, y.answers).allSatisfy { $0.id == $1.id }
        }
    }

    func hash(into h: inout Hasher) {
        h.combine(steps.count)
        for step in steps {
            h.combine(step.fact)
            h.combine(step.answers.count)
            for answer in step.answers { h.combine(answer.id) }
        }
    }
}

extension String {
    /// The template with every `{name}` replaced by `values[name]`, exactly as replacing each
    /// name's placeholder in turn (names in order, `replacingAll`) does, but in one pass over the
    /// UTF-8 instead of one Character-by-Character pass per name. When the one pass cannot be
    /// sure to agree, it replaces name by name: a brace left in the result (a later name's
    /// replacement could have matched it), a placeholder that is not whole Characters, or two
    /// placeholders side by side (a value could join the next placeholder's brace to a Character;
    /// otherwise whether a brace starts or ends a Character depends only on its unchanged neighbour).
    func filling(_ values: [String: String]) -> String {
        if values.isEmpty { return self }
        if let filled = fillingInOnePass(values) { return filled }
        var t = self
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { t = t.replacingAll("{\(k)}", with: v) }
        return t
    }

    /// The one pass of `filling`, or nil when it might disagree with the name-by-name replacement.
    private func fillingInOnePass(_ values: [String: String]) -> String? {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let bytes = utf8
        var out = ""
        var copied = bytes.startIndex
        var replaced = false
        var i = bytes.startIndex
        while let start = bytes[i...].firstIndex(of: open) {
            var j = bytes.index(after: start)
            while j < bytes.endIndex, bytes[j] != close, bytes[j] != open { j = bytes.index(after: j) }
            guard j < bytes.endIndex else { break }
            if bytes[j] == open { i = j; continue }
            let end = bytes.index(after: j)
            if let value = values[String(self[bytes.index(after: start)..<j])] {
                guard !(replaced && start == copied), start.samePosition(in: self) != nil, end.samePosition(in: self) != nil else {
                    return nil
                }
                out += self[copied..<start]
                out += value
                copied = end
                replaced = true
            }
            i = end
        }
        out += self[copied...]
        return out.utf8.contains(open) ? nil : out
    }
}
