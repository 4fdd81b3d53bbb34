import TebikiModel
import TebikiRender

/// The site's "What changed" page, in every language of the later model: what changes for a
/// customer between the previous edition and the current one, in plain words. Behaviour comes
/// first (per product: the situations whose answer changed, before and now), then the products
/// added or removed, then the console labels that were renamed (so that readers find them).
package enum WhatChangedPage {
    /// The page's slug.
    package static let slug = "what-changed"

    /// The article (one, in every language of `after`) for the change from `before` to `after`.
    package static func articles(before: Model, after: Model, diff: ModelDiff? = nil) -> [Article] {
        let diff = diff ?? ModelDiffer.diff(before: before, after: after)
        var titles: [LanguageID: String] = [:], bodies: [LanguageID: String] = [:]
        for language in after.languages {
            let w = DiffWords(before: before, after: after, language: language)
            titles[language.id] = w.s("whatchanged.title", ["before": w.date(before.edition.date), "after": w.date(after.edition.date)])
            bodies[language.id] = body(diff, w)
        }
        return [Article(slug: slug, title: Localized(titles), body: Localized(bodies))]
    }

    static func body(_ diff: ModelDiff, _ w: DiffWords) -> String {
        let e = Markdown.escape
        let beforeDate = w.date(w.before.edition.date), afterDate = w.date(w.after.edition.date)
        var out = e(w.s("whatchanged.intro", ["before": beforeDate, "after": afterDate])) + "\n\n"
        if diff.isEmpty { return out + e(w.s("diff.no-changes")) + "\n" }
        let md = DiffMarkdown(diff: diff, before: w.before, after: w.after, language: w.language)
        let changedProducts = Set(diff.products.added + diff.products.removed)

        // Behaviour, per product: the situations and what changed for them.
        let groups = diff.behaviour.filter { !changedProducts.contains($0.product) }
        var product: String?
        var shared: Set<AnswerRef> = []
        var daysDiffer = false
        for g in groups {
            if g.product != product {
                product = g.product
                out += "## " + e(w.product(g.product)) + "\n\n"
                // Answers every change of the product shares say nothing about which situation changed.
                let mine = groups.filter { $0.product == g.product }
                shared = mine.count < 2 ? [] : mine.dropFirst().reduce(Set(mine[0].when)) { $0.intersection($1.when) }
                // Nor does the request day, unless two changes have the same answers and differ by it.
                let answers = mine.map { $0.when.filter { !shared.contains($0) && !w.isDefault($0) } }
                daysDiffer = mine.indices.contains { i in
                    mine.indices.contains { j in i < j && answers[i] == answers[j] && mine[i].requestDay != mine[j].requestDay }
                }
            }
            // In plain words: only the answers that tell this situation apart, defaults left out.
            var conditions = g.when.filter { !shared.contains($0) && !w.isDefault($0) }.map { w.answer($0) }
            if daysDiffer, let day = g.requestDay { conditions.append(w.requestDay(day)) }
            out += "### " + (conditions.isEmpty ? e(w.s("diff.when.all")) : conditions.map { e($0) }.joined(separator: w.s("diff.list-separator"))) + "\n\n"
            out += "| | " + e(w.s("whatchanged.before", ["date": beforeDate])) + " | " + e(w.s("whatchanged.now", ["date": afterDate])) + " |\n|---|---|---|\n"
            for aspect in g.aspects {
                if aspect == .coverage {
                    out += "| " + e(w.aspect(.coverage)) + " | " + md.cell(.coverage, g.before, .before) + " | " + md.cell(.coverage, g.after, .after) + " |\n"
                    continue
                }
                out += "| " + e(w.aspect(aspect)) + " | " + md.cell(aspect, g.before, .before) + " | " + md.cell(aspect, g.after, .after) + " |\n"
            }
            out += "\n"
        }

        if !diff.products.added.isEmpty {
            out += "## " + e(w.s("whatchanged.products-added")) + "\n\n"
            for id in diff.products.added {
                out += "- **" + e(w.product(id)) + "**: " + e(w.after.products[id: id]?.summary[w.lang] ?? "") + "\n"
            }
            out += "\n"
        }
        if !diff.products.removed.isEmpty {
            out += "## " + e(w.s("whatchanged.products-removed")) + "\n\n"
            for id in diff.products.removed { out += "- " + e(w.product(id)) + "\n" }
            out += "\n"
        }

        // Renamed labels, and elements that became another kind (a panel now a dialog box), with the kind named.
        let renamed = diff.labels.filter { $0.kind == .changed && ($0.before?.values[w.lang] != $0.after?.values[w.lang] || $0.beforeKind != $0.afterKind) }
        if !renamed.isEmpty {
            out += "## " + e(w.s("whatchanged.labels")) + "\n\n"
            out += "| " + e(w.s("whatchanged.before", ["date": beforeDate])) + " | " + e(w.s("whatchanged.now", ["date": afterDate])) + " |\n|---|---|\n"
            for l in renamed {
                func named(_ label: Localized?, _ kind: String?) -> String {
                    e(label?.values[w.lang] ?? "") + (kind.map { " (" + e(w.elementKind($0)) + ")" } ?? "")
                }
                out += "| " + named(l.before, l.beforeKind) + " | " + named(l.after, l.afterKind) + " |\n"
            }
            out += "\n"
        }
        return out
    }
}
