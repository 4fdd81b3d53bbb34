import TebikiEngine
import TebikiModel

/// A group of scenarios whose decision changed in the same way, with one concrete example.
public struct BehaviourChange: Sendable, Hashable {
    /// What part of a decision changed.
    public enum Aspect: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The scenario is decided on one side only (an unknown product, say).
        case coverage, outcome, amount, actions, deadline, route, channel, warnings
        private var rank: Int { Aspect.allCases.firstIndex(of: self) ?? 0 }
        public static func < (a: Aspect, b: Aspect) -> Bool { a.rank < b.rank }
    }

    /// The product of the scenarios (`ssl-certificate`).
    public var product: String
    /// The aspects that changed, in `Aspect` order.
    public var aspects: [Aspect]
    /// The group's conditions, in question order: the answers every scenario of the group shares,
    /// and, for a question the scenarios answer differently, the answers they give when they
    /// are not all the question's answers (`validity_years` = `2` or `3`).
    public var when: [AnswerRef]
    /// The day of the refund window every scenario of the group is requested on (0: the
    /// payment date, `window.length`: the last day in time), when they share one. Groups that
    /// differ only by the day (a warning for the last day, say) are told apart by it.
    public var requestDay: Int?
    /// How many concrete scenarios the group holds.
    public var count: Int
    /// The example scenario (input facts), as given to both models.
    public var example: Scenario
    /// The example's outcome before; nil when the scenario is not covered before.
    public var before: SideOutcome
    /// The example's outcome after.
    public var after: SideOutcome

    /// Creates a group.
    public init(product: String, aspects: [Aspect], when: [AnswerRef], requestDay: Int? = nil, count: Int, example: Scenario,
                before: SideOutcome, after: SideOutcome) {
        self.product = product; self.aspects = aspects; self.when = when; self.requestDay = requestDay; self.count = count
        self.example = example; self.before = before; self.after = after
    }
}

/// An answer to a question (`certificate_status` = `issued`), or some of its answers
/// (`validity_years` = `2` or `3`), by ids.
public struct AnswerRef: Sendable, Hashable {
    public var fact: FactID
    /// One answer or more, in the question's order.
    public var answers: [String]
    /// The answer, when there is one; the first of them otherwise.
    public var answer: String { answers[0] }
    /// One answer.
    public init(fact: FactID, answer: String) { self.fact = fact; answers = [answer] }
    /// Some of the question's answers (at least one).
    public init(fact: FactID, answers: [String]) {
        precondition(!answers.isEmpty, "an answer reference needs an answer")
        self.fact = fact; self.answers = answers
    }
}

/// What one model makes of a scenario.
public enum SideOutcome: Sendable, Hashable {
    /// Decided.
    case decided(DecisionSummary)
    /// The scenario is not valid for this model (an unknown product or value); the problems, in words.
    case notCovered([String])
    /// The model could not decide (a defect of the model).
    case failed(String)

    /// The decision, if decided.
    public var decision: DecisionSummary? {
        if case .decided(let d) = self { return d }
        return nil
    }
}

/// The language-free parts of a decision that the diff compares.
public struct DecisionSummary: Sendable, Hashable {
    public var outcome: String
    public var amount: Exact?
    /// The decimal places of the side's currency (amounts are written with exactly these).
    public var places: Int
    public var route: String?
    public var channel: String?
    /// Action ids, in order, repeats included.
    public var actions: [String]
    public var deadline: CalendarDate?
    /// Warning ids, in order.
    public var warnings: [String]
    /// The reason id.
    public var reason: String
    /// The rules that fired, `table/rule`.
    public var rules: [String]
    /// The procedure the deciding rule names, if any.
    public var procedure: String?
    /// Input facts of the scenario this model ignored (it does not know them, or they do not apply).
    public var ignored: [FactID]

    /// Creates a summary.
    public init(outcome: String, amount: Exact?, places: Int = 2, route: String?, channel: String?, actions: [String], deadline: CalendarDate?,
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
