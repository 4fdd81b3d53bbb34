/// The passage of a seed page a rule comes from.
package struct SourceCitation: Sendable, Hashable {
    /// The seed page (`001`), as declared by the edition.
    package var page: String
    /// 1-based line in the page, blank lines included.
    package var line: Int
    /// The exact Japanese words.
    package var quote: String
    /// The decision of decisions.md that settles an open point here (`D11`), if any.
    package var decision: String?
    /// Creates a citation.
    package init(page: String, line: Int, quote: String, decision: String? = nil) {
        self.page = page; self.line = line; self.quote = quote; self.decision = decision
    }
}

/// A product whose refund the policy covers.
package struct Product: Sendable, Hashable, Identifiable {
    /// Id, as in a scenario's `product` (`ssl-certificate`).
    package var id: String
    /// Name, per language.
    package var title: Localized
    /// What the product is and what "used" means for it, per language.
    package var summary: Localized
    /// The resources an order of the product creates, for simulating procedures.
    package var resources: [Resource]
    /// The states every resource must be in before the refund is requested.
    package var refundRequires: [StateReference]
    /// The passage that introduces the product.
    package var source: SourceCitation?
    /// Where it was declared.
    package var location: SourceLocation

    /// A resource of an order: a machine, how many, and the fact that says its state.
    package struct Resource: Sendable, Hashable {
        /// The state machine.
        package var machine: String
        /// How many instances (an expression; `1` when nil).
        package var count: Expression?
        /// The fact whose value's `state` gives the initial state; or a fixed initial state.
        package var stateFact: FactID?
        /// The initial state when no fact gives it.
        package var initialState: String?
        /// Conditions under which the resource exists.
        package var when: [Condition]
        /// Creates a resource.
        package init(machine: String, count: Expression? = nil, stateFact: FactID? = nil, initialState: String? = nil, when: [Condition] = []) {
            self.machine = machine; self.count = count; self.stateFact = stateFact; self.initialState = initialState; self.when = when
        }
    }

    /// Creates a product.
    package init(
        id: String, title: Localized, summary: Localized, resources: [Resource] = [],
        refundRequires: [StateReference] = [], source: SourceCitation? = nil, location: SourceLocation = .unknown
    ) {
        self.id = id; self.title = title; self.summary = summary; self.resources = resources
        self.refundRequires = refundRequires; self.source = source; self.location = location
    }
}

/// A possible outcome of a refund request (`full-refund`).
package struct Outcome: Sendable, Hashable, Identifiable {
    package var id: String
    /// Name, per language.
    package var title: Localized
    /// Whether money is refunded (then an amount, a route and a procedure are given).
    package var refunds: Bool
    /// False when terms outside this policy govern (promotion terms, D7): no amount and no deadline.
    package var determinable: Bool
    /// Where it was declared.
    package var location: SourceLocation
    /// Creates an outcome.
    package init(id: String, title: Localized, refunds: Bool, determinable: Bool = true, location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.refunds = refunds; self.determinable = determinable; self.location = location
    }
}

/// A named text: a reason, a warning, a channel or a route. Texts may hold placeholders
/// (`{deadline}`, `{last_safe_day}`, `{amount}`, glossary ids).
package struct Message: Sendable, Hashable, Identifiable {
    package var id: String
    /// A short title, per language.
    package var title: Localized?
    /// The text, per language.
    package var text: LocalizedTemplate
    /// Where it was declared.
    package var location: SourceLocation
    /// Creates a message.
    package init(id: String, title: Localized? = nil, text: LocalizedTemplate, location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.text = text; self.location = location
    }
}

/// How an amount is computed: an exact expression over facts, and how to say it.
package struct Formula: Sendable, Hashable, Identifiable {
    package var id: String
    /// The arithmetic.
    package var expression: Expression
    /// The formula in words, per language.
    package var text: Localized
    /// A worked example, when the source page gives one.
    package var example: Example?
    /// Where it was declared.
    package var location: SourceLocation

    /// A worked example with its expected result.
    package struct Example: Sendable, Hashable {
        package var facts: Scenario
        package var result: Exact
        package var text: Localized
        package var source: SourceCitation?
        /// Creates an example.
        package init(facts: Scenario, result: Exact, text: Localized, source: SourceCitation? = nil) {
            self.facts = facts; self.result = result; self.text = text; self.source = source
        }
    }

    /// Creates a formula.
    package init(id: String, expression: Expression, text: Localized, example: Example? = nil, location: SourceLocation = .unknown) {
        self.id = id; self.expression = expression; self.text = text; self.example = example; self.location = location
    }
}

/// The refund window of decision D1: a length, a unit and the fact it counts from.
package struct Window: Sendable, Hashable {
    /// Counting unit.
    package enum Unit: String, Sendable, Hashable, CaseIterable { case calendarDays = "calendar-days" }
    /// Length: day 0 (the start) to day `length` inclusive is in time.
    package var length: Int
    package var unit: Unit
    /// The date fact day 0 is (`paid_on`, decision D2).
    package var countsFrom: FactID
    /// The date fact of the day the customer asks (`requested_on`): waits are counted from it (D17).
    package var requestFact: FactID?
    /// Creates a window.
    package init(length: Int, unit: Unit, countsFrom: FactID, requestFact: FactID? = nil) {
        self.length = length; self.unit = unit; self.countsFrom = countsFrom; self.requestFact = requestFact
    }

    /// The last day in time, for a start date.
    package func lastDay(from start: CalendarDate) -> CalendarDate { start.adding(days: length) }
}

/// The edition of the policy the model describes.
package struct Edition: Sendable, Hashable, Identifiable {
    /// Id (`2025-12-19`).
    package var id: String
    /// The date the source page gives as its last update.
    package var date: CalendarDate
    /// The page title, per language.
    package var title: Localized
    /// The source pages, by id (`001`), with their file names.
    package var pages: [String: String]
    /// The currency of amounts and its number of decimal places (D13: 2).
    package var currency: String
    package var currencyPlaces: Int
    /// The refund window (D1, D2).
    package var window: Window
    /// The first decision table the engine evaluates.
    package var entryTable: String
    /// The table that decides the route of a refund.
    package var routeTable: String
    /// What a refund whose amount rounds to zero becomes (D8).
    package var zeroAmountOutcome: String
    package var zeroAmountReason: String
    /// Where it was declared.
    package var location: SourceLocation

    /// Creates an edition.
    package init(
        id: String, date: CalendarDate, title: Localized, pages: [String: String], currency: String,
        currencyPlaces: Int, window: Window, entryTable: String, routeTable: String,
        zeroAmountOutcome: String, zeroAmountReason: String, location: SourceLocation = .unknown
    ) {
        self.id = id; self.date = date; self.title = title; self.pages = pages; self.currency = currency
        self.currencyPlaces = currencyPlaces; self.window = window; self.entryTable = entryTable
        self.routeTable = routeTable; self.zeroAmountOutcome = zeroAmountOutcome
        self.zeroAmountReason = zeroAmountReason; self.location = location
    }
}
