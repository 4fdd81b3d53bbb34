/// The rows of one decision table that can match a scenario, found without testing every row:
/// rows are indexed by the value their cell on one key fact (the fact most rows test for a
/// single value, such as `product`) accepts. With a thousand products the entry table has a
/// thousand rows; each scenario then tests a handful, not all of them.
package struct RowIndex: Sendable {
    /// The fact the rows are indexed by, if any.
    package let key: FactID?
    /// Row indices by the key value they accept.
    private let byValue: [FactValue: [Int]]
    /// Rows whose key cell is not a plain list of values (or absent): always candidates.
    private let unkeyed: [Int]
    private let count: Int

    /// Indexes the rows of `table`.
    package init(_ table: DecisionTable) {
        count = table.rules.count
        var best: (FactID, Int)?
        if table.rules.count >= 16 {
            for fact in table.inputs {
                let keyed = table.rules.filter { Self.values($0.test(for: fact)) != nil }.count
                if keyed > (best?.1 ?? 1) { best = (fact, keyed) }
            }
        }
        guard let (fact, _) = best else { key = nil; byValue = [:]; unkeyed = []; return }
        var byValue: [FactValue: [Int]] = [:]
        var unkeyed: [Int] = []
        for (k, rule) in table.rules.enumerated() {
            if let values = Self.values(rule.test(for: fact)) {
                for v in Set(values) { byValue[v, default: []].append(k) }
            } else {
                unkeyed.append(k)
            }
        }
        key = fact; self.byValue = byValue; self.unkeyed = unkeyed
    }

    /// Symbols and booleans of a `oneOf` cell (their equality is structural, so they hash alike).
    private static func values(_ test: UnaryTest) -> [FactValue]? {
        guard case .oneOf(let values) = test else { return nil }
        for v in values {
            switch v {
            case .symbol, .boolean: continue
            default: return nil
            }
        }
        return values
    }

    /// The rows that may match `scenario`, in table order.
    package func candidates(_ scenario: Scenario) -> [Int] {
        guard let key else { return Array(0..<count) }
        let keyed = scenario[key].flatMap { byValue[$0] } ?? []
        // Merge two ascending lists.
        var out: [Int] = []
        out.reserveCapacity(keyed.count + unkeyed.count)
        var i = 0, j = 0
        while i < keyed.count || j < unkeyed.count {
            if j == unkeyed.count || (i < keyed.count && keyed[i] < unkeyed[j]) { out.append(keyed[i]); i += 1 }
            else { out.append(unkeyed[j]); j += 1 }
        }
        return out
    }
}
