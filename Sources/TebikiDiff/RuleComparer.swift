import TebikiModel

/// Compares the decision tables of two models: tables and rows matched by id, cell by cell.
struct RuleComparer: Sendable {
    let before: Model
    let after: Model

    func changes() -> [TableChange] {
        var result: [TableChange] = []
        for table in after.tables {
            guard let old = before.tables[id: table.id] else {
                result.append(TableChange(id: table.id, kind: .added, beforeTitle: nil, afterTitle: table.title, fields: [],
                                          rows: table.rules.map { whole($0, .added) }, reordered: false))
                continue
            }
            if let change = compare(old, table) { result.append(change) }
        }
        for table in before.tables where !after.tables.contains(id: table.id) {
            result.append(TableChange(id: table.id, kind: .removed, beforeTitle: table.title, afterTitle: nil, fields: [],
                                      rows: table.rules.map { whole($0, .removed) }, reordered: false))
        }
        return result
    }

    private func compare(_ old: DecisionTable, _ new: DecisionTable) -> TableChange? {
        var fields = TextComparer.localized("title", old.title, new.title)
        if old.hitPolicy != new.hitPolicy { fields.append(FieldChange(name: "hit_policy", before: old.hitPolicy.rawValue, after: new.hitPolicy.rawValue)) }
        if old.inputs != new.inputs {
            fields.append(FieldChange(name: "inputs", before: old.inputs.joined(separator: ", "), after: new.inputs.joined(separator: ", ")))
        }
        let oldIDs = old.rules.map(\.id), newIDs = new.rules.map(\.id)
        var rows: [RowChange] = []
        // Walk the later order; removed rows are placed before the next row that both sides keep.
        var pendingRemoved = old.rules.filter { !newIDs.contains($0.id) }
        for rule in new.rules {
            guard let previous = old.rules.first(where: { $0.id == rule.id }) else { rows.append(whole(rule, .added)); continue }
            if let k = oldIDs.firstIndex(of: rule.id) {
                let before = pendingRemoved.filter { (oldIDs.firstIndex(of: $0.id) ?? 0) < k }
                rows += before.map { whole($0, .removed) }
                pendingRemoved.removeAll { r in before.contains { $0.id == r.id } }
            }
            if let change = compareRow(previous, rule) { rows.append(change) }
        }
        rows += pendingRemoved.map { whole($0, .removed) }
        let common = Set(oldIDs).intersection(newIDs)
        let reordered = oldIDs.filter(common.contains) != newIDs.filter(common.contains)
        guard !fields.isEmpty || !rows.isEmpty || reordered else { return nil }
        return TableChange(id: new.id, kind: .changed, beforeTitle: old.title, afterTitle: new.title, fields: fields, rows: rows, reordered: reordered)
    }

    private func whole(_ rule: Rule, _ kind: ChangeKind) -> RowChange {
        let cells = rule.conditions.map { c in
            kind == .added ? FieldChange(name: c.fact, before: nil, after: c.test.description)
                : FieldChange(name: c.fact, before: c.test.description, after: nil)
        }
        let outputs = RuleComparer.outputs(rule.result).map { name, value in
            kind == .added ? FieldChange(name: name, before: nil, after: value) : FieldChange(name: name, before: value, after: nil)
        }
        return RowChange(id: rule.id, kind: kind, cells: cells, outputs: outputs,
                         beforeSource: kind == .removed ? rule.source : nil, afterSource: kind == .added ? rule.source : nil)
    }

    private func compareRow(_ old: Rule, _ new: Rule) -> RowChange? {
        var facts: [FactID] = new.conditions.map(\.fact)
        for c in old.conditions where !facts.contains(c.fact) { facts.append(c.fact) }
        let cells = facts.compactMap { f -> FieldChange? in
            let a = old.test(for: f).description, b = new.test(for: f).description
            return a == b ? nil : FieldChange(name: f, before: a, after: b)
        }
        let o = Dictionary(RuleComparer.outputs(old.result), uniquingKeysWith: { a, _ in a })
        let n = RuleComparer.outputs(new.result)
        var names = n.map(\.0)
        for (k, _) in RuleComparer.outputs(old.result) where !names.contains(k) { names.append(k) }
        let nd = Dictionary(n, uniquingKeysWith: { a, _ in a })
        let outputs = names.compactMap { k -> FieldChange? in o[k] == nd[k] ? nil : FieldChange(name: k, before: o[k], after: nd[k]) }
        let sourceChanged = old.source != new.source
        guard !cells.isEmpty || !outputs.isEmpty || sourceChanged else { return nil }
        return RowChange(id: new.id, kind: .changed, cells: cells, outputs: outputs, beforeSource: old.source, afterSource: new.source)
    }

    /// A row's outputs as named texts, in a fixed order.
    static func outputs(_ result: Rule.Result) -> [(String, String)] {
        switch result {
        case .next(let t): return [("next", t)]
        case .route(let r): return [("route", r)]
        case .decide(let d):
            var out: [(String, String)] = [("outcome", d.outcome), ("reason", d.reason)]
            if let a = d.amount { out.append(("amount", a)) }
            if let c = d.channel { out.append(("channel", c)) }
            if let p = d.procedure { out.append(("procedure", p)) }
            if !d.warnings.isEmpty { out.append(("warnings", d.warnings.joined(separator: ", "))) }
            return out
        }
    }
}
