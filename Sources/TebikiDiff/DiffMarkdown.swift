import TebikiEngine
import TebikiModel
import TebikiRender

/// The diff as GitHub Flavored Markdown, for a pull-request comment: behaviour first, then rules,
/// procedures, console labels, products, texts, and the earlier steps under the later rules.
/// Every text from the models is escaped, so nothing in content becomes markup.
package struct DiffMarkdown: Sendable {
    let diff: ModelDiff
    let w: DiffWords

    /// A renderer of `diff` (computed from `before` and `after`) in `language`.
    package init(diff: ModelDiff, before: Model, after: Model, language: Language) {
        self.diff = diff
        w = DiffWords(before: before, after: after, language: language)
    }

    private func e(_ text: String) -> String { Markdown.escape(text) }
    private func code(_ id: String) -> String { "`" + id.replacingAll("`", with: "'") + "`" }
    private var beforeName: String { e(diff.before.name) }
    private var afterName: String { e(diff.after.name) }

    /// The whole document.
    package var text: String {
        var out = "# " + e(w.s("diff.title", ["before": diff.before.name, "after": diff.after.name])) + "\n\n"
        if diff.isEmpty { return out + e(w.s("diff.no-changes")) + "\n" }
        out += e(w.s("diff.summary", [
            "scenarios": String(diff.scenariosCompared), "groups": String(diff.behaviour.count),
            "rules": String(diff.rules.reduce(0) { $0 + max($1.rows.count, 1) }), "procedures": String(diff.procedures.count),
            "labels": String(diff.labels.count), "texts": String(diff.texts.count),
        ])) + "\n\n"
        out += behaviourSection + productsSection + rulesSection + proceduresSection + oldStepsSection + labelsSection + textsSection
        return out
    }

    // MARK: behaviour

    var behaviourSection: String {
        guard !diff.behaviour.isEmpty else { return "" }
        var out = "## " + e(w.s("diff.behaviour")) + "\n\n" + e(w.s("diff.behaviour.intro")) + "\n\n"
        var product: String?
        var n = 0
        for g in diff.behaviour {
            if g.product != product {
                product = g.product; n = 0
                out += "### " + e(w.product(g.product)) + "\n\n"
            }
            n += 1
            out += "#### \(n). " + e(g.aspects.map(w.aspect).joined(separator: w.s("diff.list-separator")))
            out += " (" + e(w.s("diff.cases", ["count": String(g.count)])) + ")\n\n"
            out += "**" + e(w.s("diff.when")) + "**: " + when(g.when, requestDay: g.requestDay) + "\n\n"
            out += decisionTable(g.before, g.after, changed: g.aspects)
            out += "\n" + e(w.s("diff.example")) + "\n\n```json\n" + DiffJSON.scenario(g.example).serialized() + "\n```\n\n"
            for (side, o) in [(diff.before.name, g.before), (diff.after.name, g.after)] {
                if let d = o.decision, !d.ignored.isEmpty {
                    out += "- " + e(w.s("diff.ignored", ["side": side, "facts": d.ignored.joined(separator: ", ")])) + "\n"
                }
                if case .notCovered(let problems) = o {
                    out += "- " + e(w.s("diff.not-covered-why", ["side": side, "problems": problems.joined(separator: "; ")])) + "\n"
                }
                if case .failed(let m) = o { out += "- " + e(side + ": " + m) + "\n" }
            }
            out += "\n"
        }
        return out
    }

    func when(_ answers: [AnswerRef], requestDay: Int? = nil) -> String {
        let conditions = answers.map { e(w.answer($0)) } + (requestDay.map { [e(w.requestDay($0))] } ?? [])
        return conditions.isEmpty ? e(w.s("diff.when.all")) : conditions.joined(separator: " · ")
    }

    /// Before and after, one row per aspect, changed ones first and in bold.
    func decisionTable(_ b: SideOutcome, _ a: SideOutcome, changed: [BehaviourChange.Aspect]) -> String {
        var out = "| " + e(w.s("diff.item")) + " | " + e(w.s("diff.before", ["name": diff.before.name])) + " | "
            + e(w.s("diff.after", ["name": diff.after.name])) + " |\n|---|---|---|\n"
        // The aspects that differ in this example, in bold and first (a group's heading lists those of all its scenarios).
        let differs = { (x: BehaviourChange.Aspect) in changed.contains(x) && b.decision?.value(x) != a.decision?.value(x) }
        let rows = BehaviourChange.Aspect.allCases.filter { $0 != .coverage && differs($0) }
            + BehaviourChange.Aspect.allCases.filter { $0 != .coverage && !differs($0) }
        if b.decision == nil || a.decision == nil {
            out += "| **" + e(w.aspect(.coverage)) + "** | " + coverage(b) + " | " + coverage(a) + " |\n"
        }
        for aspect in rows {
            let name = differs(aspect) ? "**" + e(w.aspect(aspect)) + "**" : e(w.aspect(aspect))
            out += "| \(name) | " + cell(aspect, b, .before) + " | " + cell(aspect, a, .after) + " |\n"
        }
        return out
    }

    private func coverage(_ o: SideOutcome) -> String {
        switch o {
        case .decided: return e(w.s("diff.covered"))
        case .notCovered: return e(w.s("diff.not-covered"))
        case .failed: return e(w.s("diff.failed"))
        }
    }

    func cell(_ aspect: BehaviourChange.Aspect, _ o: SideOutcome, _ side: DiffWords.Side) -> String {
        guard let d = o.decision else { return "" }
        let none = e(w.s("diff.none-value"))
        switch aspect {
        case .coverage: return coverage(o)
        case .outcome: return e(w.outcome(d.outcome, side))
        case .amount: return d.amount == nil ? none : e(w.money(d.amount, side))
        case .actions:
            return d.actions.isEmpty ? none : d.actions.enumerated().map { "\($0.offset + 1). " + e(w.action($0.element, side)) }.joined(separator: " › ")
        case .deadline: return e(w.date(d.deadline))
        case .route: return d.route.map { e(w.route($0, side)) } ?? none
        case .channel: return d.channel.map { e(w.channel($0, side)) } ?? none
        case .warnings: return d.warnings.isEmpty ? none : d.warnings.map { e(w.warning($0, side)) }.joined(separator: "; ")
        }
    }

    // MARK: products

    var productsSection: String {
        guard !diff.products.isEmpty else { return "" }
        var out = "## " + e(w.s("diff.products")) + "\n\n"
        for id in diff.products.added { out += "- **" + e(w.kind(.added)) + "** " + e(w.product(id)) + " " + code(id) + "\n" }
        for id in diff.products.removed { out += "- **" + e(w.kind(.removed)) + "** " + e(w.product(id)) + " " + code(id) + "\n" }
        return out + "\n"
    }

    // MARK: rules

    var rulesSection: String {
        guard !diff.rules.isEmpty || !diff.formulas.isEmpty || !diff.settings.isEmpty else { return "" }
        var out = "## " + e(w.s("diff.rules")) + "\n\n"
        for t in diff.rules {
            let title = (t.afterTitle ?? t.beforeTitle)?[w.lang] ?? t.id
            out += "### " + code(t.id) + " " + e(title) + " (" + e(w.kind(t.kind)) + ")\n\n"
            for f in t.fields { out += "- " + code(f.name) + ": " + value(f.before) + " → " + value(f.after) + "\n" }
            if t.reordered { out += "- " + e(w.s("diff.rows-reordered")) + "\n" }
            for r in t.rows {
                out += "- **" + e(w.kind(r.kind)) + "** " + code(r.id) + "\n"
                for c in r.cells { out += "  - " + e(w.s("diff.cell")) + " " + code(c.name) + ": " + value(c.before) + " → " + value(c.after) + "\n" }
                for o in r.outputs { out += "  - " + e(w.s("diff.output")) + " " + code(o.name) + ": " + value(o.before) + " → " + value(o.after) + "\n" }
                if r.kind == .changed, r.beforeSource != r.afterSource {
                    out += "  - " + e(w.s("diff.source-before")) + ": " + citation(r.beforeSource) + "\n"
                    out += "  - " + e(w.s("diff.source-after")) + ": " + citation(r.afterSource) + "\n"
                } else if let c = r.afterSource ?? r.beforeSource {
                    out += "  - " + e(w.s("diff.source")) + ": " + citation(c) + "\n"
                }
            }
            out += "\n"
        }
        if !diff.formulas.isEmpty {
            out += "### " + e(w.s("diff.formulas")) + "\n\n"
            for f in diff.formulas { out += "- **" + e(w.kind(f.kind)) + "** " + code(f.id) + ": " + value(f.before) + " → " + value(f.after) + "\n" }
            out += "\n"
        }
        if !diff.settings.isEmpty {
            out += "### " + e(w.s("diff.settings")) + "\n\n"
            for s in diff.settings { out += "- " + code(s.key) + ": " + value(s.before) + " → " + value(s.after) + "\n" }
            out += "\n"
        }
        return out
    }

    private func value(_ v: String?) -> String { v.map(code) ?? e(w.s("diff.none-value")) }

    private func citation(_ c: SourceCitation?) -> String {
        guard let c else { return e(w.s("diff.none-value")) }
        var s = e(w.s("diff.citation", ["page": c.page, "line": String(c.line)])) + " 「" + e(c.quote) + "」"
        if let d = c.decision { s += " (" + e(d) + ")" }
        return s
    }

    // MARK: procedures

    var proceduresSection: String {
        guard !diff.procedures.isEmpty else { return "" }
        var out = "## " + e(w.s("diff.procedures")) + "\n\n"
        var product: String?
        for p in diff.procedures {
            if p.product != product { product = p.product; out += "### " + e(w.product(p.product)) + "\n\n" }
            let title = p.afterProcedure.map { w.procedure($0, .after) } ?? p.beforeProcedure.map { w.procedure($0, .before) } ?? ""
            out += "#### " + e(title) + " (" + e(w.s("diff.cases", ["count": String(p.count)])) + ")\n\n"
            out += "**" + e(w.s("diff.when")) + "**: " + when(p.when) + "\n\n"
            out += "- " + e(w.s("diff.before", ["name": diff.before.name])) + ": " + sequence(p.beforeActions, .before) + "\n"
            out += "- " + e(w.s("diff.after", ["name": diff.after.name])) + ": " + sequence(p.afterActions, .after) + "\n"
            for a in p.actions {
                let side: DiffWords.Side = a.kind == .removed ? .before : .after
                var line = "- **" + e(w.s("diff.action.\(a.kind.rawValue)")) + "** " + e(w.action(a.action, side))
                line += " — " + e(a.follows.map { w.s("diff.follows", ["action": w.action($0, side)]) } ?? w.s("diff.first"))
                out += line + "\n"
            }
            for s in p.steps {
                let side: DiffWords.Side = s.kind == .removed ? .before : .after
                out += "- " + e(w.s("diff.step.\(s.kind.rawValue)", ["action": w.action(s.action, side)])) + "\n"
                out += localizedPair(s.before, s.after, indent: "  ")
            }
            out += "\n"
        }
        return out
    }

    private func sequence(_ actions: [String], _ side: DiffWords.Side) -> String {
        actions.isEmpty ? e(w.s("diff.not-covered")) : actions.map { e(w.action($0, side)) }.joined(separator: " › ")
    }

    /// Each language whose text differs (the page's language first): before and after.
    private func localizedPair(_ b: Localized?, _ a: Localized?, indent: String) -> String {
        var langs = Set((b?.values.keys).map(Array.init) ?? []).union((a?.values.keys).map(Array.init) ?? []).sorted()
        if let k = langs.firstIndex(of: w.lang) { langs.remove(at: k); langs.insert(w.lang, at: 0) }
        var out = ""
        for lang in langs where b?.values[lang] != a?.values[lang] {
            if let x = b?.values[lang] { out += indent + "- " + code(lang) + " " + e(w.s("diff.was")) + ": " + e(x) + "\n" }
            if let y = a?.values[lang] { out += indent + "- " + code(lang) + " " + e(w.s("diff.now")) + ": " + e(y) + "\n" }
        }
        return out
    }

    // MARK: old steps

    var oldStepsSection: String {
        guard !diff.oldSteps.isEmpty else { return "" }
        var out = "## " + e(w.s("diff.old-steps")) + "\n\n" + e(w.s("diff.old-steps.intro", ["before": diff.before.name, "after": diff.after.name])) + "\n\n"
        for f in diff.oldSteps {
            out += "- **" + e(w.product(f.product)) + "** " + code(f.procedure) + " (" + e(w.s("diff.cases", ["count": String(f.count)])) + "): "
            out += e(OldStepsWords.sentence(f, w)) + "\n"
            out += "  - " + e(w.s("diff.when")) + ": " + when(f.when) + "\n"
        }
        return out + "\n"
    }

    // MARK: labels

    var labelsSection: String {
        guard !diff.labels.isEmpty else { return "" }
        let langs = w.after.languages.map(\.id)
        var out = "## " + e(w.s("diff.labels")) + "\n\n"
        out += "| ID | " + e(w.s("diff.element-kind")) + " | " + e(w.s("diff.change")) + " | "
        out += langs.map { code($0) }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: 3 + langs.count) + "\n"
        for l in diff.labels {
            let kind: String
            switch (l.beforeKind, l.afterKind) {
            case (let b?, let a?) where a != b: kind = e(w.elementKind(b)) + " → " + e(w.elementKind(a))
            default: kind = e(w.elementKind(l.afterKind ?? l.beforeKind ?? ""))
            }
            out += "| " + code(l.id) + " | " + kind
            out += " | " + e(w.kind(l.kind)) + " | "
            out += langs.map { lang in
                let b = l.before?.values[lang], a = l.after?.values[lang]
                switch (b, a) {
                case (let x?, let y?) where x != y: return e(x) + " → " + e(y)
                case (let x?, nil): return "~~" + e(x) + "~~"
                case (_, let y?): return e(y)
                default: return ""
                }
            }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    // MARK: texts

    var textsSection: String {
        guard !diff.texts.isEmpty else { return "" }
        var out = "## " + e(w.s("diff.texts")) + "\n\n"
        var domain: String?
        for t in diff.texts {
            if t.domain != domain { domain = t.domain; out += "### " + code(t.domain) + "\n\n" }
            out += "- **" + e(w.kind(t.kind)) + "** " + code(t.id) + "\n"
            out += localizedPair(t.before, t.after, indent: "  ")
        }
        return out + "\n"
    }
}

/// The finding of "old steps against new rules" in one sentence.
enum OldStepsWords {
    static func sentence(_ f: OldStepsFinding, _ w: DiffWords) -> String {
        let steps = f.actions.map { w.action($0, .before) }.joined(separator: " › ")
        switch f.problem {
        case .missingProcedure:
            return w.s("diff.old-steps.missing-procedure", ["procedure": f.procedure])
        case .actionNotPossible(let a):
            return w.s("diff.old-steps.action-not-possible", ["steps": steps, "action": w.action(a, .before)])
        case .requirementUnmet(let machine, let state, let required, let missing):
            return w.s("diff.old-steps.unmet", [
                "steps": steps, "machine": w.machine(machine, .after), "state": w.state(machine, state, .before),
                "required": required.map { w.state(machine, $0, .after) }.joined(separator: w.s("diff.or")),
                "missing": missing.isEmpty ? w.s("diff.none-value") : missing.map { w.action($0, .after) }.joined(separator: " › "),
            ])
        }
    }
}
