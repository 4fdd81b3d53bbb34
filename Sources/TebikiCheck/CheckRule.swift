import TebikiModel

/// A kind of problem the checker reports: its stable identifier, its severity and what it means.
/// Code-scanning tools (SARIF) list these as rules.
public struct CheckRule: Sendable, Hashable, Identifiable {
    /// The diagnostic identifier (`check.table.gap`).
    public var id: String
    /// The severity its diagnostics have.
    public var severity: Diagnostic.Severity
    /// One sentence: what is wrong when it is reported.
    public var description: String

    /// Every rule of the checker, in the order of the checks.
    public static let all: [CheckRule] = [
        .init(id: "check.table.gap", severity: .error, description: "A decision table has no row for a possible combination of fact values."),
        .init(id: "check.table.overlap", severity: .error, description: "Several rows of a table with hit policy unique match one scenario."),
        .init(id: "check.table.shadowed-row", severity: .error, description: "A row of a first-hit table never decides: an earlier row always wins."),
        .init(id: "check.table.unreachable-row", severity: .error, description: "A row matches no possible scenario."),
        .init(id: "check.table.conflicting-rows", severity: .error, description: "Two rows with the same cells decide differently."),
        .init(id: "check.table.duplicate-row", severity: .warning, description: "Two rows have the same cells and the same result."),
        .init(id: "check.table.unreachable-table", severity: .warning, description: "No scenario reaches a decision table."),
        .init(id: "check.engine.failure", severity: .error, description: "The engine cannot decide a possible scenario."),
        .init(id: "check.engine.no-deciding-row", severity: .error, description: "The engine's decision names no deciding row."),
        .init(id: "check.steps.engine-mismatch", severity: .error, description: "The engine's actions differ from the deciding row's procedure."),
        .init(id: "check.steps.action-not-allowed", severity: .error, description: "A step is not allowed in the state the steps before it reach."),
        .init(id: "check.steps.requirement-unmet", severity: .error, description: "A step needs another resource in a state it is not in yet."),
        .init(id: "check.steps.refund-requirement-unmet", severity: .error, description: "The refund is requested before the product's resources are released."),
        .init(id: "check.steps.missing-refund-step", severity: .error, description: "A refund follows but no step requests it."),
        .init(id: "check.steps.refund-step-not-last", severity: .error, description: "The refund is requested before the last step."),
        .init(id: "check.steps.irreversible-without-refund", severity: .error, description: "An irreversible step is given where no refund can follow (D16)."),
        .init(id: "check.steps.procedure-without-refund", severity: .warning, description: "A row that refunds nothing names a procedure."),
        .init(id: "check.steps.wait-without-warning", severity: .error, description: "A wait may outlast the refund window and no warning says so (D17)."),
        .init(id: "check.steps.amount-mismatch", severity: .error, description: "The amount shown is not the one the formula gives."),
        .init(id: "check.steps.deadline-mismatch", severity: .error, description: "The deadline shown is not the one the window gives."),
        .init(id: "check.steps.unknown-action", severity: .error, description: "A procedure names an action of no state machine."),
        .init(id: "check.steps.bad-repeat", severity: .error, description: "A repeat count is not a whole number of at least 0."),
        .init(id: "check.steps.no-resources", severity: .error, description: "The order's resources cannot be set up from a scenario."),
        .init(id: "check.page.missing", severity: .error, description: "A page the site claims steps on does not exist."),
        .init(id: "check.page.anchor-missing", severity: .error, description: "A page lacks the heading its steps are claimed under."),
        .init(id: "check.page.steps-missing", severity: .error, description: "No numbered list follows the heading of a step list."),
        .init(id: "check.page.step-differs", severity: .error, description: "A step of a generated page is not the model's step."),
        .init(id: "check.page.step-count", severity: .error, description: "A generated step list has another number of steps than the model."),
        .init(id: "check.page.languages-differ", severity: .error, description: "The languages of one step list have different numbers of steps."),
        .init(id: "check.page.undecidable", severity: .error, description: "A step list is claimed for a scenario the engine cannot decide."),
        .init(id: "check.glossary.empty-label", severity: .error, description: "A glossary element has an empty label in a language."),
        .init(id: "check.glossary.reconstructed-label", severity: .warning, description: "A label the source page lost was reconstructed; confirm it in the console."),
        .init(id: "check.glossary.unused-element", severity: .warning, description: "A glossary element is named nowhere."),
        .init(id: "check.text.unknown-placeholder", severity: .error, description: "A text names neither a glossary element nor an engine value."),
        .init(id: "check.text.placeholder-mismatch", severity: .error, description: "The languages of a text have different placeholders."),
        .init(id: "check.text.number-mismatch", severity: .error, description: "The languages of a text say different numbers."),
        .init(id: "check.text.near-miss-term", severity: .error, description: "A text misspells a glossary term."),
        .init(id: "check.dialog.inconsistent-confirmation", severity: .warning, description: "One console action is confirmed in different dialogs."),
        .init(id: "check.source.missing-citation", severity: .error, description: "A rule or an action cites no valid source passage."),
        .init(id: "check.source.uncited-action", severity: .warning, description: "A console action cites no source passage."),
    ]

    /// The rule with `id`, if it is one of the checker's.
    public static func rule(_ id: String) -> CheckRule? { byID[id] }
    private static let byID: [String: CheckRule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
}
