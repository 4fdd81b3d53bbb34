/// An element of the console that steps name: a page, a tab, a button, a status...
package struct UIElement: Sendable, Hashable, Identifiable {
    /// What kind of element it is.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case page, tab, column, button, menu, menuItem = "menu-item", icon, dialog, panel, checkbox,
             status, list, message, feature, term
    }
    /// Id, as written in step placeholders (`BTN-REFUND`).
    package var id: String
    package var kind: Kind
    /// The exact label, per language (ja: as in the console; en: the official English where known).
    package var label: Localized
    /// A note for translators and reviewers (where the English label comes from).
    package var note: String?
    /// The console shows no label for it (an icon, an untitled dialog): the label is a description
    /// and is written as ordinary words, not set off as a UI label.
    package var untitled: Bool
    /// Languages whose label the source page lost (an empty menu path, an HTML remnant): the label
    /// given for them is a reconstruction, explained in `note`, that a checker reports for review.
    package var reconstructed: [LanguageID]
    /// Where it was declared.
    package var location: SourceLocation
    /// Creates an element.
    package init(
        id: String, kind: Kind, label: Localized, note: String? = nil, untitled: Bool = false,
        reconstructed: [LanguageID] = [], location: SourceLocation = .unknown
    ) {
        self.id = id; self.kind = kind; self.label = label; self.note = note; self.untitled = untitled
        self.reconstructed = reconstructed; self.location = location
    }

    /// Whether text names it as a console label (set off with marks or bold); terms, features
    /// and untitled elements are ordinary words.
    package var isLabel: Bool { !untitled && kind != .term && kind != .feature }
}

/// A state machine of a resource: a certificate row, a private CA, a gateway instance, an order.
package struct StateMachine: Sendable, Hashable, Identifiable {
    /// A state.
    package struct State: Sendable, Hashable, Identifiable {
        package var id: String
        /// Name, per language.
        package var title: Localized
        /// The status element the console shows in this state, if any.
        package var status: String?
        /// Where it was declared.
        package var location: SourceLocation
        /// Creates a state.
        package init(id: String, title: Localized, status: String? = nil, location: SourceLocation = .unknown) {
            self.id = id; self.title = title; self.status = status; self.location = location
        }
    }

    package var id: String
    /// Name, per language.
    package var title: Localized
    package var states: Catalog<State>
    /// The console actions that move it between states.
    package var actions: Catalog<ConsoleAction>
    /// Where it was declared.
    package var location: SourceLocation
    /// Creates a machine.
    package init(id: String, title: Localized, states: Catalog<State>, actions: Catalog<ConsoleAction>, location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.states = states; self.actions = actions; self.location = location
    }
}

/// An action a person takes in the console, moving one resource from a state to another.
package struct ConsoleAction: Sendable, Hashable, Identifiable {
    /// Id (`revoke-certificate`), as in `explain`'s `actions`.
    package var id: String
    /// The machine it acts on.
    package var machine: String
    /// Name, per language.
    package var title: Localized
    /// The states it may be taken in.
    package var from: [String]
    /// The state it leads to.
    package var to: String
    /// Other resources' states it needs first (`not-activated-row.removed`, decision D5).
    package var requires: [StateReference]
    /// It cannot be undone (revocation, reset: decision D16).
    package var irreversible: Bool
    /// A warning shown before it (for irreversible actions).
    package var caution: String?
    /// The steps, each a template naming glossary elements by id.
    package var steps: [Step]
    /// Steps that replace `steps` when their conditions hold (first match wins).
    package var variants: [Variant]
    /// A wait the action consists of (the revocation review).
    package var wait: Wait?
    /// The passage it comes from.
    package var source: SourceCitation?
    /// Where it was declared.
    package var location: SourceLocation

    /// Steps for particular scenarios.
    package struct Variant: Sendable, Hashable {
        package var when: [Condition]
        package var steps: [Step]
        package var source: SourceCitation?
        package var location: SourceLocation
        /// Creates a variant.
        package init(when: [Condition], steps: [Step], source: SourceCitation? = nil, location: SourceLocation = .unknown) {
            self.when = when; self.steps = steps; self.source = source; self.location = location
        }
    }

    /// Creates an action.
    package init(
        id: String, machine: String, title: Localized, from: [String], to: String, requires: [StateReference] = [],
        irreversible: Bool = false, caution: String? = nil, steps: [Step], variants: [Variant] = [], wait: Wait? = nil,
        source: SourceCitation? = nil, location: SourceLocation = .unknown
    ) {
        self.id = id; self.machine = machine; self.title = title; self.from = from; self.to = to
        self.requires = requires; self.irreversible = irreversible; self.caution = caution; self.steps = steps
        self.variants = variants; self.wait = wait; self.source = source; self.location = location
    }

    /// The steps that apply in `scenario`.
    package func steps(in scenario: Scenario) -> [Step] {
        variants.first { $0.when.allHold(in: scenario) }?.steps ?? steps
    }
}

/// One numbered step of a procedure.
package struct Step: Sendable, Hashable {
    /// What to do, per language, with glossary placeholders.
    package var text: LocalizedTemplate
    /// Where it was written.
    package var location: SourceLocation
    /// Creates a step.
    package init(text: LocalizedTemplate, location: SourceLocation = .unknown) { self.text = text; self.location = location }
}

/// A wait: the time a review takes, and what must happen by when.
package struct Wait: Sendable, Hashable {
    /// Counting unit of the wait.
    package enum Unit: String, Sendable, Hashable, CaseIterable { case businessDays = "business-days", calendarDays = "calendar-days" }
    /// The longest it may take.
    package var maximum: Int
    package var unit: Unit
    /// Whether it must end within the refund window (decision D11).
    package var mustEndInWindow: Bool
    /// The warning given when it may end after the window (decision D17).
    package var warning: String?
    /// Creates a wait.
    package init(maximum: Int, unit: Unit, mustEndInWindow: Bool, warning: String?) {
        self.maximum = maximum; self.unit = unit; self.mustEndInWindow = mustEndInWindow; self.warning = warning
    }

    /// The latest day a wait starting on `start` ends.
    package func latestEnd(startingOn start: CalendarDate) -> CalendarDate {
        unit == .businessDays ? start.adding(businessDays: maximum) : start.adding(days: maximum)
    }

    /// The latest day to start so that the wait ends by `end`.
    package func latestStart(toEndBy end: CalendarDate) -> CalendarDate {
        unit == .businessDays ? end.subtracting(businessDays: maximum) : end.adding(days: -maximum)
    }
}

/// A sequence of console actions for one situation (an issued certificate, an enabled CA...).
package struct Procedure: Sendable, Hashable, Identifiable {
    /// One item: an action, possibly repeated (once per Not Activated row, decision D4).
    package struct Item: Sendable, Hashable {
        package var action: String
        /// How many times (an expression over facts); once when nil.
        package var repeatCount: Expression?
        package var location: SourceLocation
        /// Creates an item.
        package init(action: String, repeatCount: Expression? = nil, location: SourceLocation = .unknown) {
            self.action = action; self.repeatCount = repeatCount; self.location = location
        }
    }

    package var id: String
    /// Name, per language.
    package var title: Localized
    package var items: [Item]
    /// Where it was declared.
    package var location: SourceLocation
    /// Creates a procedure.
    package init(id: String, title: Localized, items: [Item], location: SourceLocation = .unknown) {
        self.id = id; self.title = title; self.items = items; self.location = location
    }
}
