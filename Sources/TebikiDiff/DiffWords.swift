import TebikiAnalysis
import TebikiModel
import TebikiRender

/// The words of a diff in one language: titles of products, outcomes, actions and warnings from
/// the model that has them (the later one first), the tool's own words from content/strings.yaml.
struct DiffWords: Sendable {
    let before: Model
    let after: Model
    let language: Language
    let beforeSpace: QuestionSpace
    let afterSpace: QuestionSpace
    var lang: LanguageID { language.id }

    init(before: Model, after: Model, language: Language) {
        self.before = before; self.after = after; self.language = language
        beforeSpace = QuestionSpace(model: before); afterSpace = QuestionSpace(model: after)
    }

    /// A tool string with `{name}` placeholders filled.
    func s(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = after.string(key, lang)
        if text == key { text = before.string(key, lang) }
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { text = text.replacingAll("{\(k)}", with: v) }
        return text
    }

    private func model(_ side: Side) -> Model { side == .before ? before : after }
    private func other(_ side: Side) -> Model { side == .before ? after : before }

    /// Which model to read a name from first.
    enum Side { case before, after }

    func product(_ id: String) -> String {
        after.products[id: id]?.title[lang] ?? before.products[id: id]?.title[lang] ?? id
    }
    func outcome(_ id: String, _ side: Side) -> String {
        model(side).outcomes[id: id]?.title[lang] ?? other(side).outcomes[id: id]?.title[lang] ?? id
    }
    func action(_ id: String, _ side: Side) -> String {
        model(side).action(id)?.title[lang] ?? other(side).action(id)?.title[lang] ?? id
    }
    func warning(_ id: String, _ side: Side) -> String {
        model(side).warnings[id: id]?.title?[lang] ?? other(side).warnings[id: id]?.title?[lang] ?? id
    }
    func route(_ id: String, _ side: Side) -> String { message(model(side).routes[id: id] ?? other(side).routes[id: id], id, side) }
    func channel(_ id: String, _ side: Side) -> String { message(model(side).channels[id: id] ?? other(side).channels[id: id], id, side) }
    func procedure(_ id: String, _ side: Side) -> String {
        model(side).procedures[id: id]?.title[lang] ?? other(side).procedures[id: id]?.title[lang] ?? id
    }
    func state(_ machine: String, _ state: String, _ side: Side) -> String {
        model(side).machines[id: machine]?.states[id: state]?.title[lang]
            ?? other(side).machines[id: machine]?.states[id: state]?.title[lang] ?? state
    }
    func machine(_ id: String, _ side: Side) -> String {
        model(side).machines[id: id]?.title[lang] ?? other(side).machines[id: id]?.title[lang] ?? id
    }

    private func message(_ m: Message?, _ id: String, _ side: Side) -> String {
        guard let m else { return id }
        return TemplateFiller(model: model(side), language: language, style: .plain).fill(m.text)
    }

    func money(_ amount: Exact?, _ side: Side) -> String {
        guard let amount else { return s("diff.none-value") }
        let e = model(side).edition
        return amount.decimalString(places: e.currencyPlaces) + " " + e.currency
    }
    func date(_ d: CalendarDate?) -> String { d.map(language.format) ?? s("diff.none-value") }

    /// The name of a fact: `fact.<id>` of strings.yaml, else its question, else its id.
    func fact(_ id: FactID) -> String {
        let key = "fact.\(id)"
        let name = s(key)
        if name != key { return name }
        return (after.facts[id: id]?.question ?? before.facts[id: id]?.question)?[lang] ?? id
    }

    /// An answer in words (`証明書のステータス: 発行済み`; `有効期間 (年): 2 または 3`).
    func answer(_ ref: AnswerRef) -> String {
        let space = afterSpace.questions[ref.fact] != nil ? afterSpace : beforeSpace
        let labels = ref.answers.map { id in
            space.questions[ref.fact]?.answers.first { $0.id == id }.map { space.label($0, fact: ref.fact, language: lang) } ?? id
        }
        return fact(ref.fact) + ": " + labels.joined(separator: s("diff.answer-or"))
    }

    /// The day of the window a group is requested on, in words (`the last day in time (day 7)`).
    func requestDay(_ day: Int) -> String {
        let length = after.edition.window.length
        let key = day == 0 ? "diff.request-day.first" : day == length ? "diff.request-day.last" : "diff.request-day"
        return s(key, ["day": String(day)])
    }

    /// Whether an answer is its fact's default (`promotion: no`): readers assume it unless told.
    func isDefault(_ ref: AnswerRef) -> Bool {
        let space = afterSpace.questions[ref.fact] != nil ? afterSpace : beforeSpace
        guard ref.answers.count == 1, let q = space.questions[ref.fact], let answer = q.answers.first(where: { $0.id == ref.answer }),
              let d = q.fact.defaultValue, let sample = answer.sample else { return false }
        return answer.test.matches(d, in: Scenario([ref.fact: d])) && sample == d
    }

    func aspect(_ a: BehaviourChange.Aspect) -> String { s("diff.aspect.\(a.rawValue)") }
    /// The name of a kind of console element (`site.kind.dialog`: ダイアログボックス), else the kind's id.
    func elementKind(_ kind: String) -> String {
        let key = "site.kind.\(kind)"
        let name = s(key)
        return name == key ? kind : name
    }
    func kind(_ k: ChangeKind) -> String { s("diff.kind.\(k.rawValue)") }
}
