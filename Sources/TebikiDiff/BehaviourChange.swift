import TebikiEngine
import TebikiModel

/// A group of scenarios whose decision changed in the same way, with one concrete example.
package struct BehaviourChange: Sendable, Hashable {
    /// What part of a decision changed.
    package enum Aspect: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The scenario is decided on one side only (an unknown product, say).
        case coverage, outcome, amount, actions, deadline, route, channel, warnings
        private var rank: Int { Aspect.allCases.firstIndex(of: self) ?? 0 }
        package static func < (a: Aspect, b: Aspect) -> Bool { a.rank < b.rank }
    }

    /// The product of the scenarios (`ssl-certificate`).
    package var product: String
    /// The aspects that changed, in `Aspect` order.
    package var aspects: [Aspect]
    /// The group's conditions, in question order: the answers every scenario of the group shares,
    /// and, for a question the scenarios answer differently, the answers they give when they
    /// are not all the question's answers (`validity_years` = `2` or `3`).
    package var when: [AnswerRef]
    /// The day of the refund window every scenario of the group is requested on (0: the
    /// payment date, `window.length`: the last day in time), when they share one. Groups that
    /// differ only by the day (a warning for the last day, say) are told apart by it.
    package var requestDay: Int?
    /// How many concrete scenarios the group holds.
    package var count: Int
    /// The example scenario (input facts), as given to both models.
    package var example: Scenario
    /// The example's outcome before; nil when the scenario is not covered before.
    package var before: SideOutcome
    /// The example's outcome after.
    package var after: SideOutcome

    /// Creates a group.
    package init(product: String, aspects: [Aspect], when: [AnswerRef], requestDay: Int? = nil, count: Int, example: Scenario,
                before: SideOutcome, after: SideOutcome) {
        self.product = product; self.aspects = aspects; self.when = when; self.requestDay = requestDay; self.count = count
        self.example = example; self.before = before; self.after = after
    }
}

/// An answer to a question (`certificate_status` = `issued`), or some of its answers
/// (`validity_years` = `2` or `3`), by ids.
package struct AnswerRef: Sendable, Hashable {
    package var fact: FactID
    /// One answer or more, in the question's order.
    package var answers: [String]
    /// The answer, when there is one; the first of them otherwise.
    package var answer: String { answers[0] }
    /// One answer.
    package init(fact: FactID, answer: String) { self.fact = fact; answers = [answer] }
    /// Some of the question's answers (at least one).
    package init(fact: FactID, answers: [String]) {
        precondition(!answers.isEmpty, "an answer reference needs an answer")
        self.fact = fact; self.answers = answers
    }
}

/// What one model makes of a scenario.
package enum SideOutcome: Sendable, Hashable {
    /// Decided.
    case decided(DecisionSummary)
    /// The scenario is not valid for this model (an unknown product or value); the problems, in words.
    case notCovered([String])
    /// The model could not decide (a defect of the model).
    case failed(String)

    /// The decision, if decided.
    package var decision: DecisionSummary? {
        if case .decided(let d) = self { return d }
        return nil
    }
}

/// The language-free parts of a decision that the diff compares.
package struct DecisionSummary: Sendable, Hashable {
    package var outcome: String
    package var amount: Exact?
    /// The decimal places of the side's currency (amounts are written with exactly these).
    package var places: Int
    package var route: String?
    package var channel: String?
    /// Action ids, in order, repeats included.
    package var actions: [String]
    package var deadline: CalendarDate?
    /// Warning ids, in order.
    package var warnings: [String]
    /// The reason id.
    package var reason: String
    /// The rules that fired, `table/rule`.
    package var rules: [String]
    /// The procedure the deciding rule names, if any.
    package var procedure: String?
    /// Input facts of the scenario this model ignored (it does not know them, or they do not apply).
    package var ignored: [FactID]

    /// Creates a summary.
    package init(outcome: String, amount: Exact?, places: Int = 2, route: String?, channel: String?, actions: [String], deadline: CalendarDate?,
                warnings: [String], reason: String, rules: [String], procedure: String?, ignored: [FactID]) {
        self.outcome = outcome; self.amount = amount; self.places = places; self.route = route; self.channel = channel; self.actions = actions
        self.deadline = deadline; self.warnings = warnings; self.reason = reason; self.rules = rules
        self.procedure = procedure; self.ignored = ignored
    }

    /// The value of one aspect, as a comparable text (`coverage` is never asked).
    func value(_ aspect: BehaviourChange.Aspect) -> String {
        switch aspect {
        case .coverage: return "covered"
        case .outcome: return outcome
        case .amount: return amount?.decimalString(places: places) ?? "-"
        case .actions: return actions.joined(separator: " ")
        case .deadline: return deadline?.description ?? "-"
        case .route: return route ?? "-"
        case .channel: return channel ?? "-"
        case .warnings: return warnings.joined(separator: " ")
        }
    }
}
