import TebikiModel

/// Which facts can apply once the product is known, defined once for the scenario decoder, the
/// question space and the scenario classes.
///
/// Most facts apply to one product (`applies_when: {product: [a, b]}`). The gate fact is the
/// enumeration that the most `applies_when` conditions test with a list of values: an input fact
/// that applies everywhere (`product`). A fact is gated when one of its conditions on the gate fact
/// is a plain list of symbols; it can then apply only where the gate fact has one of them (every
/// such condition must hold, so their lists intersect), and where it has another value or none,
/// the fact does not apply. Code that visits the facts that can apply visits the ungated ones and
/// those the gate fact's value allows, not every fact of the model.
package struct ProductGate: Sendable {
    /// The gate fact, if any fact is gated.
    package let fact: FactID?
    /// Per fact of the model (in `model.facts` order), the symbols of `fact` for which it can
    /// apply; nil when it is not gated. The gate fact itself is not gated.
    package let allowed: [Set<String>?]
    /// The input facts that are not gated, as positions in `model.facts`.
    private let ungatedInputs: [Int]
    /// The gated input facts by symbol they allow, as positions in `model.facts`, in order.
    private let gatedInputs: [String: [Int]]

    /// The gate of `facts` (a model's, in declaration order).
    package init(_ facts: [Fact]) {
        let candidates = Set(facts.filter { !$0.isDerived && $0.type == .enumeration && $0.appliesWhen.isEmpty }.map(\.id))
        var counts: [FactID: Int] = [:]
        for f in facts {
            for c in f.appliesWhen where candidates.contains(c.fact) {
                if case .oneOf = c.test { counts[c.fact, default: 0] += 1 }
            }
        }
        // The most conditions; of equals, the first id.
        let gateFact = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
        fact = gateFact
        allowed = facts.map { f in gateFact.flatMap { f.id == $0 ? nil : ProductGate.allowedSymbols(f.appliesWhen, on: $0) } }
        var ungated: [Int] = []
        var gated: [String: [Int]] = [:]
        for (i, f) in facts.enumerated() where !f.isDerived {
            if let set = allowed[i] { for s in set { gated[s, default: []].append(i) } } else { ungated.append(i) }
        }
        ungatedInputs = ungated
        gatedInputs = gated
    }

    /// The symbols `conditions` allow for `fact`, when one of them is a plain list of symbols on it.
    private static func allowedSymbols(_ conditions: [Condition], on fact: FactID) -> Set<String>? {
        var result: Set<String>?
        for c in conditions where c.fact == fact {
            guard case .oneOf(let values) = c.test else { continue }
            let symbols = values.compactMap { v -> String? in if case .symbol(let s) = v { s } else { nil } }
            guard symbols.count == values.count else { continue }
            result = result.map { $0.intersection(symbols) } ?? Set(symbols)
        }
        return result
    }

    /// The value of the gate fact in `scenario` as a symbol (nil: none).
    package func symbol(in scenario: Scenario) -> String? {
        guard let fact, case .symbol(let s)? = scenario[fact] else { return nil }
        return s
    }

    /// The input facts that can apply where the gate fact has `symbol` (nil: no value), as positions
    /// in `model.facts`, in declaration order: the ungated ones and those `symbol` allows.
    package func inputs(applyingWith symbol: String?) -> [Int] {
        guard let symbol, let gated = gatedInputs[symbol] else { return ungatedInputs }
        return merged(ungatedInputs, gated)
    }

    /// Two ascending lists of positions merged into one.
    private func merged(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        return out
    }
}
