import TebikiModel

/// What changed between two models of the refund policy, as data: behaviour first (what a customer
/// gets), then the rules, the procedures, the console labels, the products and the texts.
/// Renderers (`DiffMarkdown`, `DiffHTML`, `DiffJSON`, `WhatChangedPage`) turn it into words.
package struct ModelDiff: Sendable, Hashable {
    /// The model before the change.
    package var before: DiffSide
    /// The model after the change.
    package var after: DiffSide
    /// How many concrete scenarios were decided with both models.
    package var scenariosCompared: Int
    /// Groups of scenarios whose decision changed, each with an example.
    package var behaviour: [BehaviourChange]
    /// Decision tables and their rows.
    package var rules: [TableChange]
    /// Formulas whose arithmetic changed, was added or removed.
    package var formulas: [FormulaChange]
    /// Edition settings (window, currency) that changed.
    package var settings: [SettingChange]
    /// Console procedures whose actions or steps changed, per product and situation.
    package var procedures: [ProcedureChange]
    /// Console labels (glossary elements) added, removed or renamed.
    package var labels: [LabelChange]
    /// Products added and removed.
    package var products: ProductChanges
    /// Texts (reasons, warnings, outcomes, routes, channels, titles, questions...) changed per language.
    package var texts: [TextChange]
    /// The earlier procedures followed under the later rules: where they leave a resource in a state
    /// the later rules do not accept before a refund (the missing Delete step, for example).
    package var oldSteps: [OldStepsFinding]

    /// Creates a diff.
    package init(
        before: DiffSide, after: DiffSide, scenariosCompared: Int = 0, behaviour: [BehaviourChange] = [],
        rules: [TableChange] = [], formulas: [FormulaChange] = [], settings: [SettingChange] = [],
        procedures: [ProcedureChange] = [], labels: [LabelChange] = [], products: ProductChanges = .init(),
        texts: [TextChange] = [], oldSteps: [OldStepsFinding] = []
    ) {
        self.before = before; self.after = after; self.scenariosCompared = scenariosCompared
        self.behaviour = behaviour; self.rules = rules; self.formulas = formulas; self.settings = settings
        self.procedures = procedures; self.labels = labels; self.products = products; self.texts = texts
        self.oldSteps = oldSteps
    }

    /// True when nothing differs (`tebiki diff X X`).
    package var isEmpty: Bool {
        behaviour.isEmpty && rules.isEmpty && formulas.isEmpty && settings.isEmpty && procedures.isEmpty
            && labels.isEmpty && products.isEmpty && texts.isEmpty && oldSteps.isEmpty
    }
}

/// One side of a diff: which edition it is and how it was named on the command line.
package struct DiffSide: Sendable, Hashable {
    /// The edition id (`2024-10-25`).
    package var edition: String
    /// How the side was given (`2024-10-25`, `git:HEAD~1`, a directory); the edition id by default.
    package var name: String
    /// Creates a side.
    package init(edition: String, name: String? = nil) { self.edition = edition; self.name = name ?? edition }
}

/// Whether something was added, removed or changed.
package enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    case added, removed, changed
}

/// Products added and removed (by id).
package struct ProductChanges: Sendable, Hashable {
    package var added: [String]
    package var removed: [String]
    /// Creates the lists.
    package init(added: [String] = [], removed: [String] = []) { self.added = added; self.removed = removed }
    /// True when no product was added or removed.
    package var isEmpty: Bool { added.isEmpty && removed.isEmpty }
}

/// A setting of the edition (the window's length, the currency...) before and after.
package struct SettingChange: Sendable, Hashable {
    /// `window.length`, `window.counts_from`, `currency`...
    package var key: String
    package var before: String
    package var after: String
    /// Creates a change.
    package init(key: String, before: String, after: String) { self.key = key; self.before = before; self.after = after }
}

/// A formula added, removed, or whose expression changed.
package struct FormulaChange: Sendable, Hashable {
    package var id: String
    package var kind: ChangeKind
    package var before: String?
    package var after: String?
    /// Creates a change.
    package init(id: String, kind: ChangeKind, before: String?, after: String?) { self.id = id; self.kind = kind; self.before = before; self.after = after }
}
