import TebikiModel

/// Compares the words of two models: console labels, products, settings, formulas and every text.
struct TextComparer: Sendable {
    let before: Model
    let after: Model

    /// A localized field compared language by language (`title.ja`, `title.en`).
    static func localized(_ name: String, _ a: Localized, _ b: Localized) -> [FieldChange] {
        Set(a.values.keys).union(b.values.keys).sorted().compactMap { lang in
            a.values[lang] == b.values[lang] ? nil : FieldChange(name: "\(name).\(lang)", before: a.values[lang], after: b.values[lang])
        }
    }

    func labels() -> [LabelChange] {
        var result: [LabelChange] = []
        for e in after.glossary {
            guard let old = before.glossary[id: e.id] else {
                result.append(LabelChange(id: e.id, kind: .added, beforeKind: nil, afterKind: e.kind.rawValue, before: nil, after: e.label))
                continue
            }
            if old.label != e.label || old.kind != e.kind {
                result.append(LabelChange(id: e.id, kind: .changed, beforeKind: old.kind.rawValue, afterKind: e.kind.rawValue, before: old.label, after: e.label))
            }
        }
        for e in before.glossary where !after.glossary.contains(id: e.id) {
            result.append(LabelChange(id: e.id, kind: .removed, beforeKind: e.kind.rawValue, afterKind: nil, before: e.label, after: nil))
        }
        return result
    }

    func products() -> ProductChanges {
        ProductChanges(added: after.products.ids.filter { !before.products.contains(id: $0) },
                       removed: before.products.ids.filter { !after.products.contains(id: $0) })
    }

    func settings() -> [SettingChange] {
        func pairs(_ m: Model) -> [(String, String)] {
            let e = m.edition, w = e.window
            return [
                ("window.length", String(w.length)), ("window.unit", w.unit.rawValue), ("window.counts_from", w.countsFrom),
                ("window.request", w.requestFact ?? "-"), ("currency", e.currency), ("currency.places", String(e.currencyPlaces)),
                ("entry_table", e.entryTable), ("route_table", e.routeTable),
                ("zero_amount.outcome", e.zeroAmountOutcome), ("zero_amount.reason", e.zeroAmountReason),
            ]
        }
        return zip(pairs(before), pairs(after)).compactMap { b, a in
            b.1 == a.1 ? nil : SettingChange(key: a.0, before: b.1, after: a.1)
        }
    }

    func formulas() -> [FormulaChange] {
        var result: [FormulaChange] = []
        for f in after.formulas {
            guard let old = before.formulas[id: f.id] else {
                result.append(FormulaChange(id: f.id, kind: .added, before: nil, after: f.expression.description)); continue
            }
            if old.expression != f.expression {
                result.append(FormulaChange(id: f.id, kind: .changed, before: old.expression.description, after: f.expression.description))
            }
        }
        for f in before.formulas where !after.formulas.contains(id: f.id) {
            result.append(FormulaChange(id: f.id, kind: .removed, before: f.expression.description, after: nil))
        }
        return result
    }

    /// Every text, by domain, in a fixed order of domains and the later model's order within one.
    func texts() -> [TextChange] {
        var result: [TextChange] = []
        func add(_ domain: String, _ a: [(String, Localized)], _ b: [(String, Localized)]) {
            let old = Dictionary(a, uniquingKeysWith: { x, _ in x })
            let new = Dictionary(b, uniquingKeysWith: { x, _ in x })
            for (id, text) in b {
                if let o = old[id] {
                    if o != text { result.append(TextChange(domain: domain, id: id, kind: .changed, before: o, after: text)) }
                } else {
                    result.append(TextChange(domain: domain, id: id, kind: .added, before: nil, after: text))
                }
            }
            for (id, text) in a where new[id] == nil {
                result.append(TextChange(domain: domain, id: id, kind: .removed, before: text, after: nil))
            }
        }
        func each<T>(_ m: Model, _ body: (Model) -> [(String, T?)]) -> [(String, T)] {
            body(m).compactMap { id, v in v.map { (id, $0) } }
        }
        let sides = [before, after]
        func both(_ domain: String, _ body: (Model) -> [(String, Localized?)]) {
            let lists = sides.map { each($0, body) }
            add(domain, lists[0], lists[1])
        }
        both("edition.title") { [("edition", $0.edition.title)] }
        both("product.title") { $0.products.map { ($0.id, $0.title) } }
        both("product.summary") { $0.products.map { ($0.id, $0.summary) } }
        both("outcome.title") { $0.outcomes.map { ($0.id, $0.title) } }
        both("reason.text") { $0.reasons.map { ($0.id, $0.text.source) } }
        both("warning.title") { $0.warnings.map { ($0.id, $0.title) } }
        both("warning.text") { $0.warnings.map { ($0.id, $0.text.source) } }
        both("channel.text") { $0.channels.map { ($0.id, $0.text.source) } }
        both("route.text") { $0.routes.map { ($0.id, $0.text.source) } }
        both("formula.text") { $0.formulas.map { ($0.id, $0.text) } }
        both("fact.question") { $0.facts.map { ($0.id, $0.question) } }
        both("fact.help") { $0.facts.map { ($0.id, $0.help) } }
        both("fact.value") { m in m.facts.flatMap { f in f.values.map { ("\(f.id)=\($0.id)", Optional($0.label)) } } }
        both("machine.title") { $0.machines.map { ($0.id, $0.title) } }
        both("state.title") { m in m.machines.flatMap { mc in mc.states.map { ("\(mc.id).\($0.id)", Optional($0.title)) } } }
        both("action.title") { m in m.machines.flatMap { mc in mc.actions.map { ($0.id, Optional($0.title)) } } }
        both("procedure.title") { $0.procedures.map { ($0.id, $0.title) } }
        both("string") { m in m.strings.keys.sorted().map { ($0, m.strings[$0]) } }
        return result
    }
}
