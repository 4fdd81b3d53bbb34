import TebikiModel

/// What the engine decides for one scenario. Language-free: texts are rendered later.
public struct Decision: Sendable, Hashable {
    /// Outcome id (`full-refund`).
    public var outcome: String
    /// The refund amount, rounded to the currency's places (nil for promotion terms).
    public var amount: Exact?
    /// Route id, nil when nothing is refunded.
    public var route: String?
    /// Channel id, nil when nothing is refunded.
    public var channel: String?
    /// The console actions, in order, repeated actions once per resource.
    public var actions: [ActionInstance]
    /// The last day by which the refund must be requested (nil for promotion terms).
    public var deadline: CalendarDate?
    /// Warnings, in order, with their values.
    public var warnings: [WarningInstance]
    /// The reason id of the deciding rule (its text says why).
    public var reason: String
    /// The formula id of the amount, when one applied.
    public var formula: String?
    /// The rules that fired, in order.
    public var trace: [FiredRule]
    /// The scenario with defaults and derived facts filled in.
    public var scenario: Scenario

    /// The fired rules' ids: the `reasons` of `explain`'s JSON.
    public var ruleIDs: [String] { trace.map(\.rule) }
}

/// One action of a decision, with its place among repeats.
public struct ActionInstance: Sendable, Hashable {
    /// Action id.
    public var action: String
    /// 1-based index among the repeats of this item (the `{row}` placeholder).
    public var row: Int
}

/// A warning with the values its text needs.
public struct WarningInstance: Sendable, Hashable {
    /// Warning id.
    public var warning: String
    /// Values for placeholders (`deadline`, `last_safe_day`).
    public var values: [String: FactValue]
}

/// A rule that fired, with its source.
public struct FiredRule: Sendable, Hashable {
    public var table: String
    public var rule: String
    public var source: SourceCitation
}

/// Why the engine could not decide: a defect of the model (the checker finds these statically).
public struct EngineFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
