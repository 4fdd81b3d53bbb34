import TebikiModel

/// A model compiled once for the code that reads it scenario after scenario: the engine, the
/// scenario decoder, the question space and the scenario classes ask it instead of building
/// indexes of their own. It holds no rule of its own: every answer it gives is one the model's
/// facts and tables give, found without scanning the whole model (with a thousand products,
/// scanning made the checker and the diff quadratic).
package final class ModelPlan: Sendable {
    /// The model compiled.
    package let model: Model
    /// Which facts can apply once the product is known.
    package let gate: ProductGate
    /// The derived facts, and which of them a scenario can have.
    package let derivedFacts: DerivedFacts
    /// The model's tables, in `model.tables` order, with their rows indexed.
    package let tables: [PlannedTable]
    /// A number per fact id that the facts' conditions and windows name (see `FactSlots`).
    package let slots: FactSlots

    /// Compiles `model`.
    package init(_ model: Model) {
        self.model = model
        gate = ProductGate(model.facts.elements)
        derivedFacts = DerivedFacts(model.facts.elements)
        tables = model.tables.map { PlannedTable($0, tables: model.tables) }
        slots = FactSlots(model)
    }

    /// The position in `tables` of the table `id`.
    package func tablePosition(of id: String) -> Int? { model.tables.position(of: id) }
}

/// A decision table with what the engine reads of it per scenario, made once: its rows' conditions,
/// its rows indexed by their key fact (a row per product in the entry table), and the position of
/// the table each row hands over to.
package final class PlannedTable: Sendable {
    package let table: DecisionTable
    /// The rows indexed by their key fact.
    package let rowIndex: RowIndex
    /// Per row, its conditions.
    package let conditions: [[Condition]]
    /// Per row that hands over (`next`), the position in `model.tables` of that table, if any.
    package let next: [Int?]

    init(_ table: DecisionTable, tables: Catalog<DecisionTable>) {
        self.table = table
        rowIndex = RowIndex(table)
        conditions = table.rules.map(\.conditions)
        next = table.rules.map { rule in
            guard case .next(let id) = rule.result else { return nil }
            return tables.position(of: id)
        }
    }

    /// The rows that can match `scenario` (the others' key cell rejects it), in table order.
    package func rows(thatCanMatch scenario: Scenario) -> [Int] { rowIndex.candidates(scenario) }
}

/// A number per fact id (a slot): the model's facts first (a repeated id has one slot), then the
/// other facts their conditions and windows name. Code that builds many scenarios of a few dozen
/// facts keeps values by slot, which is cheaper than hashing a fact id per read and write.
package struct FactSlots: Sendable {
    /// The fact id of each slot.
    package let ids: [FactID]
    private let index: [FactID: Int]

    init(_ model: Model) {
        var ids: [FactID] = []
        var index: [FactID: Int] = [:]
        func add(_ id: FactID) {
            guard index[id] == nil else { return }
            index[id] = ids.count
            ids.append(id)
        }
        for f in model.facts { add(f.id) }
        for f in model.facts {
            if case .withinWindow(let date)? = f.derivation { add(date) }
            for c in f.appliesWhen {
                add(c.fact)
                for other in c.test.factsCompared { add(other) }
            }
        }
        add(model.edition.window.countsFrom)
        self.ids = ids
        self.index = index
    }

    /// The slot of `id`, when the model names it.
    package func slot(of id: FactID) -> Int? { index[id] }
    /// How many slots there are.
    package var count: Int { ids.count }
}
