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
            let key = order.compactMap { f in current[f].map { "\(f)=\($0.id)" } }.joined(separator: ", ")
            result.append(Class(answers: current, key: key))
            return
        }
        let factID = order[index]
        guard let question = space.questions[factID] else { expand(index: index + 1, current: &current, into: &result); return }
        if current[factID] != nil { expand(index: index + 1, current: &current, into: &result); return }
        let sample = space.scenario(for: current)
        guard space.applies(question.fact, given: sample) else { expand(index: index + 1, current: &current, into: &result); return }
        for answer in question.answers {
            current[factID] = answer
            expand(index: index + 1, current: &current, into: &result)
        }
        current[factID] = nil
    }

    /// Concrete scenarios of a class: the window's last day in time and day 0 (boundaries).
    public func scenarios(of c: Class) -> [Scenario] {
        let late = space.scenario(for: c.answers, lastDayInTime: true)
        let early = space.scenario(for: c.answers, lastDayInTime: false)
        return late == early ? [late] : [late, early]
    }
}
