/// A decision table in the manner of DMN: a row per rule, a cell per fact, a hit policy.
public struct DecisionTable: Sendable, Hashable, Identifiable {
    /// How matching rows combine.
    public enum HitPolicy: String, Sendable, Hashable, CaseIterable {
        /// Rows may overlap; the first matching row in order wins.
        case first
        /// At most one row may match any scenario.
        case unique
    }

    public var id: String
    /// Name, per language.
    public var title: Localized
    public var hitPolicy: HitPolicy
    /// The facts the table reads, in column order.
    public var inputs: [FactID]
    /// The rows, in order.
    public var rules: [Rule]
    /// Where it was declared.
    public var location: SourceLocation

    /// Creates a table.
    public init(id: String, title: Localized, hitPolicy: HitPolicy, inputs: [FactID], rules: [Rule], location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.hitPolicy = hitPolicy; self.inputs = inputs; self.rules = rules; self.location = location
    }
}

/// One row of a decision table.
public struct Rule: Sendable, Hashable, Identifiable {
    public var id: String
    /// The cells: a test per input fact; inputs without a cell are `-` (any).
    public var conditions: [Condition]
    /// What the row decides.
    public var result: Result
    /// The passage of the source page it comes from.
    public var source: SourceCitation
    /// Where it was declared.
    public var location: SourceLocation

    /// What a row decides: hand over to another table, or a decision.
    public enum Result: Sendable, Hashable {
        case next(String)
        case decide(RuleDecision)
        case route(String)
    }

    /// Creates a rule.
    public init(id: String, conditions: [Condition], result: Result, source: SourceCitation, location: SourceLocation = .unknown) {
        self.id = id; self.conditions = conditions; self.result = result; self.source = source; self.location = location
    }

    /// The test for `fact` (`-` when the row has no cell for it).
    public func test(for fact: FactID) -> UnaryTest { conditions.first { $0.fact == fact }?.test ?? .any }

    /// Whether every cell passes.
    public func matches(_ scenario: Scenario) -> Bool { conditions.allHold(in: scenario) }
}

/// The outputs of a deciding row.
public struct RuleDecision: Sendable, Hashable {
    /// Outcome id.
    public var outcome: String
    /// Reason id: why, in words.
    public var reason: String
    /// Formula id for the amount (refunding outcomes).
    public var amount: String?
    /// Channel id (`console`, `account-manager`).
    public var channel: String?
    /// Procedure id: the console actions, in order.
    public var procedure: String?
    /// Warning ids shown with the decision.
    public var warnings: [String]
    /// Creates a decision.
    public init(outcome: String, reason: String, amount: String? = nil, channel: String? = nil, procedure: String? = nil, warnings: [String] = []) {
        self.outcome = outcome; self.reason = reason; self.amount = amount; self.channel = channel
        self.procedure = procedure; self.warnings = warnings
    }
}
