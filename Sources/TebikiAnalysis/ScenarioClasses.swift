import TebikiModel

/// The classes of scenarios: every combination of the answers of the questions that apply,
/// each with concrete scenarios at the window's boundaries. The checker proves every class,
/// and the diff compares decisions class by class.
public struct ScenarioClasses: Sendable {
    public let space: QuestionSpace

    /// One class: an answer per question that applies.
    public struct Class: Sendable, Hashable {
        public var answers: [FactID: Answer]
        /// `product=ssl-certificate, certificate_status=issued, …` in question order.
        public var key: String
    }

    /// Creates the enumeration.
    public init(space: QuestionSpace) { self.space = space }

    /// Every class, in a stable order (question order, answers in content order).
    /// `limit` stops the enumeration early (nil: all).
    public func all(where filter: [FactID: Answer] = [:]) -> [Class] {
        var result: [Class] = []
        var current: [FactID: Answer] = filter
        expand(index: 0, current: &current, into: &result)
        return result
    }

    private func expand(index: Int, current: inout [FactID: Answer], into result: inout [Class]) {
        let order = space.order
        if index == order.count {
            // The answers in question order (sorting the few answers, not walking every question).
            let positions = current.keys.compactMap { space.gate.orderPosition[$0] }.sorted()
            let key = positions.compactMap { i in current[order[i]].map { "\(order[i])=\($0.id)" } }.joined(separator: ", ")
            result.append(Class(answers: current, key: key))
            return
        }
        // Questions gated on another value of the gating fact (another product's) cannot apply: skip them.
        let next = space.gate.nextIndex(after: index, symbol: space.gate.symbol(in: current), count: order.count)
        let factID = order[index]
        guard let question = space.questions[factID] else { expand(index: next, current: &current, into: &result); return }
        if current[factID] != nil { expand(index: next, current: &current, into: &result); return }
        // A fact that applies everywhere needs no sample scenario (building one per node was most of the time).
        if !question.fact.appliesWhen.isEmpty {
            let applies = quickApplies(question.fact, current) ?? space.applies(question.fact, given: space.scenario(for: current))
            guard applies else { expand(index: next, current: &current, into: &result); return }
        }
        for answer in question.answers {
            current[factID] = answer
            let after = space.gate.nextIndex(after: index, symbol: space.gate.symbol(in: current), count: order.count)
            expand(index: after, current: &current, into: &result)
        }
        current[factID] = nil
    }

    /// Whether `fact` applies, read from the answers alone when that gives the same result as a
    /// full sample scenario: every fact its conditions test is answered with a value, applies
    /// everywhere (so the sample keeps the answer), and no test compares with another fact.
    /// Nil when the full sample is needed.
    private func quickApplies(_ fact: Fact, _ current: [FactID: Answer]) -> Bool? {
        var s = Scenario()
        for c in fact.appliesWhen {
            guard let v = current[c.fact]?.sample, space.questions[c.fact]?.fact.appliesWhen.isEmpty == true,
                  space.model.facts[id: c.fact]?.isDerived == false, !Self.readsFacts(c.test) else { return nil }
            s[c.fact] = v
        }
        return fact.appliesWhen.allHold(in: s)
    }

    private static func readsFacts(_ test: UnaryTest) -> Bool {
        switch test {
        case .compare(_, .fact): return true
        case .not(let t): return readsFacts(t)
        default: return false
        }
    }

    /// Concrete scenarios of a class: the window's last day in time and day 0 (boundaries).
    public func scenarios(of c: Class) -> [Scenario] {
        let late = space.scenario(for: c.answers, lastDayInTime: true)
        let early = space.scenario(for: c.answers, lastDayInTime: false)
        return late == early ? [late] : [late, early]
    }
}
