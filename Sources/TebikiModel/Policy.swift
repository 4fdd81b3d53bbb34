/// The passage of a seed page a rule comes from.
public struct SourceCitation: Sendable, Hashable {
    /// The seed page (`001`), as declared by the edition.
    public var page: String
    /// 1-based line in the page, blank lines included.
    public var line: Int
    /// The exact Japanese words.
    public var quote: String
    /// The decision of decisions.md that settles an open point here (`D11`), if any.
    public var decision: String?
    /// Creates a citation.
    public init(page: String, line: Int, quote: String, decision: String? = nil) {
        self.page = page; self.line = line; self.quote = quote; self.decision = decision
    }
}

/// A product whose refund the policy covers.
public struct Product: Sendable, Hashable, Identifiable {
    /// Id, as in a scenario's `product` (`ssl-certificate`).
    public var id: String
    /// Name, per language.
    public var title: Localized
    /// What the product is and what "used" means for it, per language.
    public var summary: Localized
    /// The resources an order of the product creates, for simulating procedures.
    public var resources: [Resource]
    /// The states every resource must be in before the refund is requested.
    public var refundRequires: [StateReference]
    /// The passage that introduces the product.
    public var source: SourceCitation?
    /// Where it was declared.
    public var location: SourceLocation

    /// A resource of an order: a machine, how many, and the fact that says its state.
    public struct Resource: Sendable, Hashable {
        /// The state machine.
        public var machine: String
        /// How many instances (an expression; `1` when nil).
        public var count: Expression?
        /// The fact whose value's `state` gives the initial state; or a fixed initial state.
        public var stateFact: FactID?
        /// The initial state when no fact gives it.
        public var initialState: String?
        /// Conditions under which the resource exists.
        public var when: [Condition]
        /// Creates a resource.
        public init(machine: String, count: Expression? = nil, stateFact: FactID? = nil, initialState: String? = nil, when: [Condition] = []) {
            self.machine = machine; self.count = count; self.stateFact = stateFact; self.initialState = initialState; self.when = when
        }
    }

    /// Creates a product.
    public init(
        id: String, title: Localized, summary: Localized, resources: [Resource] = [],
        refundRequires: [StateReference] = [], source: SourceCitation? = nil, location: SourceLocation = .unknown
    ) {
        self.id = id; self.title = title; self.summary = summary; self.resources = resources
        self.refundRequires = refundRequires; self.source = source; self.location = location
    }
}

/// A possible outcome of a refund request (`full-refund`).
public struct Outcome: Sendable, Hashable, Identifiable {
    public var id: String
    /// Name, per language.
    public var title: Localized
    /// Whether money is refunded (then an amount, a route and a procedure are given).
    public var refunds: Bool
    /// False when terms outside this policy govern (promotion terms, D7): no amount and no deadline.
    public var determinable: Bool
    /// Where it was declared.
    public var location: SourceLocation
    /// Creates an outcome.
    public init(id: String, title: Localized, refunds: Bool, determinable: Bool = true, location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.refunds = refunds; self.determinable = determinable; self.location = location
    }
}

/// A named text: a reason, a warning, a channel or a route. Texts may hold placeholders
/// (`{deadline}`, `{last_safe_day}`, `{amount}`, glossary ids).
public struct Message: Sendable, Hashable, Identifiable {
    public var id: String
    /// A short title, per language.
    public var title: Localized?
    /// The text, per language.
    public var text: LocalizedTemplate
    /// Where it was declared.
    public var location: SourceLocation
    /// Creates a message.
    public init(id: String, title: Localized? = nil, text: LocalizedTemplate, location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.text = text; self.location = location
    }
}

/// How an amount is computed: an exact expression over facts, and how to say it.
public struct Formula: Sendable, Hashable, Identifiable {
    public var id: String
    /// The arithmetic.
    public var expression: Expression
    /// The formula in words, per language.
    public var text: Localized
    /// A worked example, when the source page gives one.
    public var example: Example?
    /// Where it was declared.
    public var location: SourceLocation

    /// A worked example with its expected result.
    public struct Example: Sendable, Hashable {
        public var facts: Scenario
        public var result: Exact
        public var text: Localized
        public var source: SourceCitation?
        /// Creates an example.
        public init(facts: Scenario, result: Exact, text: Localized, source: SourceCitation? = nil) {
            self.facts = facts; self.result = result; self.text = text; self.source = source
        }
    }

    /// Creates a formula.
    public init(id: String, expression: Expression, text: Localized, example: Example? = nil, location: SourceLocation = .unknown) {
        self.id = id; self.expression = expression; self.text = text; self.example = example; self.location = location
    }
}

/// The refund window of decision D1: a length, a unit and the fact it counts from.
public struct Window: Sendable, Hashable {
    /// Counting unit.
    public enum Unit: String, Sendable, Hashable, CaseIterable { case calendarDays = "calendar-days" }
    /// Length: day 0 (the start) to day `length` inclusive is in time.
    public var length: Int
    public var unit: Unit
    /// The date fact day 0 is (`paid_on`, decision D2).
    public var countsFrom: FactID
    /// The date fact of the day the customer asks (`requested_on`): waits are counted from it (D17).
    public var requestFact: FactID?
    /// Creates a window.
    public init(length: Int, unit: Unit, countsFrom: FactID, requestFact: FactID? = nil) {
        self.length = length; self.unit = unit; self.countsFrom = countsFrom; self.requestFact = requestFact
    }

    /// The last day in time, for a start date.
    public func lastDay(from start: CalendarDate) -> CalendarDate { start.adding(days: length) }
}

/// The edition of the policy the model describes.
public struct Edition: Sendable, Hashable, Identifiable {
    /// Id (`2025-12-19`).
    public var id: String
    /// The date the source page gives as its last update.
    public var date: CalendarDate
    /// The page title, per language.
    public var title: Localized
    /// The source pages, by id (`001`), with their file names.
    public var pages: [String: String]
    /// The currency of amounts and its number of decimal places (D13: 2).
    public var currency: String
    public var currencyPlaces: Int
    /// The refund window (D1, D2).
    public var window: Window
    /// The first decision table the engine evaluates.
    public var entryTable: String
    /// The table that decides the route of a refund.
    public var routeTable: String
    /// What a refund whose amount rounds to zero becomes (D8).
    public var zeroAmountOutcome: String
    public var zeroAmountReason: String
    /// Where it was declared.
    public var location: SourceLocation

    /// Creates an edition.
    public init(
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
