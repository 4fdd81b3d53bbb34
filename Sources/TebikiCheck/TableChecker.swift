import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// Completeness and consistency of the decision tables.
///
/// - Gaps and overlaps of the decision tree (`TreeBuilder`), each with a concrete scenario.
/// - The same, found by walking every scenario class through the tables independently of the engine.
/// - Rows no scenario class ever fires: shadowed (an earlier row always wins) or unreachable (never matched).
/// - Rows with the same cells: conflicting (different results) or duplicate.
struct TableChecker {
    let context: CheckContext
    var model: Model { context.model }

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported = Set<String>()
        out += treeDiagnostics(reported: &reported)
        out += walkDiagnostics(reported: &reported)
        out += sameCells()
        return out
    }

    // MARK: the decision tree

    private func treeDiagnostics(reported: inout Set<String>) -> [Diagnostic] {
        let builder = TreeBuilder(space: context.space)
        var out: [Diagnostic] = []
        func visit(_ node: DecisionTree) {
            switch node {
            case .question(_, _, let branches): branches.forEach { visit($0.node) }
            case .leaf: break
            case .gap(let table, let path):
                let scenario = context.space.scenario(for: answers(path))
                if let d = gap(table: table, scenario: scenario), reported.insert("gap \(table)").inserted { out.append(d) }
            case .overlap(let table, let rules, let path):
                let scenario = context.space.scenario(for: answers(path))
                if let d = overlap(table: table, rules: rules, scenario: scenario),
                   reported.insert("overlap \(table) \(rules.joined(separator: ","))").inserted { out.append(d) }
            }
        }
        visit(builder.tree())
        return out
    }

    private func answers(_ path: [DecisionTree.PathStep]) -> [FactID: Answer] {
        var a: [FactID: Answer] = [:]
        for step in path { a[step.fact] = step.answers[0] }
        return a
    }

    private func gap(table id: String, scenario: Scenario) -> Diagnostic? {
        guard let table = model.tables[id: id] else { return nil }
        return Diagnostic(
            .error, "check.table.gap", at: table.location,
            "no row of table '\(id)' matches a possible scenario; every combination of fact values must reach a row",
            explanation: "Add a row for this case, or widen a row's cells. The facts the table reads: \(table.inputs.joined(separator: ", ")).",
            counterexample: context.counterexample(scenario))
    }

    private func overlap(table id: String, rules: [String], scenario: Scenario) -> Diagnostic? {
        guard let table = model.tables[id: id], rules.count > 1 else { return nil }
        let rows = rules.compactMap { r in table.rules.first { $0.id == r } }
        guard let last = rows.last else { return nil }
        return Diagnostic(
            .error, "check.table.overlap", at: last.location,
            "rows \(rules.map { "'\($0)'" }.joined(separator: " and ")) of table '\(id)' (hit policy unique) both match one scenario; at most one row may match",
            explanation: "Narrow one row's cells so that the rows exclude each other, or make the table's hit policy 'first' if the order decides.",
            counterexample: context.counterexample(scenario), related: rows.dropLast().map(\.location))
    }

    // MARK: every scenario class through the tables

    /// What the walk records, by table index and row index (no strings in the inner loop).
    private struct Walk {
        var reached: [Bool]
        var matched: [[Bool]]
        var fired: [[Bool]]
        /// For a row that matched but lost: a scenario and the row that won.
        var witness: [[(Scenario, String)?]]
    }

    private func walkDiagnostics(reported: inout Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let tables = model.tables.elements
        var index: [String: Int] = [:]
        for (i, t) in tables.enumerated() where index[t.id] == nil { index[t.id] = i }
        var w = Walk(reached: Array(repeating: false, count: tables.count),
                     matched: tables.map { Array(repeating: false, count: $0.rules.count) },
                     fired: tables.map { Array(repeating: false, count: $0.rules.count) },
                     witness: tables.map { Array(repeating: nil, count: $0.rules.count) })
        let refundingOutcomes = Set(model.outcomes.filter(\.refunds).map(\.id))
        let rowIndex = tables.map(RowIndex.init)
        let entry = index[model.edition.entryTable], route = index[model.edition.routeTable]

        for c in context.cases {
            guard let scenario = c.derived else { continue }
            var current = entry
            var visited = Set<Int>()
            var decidedOutcome: String?
            while let t = current, visited.insert(t).inserted {
                current = nil
                w.reached[t] = true
                guard let winner = walk(tables[t], t, rowIndex[t], scenario: scenario, input: c.input, &w, reported: &reported, out: &out) else { break }
                switch winner.result {
                case .next(let next): current = index[next]
                case .decide(let d): decidedOutcome = d.outcome
                case .route: break
                }
            }
            if let o = decidedOutcome, refundingOutcomes.contains(o), let r = route {
                w.reached[r] = true
                _ = walk(tables[r], r, rowIndex[r], scenario: scenario, input: c.input, &w, reported: &reported, out: &out)
            }
        }

        for (t, table) in tables.enumerated() {
            guard w.reached[t] else {
                out.append(Diagnostic(.warning, "check.table.unreachable-table", at: table.location,
                                      "no scenario reaches table '\(table.id)'; no row of the entry table hands over to it",
                                      explanation: "Hand over to it with a `next` row, or remove it."))
                continue
            }
            for (k, rule) in table.rules.enumerated() where !w.fired[t][k] {
                if w.matched[t][k], let (scenario, winner) = w.witness[t][k] {
                    out.append(Diagnostic(
                        .error, "check.table.shadowed-row", at: rule.location,
                        "row '\(rule.id)' of table '\(table.id)' never decides: an earlier row ('\(winner)') wins every scenario it matches",
                        explanation: "With hit policy 'first' the first matching row wins. Move the row up, or narrow the earlier row.",
                        counterexample: context.counterexample(scenario)))
                } else if !w.matched[t][k] {
                    out.append(Diagnostic(
                        .error, "check.table.unreachable-row", at: rule.location,
                        "row '\(rule.id)' of table '\(table.id)' matches no possible scenario",
                        explanation: "Its cells cannot all hold for any scenario that reaches the table (a value a fact never takes, or cells that contradict the tables before it)."))
                }
            }
        }
        return out
    }

    /// The row the table's hit policy selects, recording matches; gaps and overlaps are reported once per table.
    private func walk(_ table: DecisionTable, _ t: Int, _ rowIndex: RowIndex, scenario: Scenario, input: @autoclosure () -> Scenario, _ w: inout Walk,
                      reported: inout Set<String>, out: inout [Diagnostic]) -> Rule? {
        var first: Int?
        var overlapping: [Int] = []
        for k in rowIndex.candidates(scenario) where table.rules[k].matches(scenario) {
            w.matched[t][k] = true
            if let f = first {
                if table.hitPolicy == .unique { overlapping.append(k) }
                else if w.witness[t][k] == nil { w.witness[t][k] = (input(), table.rules[f].id) }
            } else {
                first = k
            }
        }
        guard let f = first else {
            if reported.insert("gap \(table.id)").inserted, let d = gap(table: table.id, scenario: input()) { out.append(d) }
            return nil
        }
        if !overlapping.isEmpty {
            let ids = ([f] + overlapping).map { table.rules[$0].id }
            if reported.insert("overlap \(table.id) \(ids.joined(separator: ","))").inserted,
               let d = overlap(table: table.id, rules: ids, scenario: input()) { out.append(d) }
            return nil
        }
        w.fired[t][f] = true
        return table.rules[f]
    }

    // MARK: rows with the same cells

    private func sameCells() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in model.tables {
            var seen: [[String]: Rule] = [:]
            for rule in table.rules {
                let key = rule.conditions.filter { $0.test != .any }.map { "\($0.fact) \($0.test)" }.sorted()
                guard let earlier = seen[key] else { seen[key] = rule; continue }
                if earlier.result == rule.result {
                    out.append(Diagnostic(.warning, "check.table.duplicate-row", at: rule.location,
                                          "row '\(rule.id)' of table '\(table.id)' repeats row '\(earlier.id)': same cells, same result",
                                          explanation: "Remove one of them.", related: [earlier.location]))
                } else {
                    out.append(Diagnostic(.error, "check.table.conflicting-rows", at: rule.location,
                                          "rows '\(earlier.id)' and '\(rule.id)' of table '\(table.id)' have the same cells but decide differently",
                                          explanation: "The source cannot say both; keep the row the cited passage supports.", related: [earlier.location]))
                }
            }
        }
        return out
    }
}
