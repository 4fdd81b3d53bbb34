import TebikiModel

/// What the engine decides for one scenario. Language-free: texts are rendered later.
package struct Decision: Sendable, Hashable {
    /// Outcome id (`full-refund`).
    package var outcome: String
    /// The refund amount, rounded to the currency's places (nil for promotion terms).
    package var amount: Exact?
    /// Route id, nil when nothing is refunded.
    package var route: String?
    /// Channel id, nil when nothing is refunded.
    package var channel: String?
    /// The console actions, in order, repeated actions once per resource.
    package var actions: [ActionInstance]
    /// The last day by which the refund must be requested (nil for promotion terms).
    package var deadline: CalendarDate?
    /// Warnings, in order, with their values.
    package var warnings: [WarningInstance]
    /// The reason id of the deciding rule (its text says why).
    package var reason: String
    /// The formula id of the amount, when one applied.
    package var formula: String?
    /// The rules that fired, in order.
    package var trace: [FiredRule]
    /// The scenario with defaults and derived facts filled in.
    package var scenario: Scenario

    /// The fired rules' ids: the `reasons` of `explain`'s JSON.
    package var ruleIDs: [String] { trace.map(\.rule) }
}

/// One action of a decision, with its place among repeats.
package struct ActionInstance: Sendable, Hashable {
    /// Action id.
    package var action: String
    /// 1-based index among the repeats of this item (the `{row}` placeholder).
    package var row: Int
}

/// A warning with the values its text needs.
package struct WarningInstance: Sendable, Hashable {
    /// Warning id.
    package var warning: String
    /// Values for placeholders (`deadline`, `last_safe_day`).
    package var values: [String: FactValue]
}

/// A rule that fired, with its source.
package struct FiredRule: Sendable, Hashable {
    package var table: String
    package var rule: String
    package var source: SourceCitation
}

/// Why the engine could not decide: a defect of the model (the checker finds these statically).
package struct EngineFailure: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
