import TebikiAnalysis
import TebikiConcurrency
import TebikiEngine
import TebikiModel

/// Completeness and consistency of the decision tables.
///
/// - Gaps and overlaps of the decision tree (`QuestionSpace.decisionTree`), each with a concrete scenario.
/// - The same, found by walking every scenario class through the tables independently of the engine.
/// - Rows no scenario class ever fires: shadowed (an earlier row always wins) or unreachable (never matched).
/// - Rows with the same cells: conflicting (different results) or duplicate.
struct TableChecker {
    let context: CheckContext
    /// The model, held (not read through `context` each time: that would copy it).
    let model: Model

    init(context: CheckContext) {
        self.context = context
        model = context.model
    }

    /// - Parameter chunks: how many runs of scenario classes the walk is split into, each walked
    ///   on its own (nil: enough to keep every core busy). The diagnostics do not depend on it.
    func run(chunks: Int? = nil) -> [Diagnostic] {
        treeAndWalkDiagnostics(chunks: chunks ?? defaultChunks) + sameCells()
    }

    /// A few chunks per core, as `ParallelMap` runs them with the tree beside them (16 in all),
    /// but none for fewer than a few dozen classes (a small model is walked faster than threads start).
    private var defaultChunks: Int { max(1, min(15, context.classes.count / 32)) }

    /// A gap or an overlap, with the key it is reported once by (the tree and the walk find the same ones).
    private typealias Found = (key: String, diagnostic: Diagnostic)

    // MARK: the decision tree

    /// The tree's gaps and overlaps in the tree's order, repeats included (the caller keeps the first of each key).
    private func treeDiagnostics() -> [Found] {
        var out: [Found] = []
        func visit(_ node: DecisionTree) {
            switch node {
            case .question(_, _, let branches): branches.forEach { visit($0.node) }
            case .leaf: break
            case .gap(let table, let path):
                let scenario = context.space.scenario(for: answers(path))
                if let d = gap(table: table, scenario: scenario) { out.append(("gap \(table)", d)) }
            case .overlap(let table, let rules, let path):
                let scenario = context.space.scenario(for: answers(path))
                if let d = overlap(table: table, rules: rules, scenario: scenario) {
                    out.append(("overlap \(table) \(rules.joined(separator: ","))", d))
                }
            }
        }
        visit(context.space.decisionTree)
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
            .checkTableGap, at: table.location,
            "no row of table '\(id)' matches a possible scenario; every combination of fact values must reach a row",
            explanation: "Add a row for this case, or widen a row's cells. The facts the table reads: \(table.inputs.joined(separator: ", ")).",
            counterexample: context.counterexample(scenario))
    }

    private func overlap(table id: String, rules: [String], scenario: Scenario) -> Diagnostic? {
        guard let table = model.tables[id: id], rules.count > 1 else { return nil }
        let rows = rules.compactMap { r in table.rules.first { $0.id == r } }
        guard let last = rows.last else { return nil }
        return Diagnostic(
            .checkTableOverlap, at: last.location,
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

    /// What the walk does after a row wins.
    private enum Then {
        /// Hand over to the table at this index (nil: a table the model does not have).
        case next(Int?)
        /// Decide; `refunds`: the outcome refunds, so the route table follows.
        case decide(refunds: Bool)
        case route
    }

    /// A cell of a row: its test and the fact it reads, by number (`FactValues`).
    private struct Cell {
        let fact: Int
        let test: UnaryTest
    }

    /// The values of one scenario by fact number, each looked up in the scenario when a cell first
    /// reads it: the rows one scenario is tested against read the same few facts again and again.
    private struct FactValues {
        /// The facts, numbered.
        let ids: [FactID]
        private var values: [FactValue?]
        private var known: [Bool]
        private var read: [Int] = []

        init(_ ids: [FactID]) {
            self.ids = ids
            values = Array(repeating: nil, count: ids.count)
            known = Array(repeating: false, count: ids.count)
        }

        /// Forgets the values read (for the next scenario).
        mutating func reset() {
            for f in read { known[f] = false }
            read.removeAll(keepingCapacity: true)
        }

        /// Whether every cell passes, as `Condition.holds(in:)` says.
        mutating func allHold(_ cells: [Cell], in scenario: Scenario) -> Bool {
            cells.allSatisfy { cell in cell.test.matches(value(cell.fact, in: scenario), in: scenario) }
        }

        private mutating func value(_ f: Int, in scenario: Scenario) -> FactValue? {
            if known[f] { return values[f] }
            values[f] = scenario[ids[f]]
            known[f] = true
            read.append(f)
            return values[f]
        }
    }

    /// A table as the walk reads it, taken apart once: the rows' cells, ids and what follows
    /// each, so that testing a row copies no `Rule` (a row is tested for thousands of scenarios).
    private struct Rows {
        let id: String
        let unique: Bool
        let index: RowIndex
        let cells: [[Cell]]
        let ids: [String]
        let then: [Then]

        init(_ table: DecisionTable, tableIndex: [String: Int], refundingOutcomes: Set<String>, factNumber: [FactID: Int]) {
            id = table.id
            unique = table.hitPolicy == .unique
            index = RowIndex(table)
            cells = table.rules.map { $0.conditions.map { Cell(fact: factNumber[$0.fact]!, test: $0.test) } }
            ids = table.rules.map(\.id)
            then = table.rules.map { rule in
                switch rule.result {
                case .next(let next): return .next(tableIndex[next])
                case .decide(let d): return .decide(refunds: refundingOutcomes.contains(d.outcome))
                case .route: return .route
                }
            }
        }
    }

    /// What one chunk of the walk found: its record, and the gaps and overlaps it reported, in
    /// the order it met them (each key once).
    private struct ChunkWalk {
        var walk: Walk
        var found: [Found] = []
    }

    /// The tree's gaps and overlaps, then every scenario class through the tables.
    ///
    /// The classes are walked in `chunks` runs of consecutive classes, in parallel and beside the
    /// tree (built on one core), each with its own record; merged as one walk in class order after
    /// the tree would have left it: flags or-ed, a row's witness from the first chunk that has one,
    /// gaps and overlaps in order (the tree's, then chunk by chunk), each key only the first time.
    private func treeAndWalkDiagnostics(chunks: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let tables = model.tables.elements
        var index: [String: Int] = [:]
        for (i, t) in tables.enumerated() where index[t.id] == nil { index[t.id] = i }
        let refundingOutcomes = Set(model.outcomes.filter(\.refunds).map(\.id))
        var factNumber: [FactID: Int] = [:], factIDs: [FactID] = []
        for table in tables {
            for rule in table.rules {
                for c in rule.conditions where factNumber[c.fact] == nil { factNumber[c.fact] = factIDs.count; factIDs.append(c.fact) }
            }
        }
        let rows = tables.map { Rows($0, tableIndex: index, refundingOutcomes: refundingOutcomes, factNumber: factNumber) }
        let entry = index[model.edition.entryTable], route = index[model.edition.routeTable]
        let classCount = context.classes.count, chunkCount = max(1, min(chunks, classCount))

        // Part 0 is the tree, first so that it starts first; parts 1... the chunks of classes.
        let parts = ParallelMap.map(1 + chunkCount) { part -> ChunkWalk in
            if part == 0 { return ChunkWalk(walk: Walk(reached: [], matched: [], fired: [], witness: []), found: treeDiagnostics()) }
            let chunk = part - 1
            var w = Walk(reached: Array(repeating: false, count: tables.count),
                         matched: tables.map { Array(repeating: false, count: $0.rules.count) },
                         fired: tables.map { Array(repeating: false, count: $0.rules.count) },
                         witness: tables.map { Array(repeating: nil, count: $0.rules.count) })
            var reported = Set<String>()
            var found: [Found] = []
            var values = FactValues(factIDs)
            // The tables one case has passed through: a handful, so a list, reused from case to case.
            var visited: [Int] = []
            for i in (classCount * chunk / chunkCount)..<(classCount * (chunk + 1) / chunkCount) {
                for c in context.cases(ofClass: i) {
                    guard let scenario = c.derived else { continue }
                    var current = entry
                    visited.removeAll(keepingCapacity: true)
                    values.reset()
                    var refunds = false
                    while let t = current, !visited.contains(t) {
                        visited.append(t)
                        current = nil
                        w.reached[t] = true
                        guard let winner = walk(rows[t], t, scenario: scenario, values: &values, input: c.input, &w,
                                                reported: &reported, found: &found) else { break }
                        switch rows[t].then[winner] {
                        case .next(let next): current = next
                        case .decide(let r): refunds = r
                        case .route: break
                        }
                    }
                    if refunds, let r = route {
                        w.reached[r] = true
                        _ = walk(rows[r], r, scenario: scenario, values: &values, input: c.input, &w, reported: &reported, found: &found)
                    }
                }
            }
            return ChunkWalk(walk: w, found: found)
        }

        let walked = parts.dropFirst()
        var w = walked.first!.walk
        for chunk in walked.dropFirst() {
            for t in tables.indices {
                w.reached[t] = w.reached[t] || chunk.walk.reached[t]
                for k in tables[t].rules.indices {
                    w.matched[t][k] = w.matched[t][k] || chunk.walk.matched[t][k]
                    w.fired[t][k] = w.fired[t][k] || chunk.walk.fired[t][k]
                    if w.witness[t][k] == nil { w.witness[t][k] = chunk.walk.witness[t][k] }
                }
            }
        }
        var reported = Set<String>()
        for part in parts {
            for (key, d) in part.found where reported.insert(key).inserted { out.append(d) }
        }

        for (t, table) in tables.enumerated() {
            guard w.reached[t] else {
                out.append(Diagnostic(.checkTableUnreachableTable, at: table.location,
                                      "no scenario reaches table '\(table.id)'; no row of the entry table hands over to it",
                                      explanation: "Hand over to it with a `next` row, or remove it."))
                continue
            }
            for (k, rule) in table.rules.enumerated() where !w.fired[t][k] {
                if w.matched[t][k], let (scenario, winner) = w.witness[t][k] {
                    out.append(Diagnostic(
                        .checkTableShadowedRow, at: rule.location,
                        "row '\(rule.id)' of table '\(table.id)' never decides: an earlier row ('\(winner)') wins every scenario it matches",
                        explanation: "With hit policy 'first' the first matching row wins. Move the row up, or narrow the earlier row.",
                        counterexample: context.counterexample(scenario)))
                } else if !w.matched[t][k] {
                    out.append(Diagnostic(
                        .checkTableUnreachableRow, at: rule.location,
                        "row '\(rule.id)' of table '\(table.id)' matches no possible scenario",
                        explanation: "Its cells cannot all hold for any scenario that reaches the table (a value a fact never takes, or cells that contradict the tables before it)."))
                }
            }
        }
        return out
    }

    /// The index of the row the table's hit policy selects, recording matches; gaps and overlaps are reported once per table.
    private func walk(_ rows: Rows, _ t: Int, scenario: Scenario, values: inout FactValues, input: @autoclosure () -> Scenario, _ w: inout Walk,
                      reported: inout Set<String>, found: inout [Found]) -> Int? {
        var first: Int?
        var overlapping: [Int] = []
        for k in rows.index.candidates(scenario) where values.allHold(rows.cells[k], in: scenario) {
            w.matched[t][k] = true
            if let f = first {
                if rows.unique { overlapping.append(k) }
                else if w.witness[t][k] == nil { w.witness[t][k] = (input(), rows.ids[f]) }
            } else {
                first = k
            }
        }
        guard let f = first else {
            let key = "gap \(rows.id)"
            if reported.insert(key).inserted, let d = gap(table: rows.id, scenario: input()) { found.append((key, d)) }
            return nil
        }
        if !overlapping.isEmpty {
            let ids = ([f] + overlapping).map { rows.ids[$0] }
            let key = "overlap \(rows.id) \(ids.joined(separator: ","))"
            if reported.insert(key).inserted, let d = overlap(table: rows.id, rules: ids, scenario: input()) { found.append((key, d)) }
            return nil
        }
        w.fired[t][f] = true
        return f
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
                    out.append(Diagnostic(.checkTableDuplicateRow, at: rule.location,
                                          "row '\(rule.id)' of table '\(table.id)' repeats row '\(earlier.id)': same cells, same result",
                                          explanation: "Remove one of them.", related: [earlier.location]))
                } else {
                    out.append(Diagnostic(.checkTableConflictingRows, at: rule.location,
                                          "rows '\(earlier.id)' and '\(rule.id)' of table '\(table.id)' have the same cells but decide differently",
                                          explanation: "The source cannot say both; keep the row the cited passage supports.", related: [earlier.location]))
                }
            }
        }
        return out
    }
}
