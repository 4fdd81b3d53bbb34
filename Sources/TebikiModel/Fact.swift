/// A fact that the rules read: an input a person answers, or a value derived from others.
package struct Fact: Sendable, Hashable, Identifiable {
    /// One allowed value of an enumeration.
    package struct Value: Sendable, Hashable, Identifiable {
        /// The value as written in a scenario (`issued`).
        package var id: String
        /// The value in words, per language.
        package var label: Localized
        /// The state of a state machine this value puts a resource in (`certificate.issued`).
        package var state: StateReference?
        /// Where it was declared.
        package var location: SourceLocation
        /// Creates a value.
        package init(id: String, label: Localized, state: StateReference? = nil, location: SourceLocation = .unknown) {
            self.id = id; self.label = label; self.state = state; self.location = location
        }
    }

    /// How a derived fact is computed.
    package enum Derivation: Sendable, Hashable {
        /// Whether the date fact lies within the edition's refund window (decision D1); no value when the date has none.
        case withinWindow(FactID)
        /// Calendar days from the window's start to the date fact.
        case dayOfWindow(FactID)
        /// An exact arithmetic expression over other facts.
        case expression(Expression)
    }

    /// The key in a scenario (`certificate_status`).
    package var id: FactID
    /// Its type.
    package var type: FactType
    /// For enumerations: the allowed values, in the order questions offer them.
    package var values: Catalog<Value>
    /// The value taken when the scenario gives none (only where the fact applies).
    package var defaultValue: FactValue?
    /// The fact applies (may be given, and is required unless it has a default) only when these tests pass.
    package var appliesWhen: [Condition]
    /// Whether a scenario must give it where it applies (facts with a default never are).
    package var required: Bool
    /// Lower bound, inclusive: a constant or another fact.
    package var minimum: UnaryTest.Operand?
    /// Upper bound, inclusive: a constant or another fact.
    package var maximum: UnaryTest.Operand?
    /// For dates: the fact this date may not precede.
    package var notBefore: FactID?
    /// The question that asks for it, per language. A derived fact may have one too: the decision
    /// guide asks "is it within 7 days of payment?" rather than for two dates.
    package var question: Localized?
    /// A short help text, per language.
    package var help: Localized?
    /// How it is derived; nil for inputs.
    package var derivation: Derivation?
    /// Named classes of values for a question (`0` / `> 0`), each with a sample value; the decision
    /// guide offers them as answers. Enumerations and booleans need none.
    package var partitions: [Partition]
    /// Where it was declared.
    package var location: SourceLocation

    /// A class of values of a fact, as one answer to its question.
    package struct Partition: Sendable, Hashable {
        /// Which values belong to it.
        package var test: UnaryTest
        /// A value of the class, used to compute its decision.
        package var sample: FactValue
        /// The answer, per language.
        package var label: Localized
        /// Where it was declared.
        package var location: SourceLocation
        /// Creates a partition.
        package init(test: UnaryTest, sample: FactValue, label: Localized, location: SourceLocation = .unknown) {
            self.test = test; self.sample = sample; self.label = label; self.location = location
        }
    }

    /// Creates a fact.
    package init(
        id: FactID, type: FactType, values: Catalog<Value> = Catalog(), defaultValue: FactValue? = nil,
        appliesWhen: [Condition] = [], required: Bool = false, minimum: UnaryTest.Operand? = nil,
        maximum: UnaryTest.Operand? = nil, notBefore: FactID? = nil, question: Localized? = nil,
        help: Localized? = nil, derivation: Derivation? = nil, partitions: [Partition] = [],
        location: SourceLocation = .unknown
    ) {
        self.id = id; self.type = type; self.values = values; self.defaultValue = defaultValue
        self.appliesWhen = appliesWhen; self.required = required; self.minimum = minimum
        self.maximum = maximum; self.notBefore = notBefore; self.question = question; self.help = help
        self.derivation = derivation; self.partitions = partitions; self.location = location
    }

    /// True for facts the engine computes.
    package var isDerived: Bool { derivation != nil }
}

/// A test on one fact, with where it was written: `{product: ssl-certificate}`.
package struct Condition: Sendable, Hashable {
    /// The fact tested.
    package var fact: FactID
    /// The test.
    package var test: UnaryTest
    /// Where it was written.
    package var location: SourceLocation
    /// Creates a condition.
    package init(fact: FactID, test: UnaryTest, location: SourceLocation = .unknown) {
        self.fact = fact; self.test = test; self.location = location
    }

    /// Whether the scenario passes.
    package func holds(in scenario: Scenario) -> Bool { test.matches(scenario[fact], in: scenario) }
}

extension Array where Element == Condition {
    /// Every condition holds.
    package func allHold(in scenario: Scenario) -> Bool { allSatisfy { $0.holds(in: scenario) } }
}

/// A state of a state machine, written `machine.state` in content.
package struct StateReference: Sendable, Hashable, CustomStringConvertible {
    package var machine: String
    package var state: String
    /// Creates a reference.
    package init(machine: String, state: String) { self.machine = machine; self.state = state }
    package var description: String { "\(machine).\(state)" }
}
