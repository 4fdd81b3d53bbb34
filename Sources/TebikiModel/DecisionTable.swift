/// A decision table in the manner of DMN: a row per rule, a cell per fact, a hit policy.
package struct DecisionTable: Sendable, Hashable, Identifiable {
    /// How matching rows combine.
    package enum HitPolicy: String, Sendable, Hashable, CaseIterable {
        /// Rows may overlap; the first matching row in order wins.
        case first
        /// At most one row may match any scenario.
        case unique
    }

    package var id: String
    /// Name, per language.
    package var title: Localized
    package var hitPolicy: HitPolicy
    /// The facts the table reads, in column order.
    package var inputs: [FactID]
    /// The rows, in order.
    package var rules: [Rule]
    /// Where it was declared.
    package var location: SourceLocation

    /// Creates a table.
    package init(id: String, title: Localized, hitPolicy: HitPolicy, inputs: [FactID], rules: [Rule], location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.hitPolicy = hitPolicy; self.inputs = inputs; self.rules = rules; self.location = location
    }
}

/// One row of a decision table.
package struct Rule: Sendable, Hashable, Identifiable {
    package var id: String
    /// The cells: a test per input fact; inputs without a cell are `-` (any).
    package var conditions: [Condition]
    /// What the row decides.
    package var result: Result
    /// The passage of the source page it comes from.
    package var source: SourceCitation
    /// Where it was declared.
    package var location: SourceLocation

    /// What a row decides: hand over to another table, or a decision.
    package enum Result: Sendable, Hashable {
        case next(String)
        case decide(RuleDecision)
        case route(String)
    }

    /// Creates a rule.
    package init(id: String, conditions: [Condition], result: Result, source: SourceCitation, location: SourceLocation = .unknown) {
        self.id = id; self.conditions = conditions; self.result = result; self.source = source; self.location = location
    }

    /// The test for `fact` (`-` when the row has no cell for it).
    package func test(for fact: FactID) -> UnaryTest { conditions.first { $0.fact == fact }?.test ?? .any }

    /// Whether every cell passes.
    package func matches(_ scenario: Scenario) -> Bool { conditions.allHold(in: scenario) }
}

/// The outputs of a deciding row.
package struct RuleDecision: Sendable, Hashable {
    /// Outcome id.
    package var outcome: String
    /// Reason id: why, in words.
    package var reason: String
    /// Formula id for the amount (refunding outcomes).
    package var amount: String?
    /// Channel id (`console`, `account-manager`).
    package var channel: String?
    /// Procedure id: the console actions, in order.
    package var procedure: String?
    /// Warning ids shown with the decision.
    package var warnings: [String]
    /// Creates a decision.
    package init(outcome: String, reason: String, amount: String? = nil, channel: String? = nil, procedure: String? = nil, warnings: [String] = []) {
        self.outcome = outcome; self.reason = reason; self.amount = amount; self.channel = channel
        self.procedure = procedure; self.warnings = warnings
    }
}
