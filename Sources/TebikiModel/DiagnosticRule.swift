/// Every kind of problem tebiki reports, defined once: its stable identifier (the raw value),
/// its severity and one sentence on what it means. Emitters name a rule
/// (`Diagnostic(.checkTableGap, at: …, "…")`), so a diagnostic's identifier and severity always
/// are its rule's; `check --format sarif` lists the rules from here; README.md lists them all.
///
/// The name of a rule is its identifier in camel case (`check.table.gap` → `checkTableGap`).
package enum DiagnosticRule: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    // The loader (content/ → model), stage load.
    case contentYAMLSyntax = "content.yaml-syntax"
    case contentDuplicateKey = "content.duplicate-key"
    case contentMissingFile = "content.missing-file"
    case contentWrongType = "content.wrong-type"
    case contentUnknownKey = "content.unknown-key"
    case contentMissingKey = "content.missing-key"
    case contentInvalidValue = "content.invalid-value"
    case contentDuplicateID = "content.duplicate-id"
    case contentUnknownReference = "content.unknown-reference"
    case contentUnknownLanguage = "content.unknown-language"
    case contentMissingTranslation = "content.missing-translation"
    case contentTemplateSyntax = "content.template-syntax"
    case contentPlaceholderMismatch = "content.placeholder-mismatch"
    case contentUnknownPlaceholder = "content.unknown-placeholder"
    case contentBadExpression = "content.bad-expression"
    case contentBadTest = "content.bad-test"
    // The checker of the model, stage check the model.
    case checkTableGap = "check.table.gap"
    case checkTableOverlap = "check.table.overlap"
    case checkTableShadowedRow = "check.table.shadowed-row"
    case checkTableUnreachableRow = "check.table.unreachable-row"
    case checkTableConflictingRows = "check.table.conflicting-rows"
    case checkTableDuplicateRow = "check.table.duplicate-row"
    case checkTableUnreachableTable = "check.table.unreachable-table"
    case checkEngineFailure = "check.engine.failure"
    case checkEngineNoDecidingRow = "check.engine.no-deciding-row"
    case checkStepsEngineMismatch = "check.steps.engine-mismatch"
    case checkStepsActionNotAllowed = "check.steps.action-not-allowed"
    case checkStepsRequirementUnmet = "check.steps.requirement-unmet"
    case checkStepsRefundRequirementUnmet = "check.steps.refund-requirement-unmet"
    case checkStepsMissingRefundStep = "check.steps.missing-refund-step"
    case checkStepsRefundStepNotLast = "check.steps.refund-step-not-last"
    case checkStepsIrreversibleWithoutRefund = "check.steps.irreversible-without-refund"
    case checkStepsProcedureWithoutRefund = "check.steps.procedure-without-refund"
    case checkStepsWaitWithoutWarning = "check.steps.wait-without-warning"
    case checkStepsAmountMismatch = "check.steps.amount-mismatch"
    case checkStepsDeadlineMismatch = "check.steps.deadline-mismatch"
    case checkStepsUnknownAction = "check.steps.unknown-action"
    case checkStepsBadRepeat = "check.steps.bad-repeat"
    case checkStepsNoResources = "check.steps.no-resources"
    case checkGlossaryEmptyLabel = "check.glossary.empty-label"
    case checkGlossaryReconstructedLabel = "check.glossary.reconstructed-label"
    case checkGlossaryUnusedElement = "check.glossary.unused-element"
    case checkTextUnknownPlaceholder = "check.text.unknown-placeholder"
    case checkTextPlaceholderMismatch = "check.text.placeholder-mismatch"
    case checkTextNumberMismatch = "check.text.number-mismatch"
    case checkTextNearMissTerm = "check.text.near-miss-term"
    case checkDialogInconsistentConfirmation = "check.dialog.inconsistent-confirmation"
    case checkSourceMissingCitation = "check.source.missing-citation"
    case checkSourceUncitedAction = "check.source.uncited-action"
    // The templates and the renderer, stage render.
    case templatesUnreadable = "templates.unreadable"
    case templatesSyntax = "templates.syntax"
    case templatesNoContent = "templates.no-content"
    case templatesContentRepeated = "templates.content-repeated"
    case templatesNoStyleRules = "templates.no-style-rules"
    case templatesUnknownName = "templates.unknown-name"
    case templatesTooDeep = "templates.too-deep"
    case renderFailure = "render.failure"
    // The checker of the generated pages, stage check the pages.
    case checkPageMissing = "check.page.missing"
    case checkPageAnchorMissing = "check.page.anchor-missing"
    case checkPageStepsMissing = "check.page.steps-missing"
    case checkPageStepDiffers = "check.page.step-differs"
    case checkPageStepCount = "check.page.step-count"
    case checkPageLanguagesDiffer = "check.page.languages-differ"
    case checkPageUndecidable = "check.page.undecidable"
    case checkPageUnreadableSite = "check.page.unreadable-site"
    // The writer, stage write.
    case writeFailure = "write.failure"

    /// The stable identifier (`check.table.gap`).
    package var id: String { rawValue }
    /// The identifier, as printed.
    package var description: String { rawValue }

    /// The severity of its diagnostics, and one sentence: what is wrong when it is reported.
    private var definition: (severity: Diagnostic.Severity, explanation: String) {
        switch self {
        case .contentYAMLSyntax: (.error, "A content file is not well-formed YAML.")
        case .contentDuplicateKey: (.error, "A key appears more than once in one mapping.")
        case .contentMissingFile: (.error, "A content file that must exist is missing or cannot be read.")
        case .contentWrongType: (.error, "A value is of another kind (mapping, list, text) than the one expected.")
        case .contentUnknownKey: (.error, "A mapping has a key the content format does not define.")
        case .contentMissingKey: (.error, "A mapping lacks a key it requires.")
        case .contentInvalidValue: (.error, "A value is not one the content format allows there.")
        case .contentDuplicateID: (.error, "Two elements of one kind have the same id.")
        case .contentUnknownReference: (.error, "A name refers to nothing the content declares (a fact, a value, an element, an edition).")
        case .contentUnknownLanguage: (.error, "A text is given in a language tebiki.yaml does not declare.")
        case .contentMissingTranslation: (.error, "A text is empty or missing in a declared language.")
        case .contentTemplateSyntax: (.error, "A text's placeholders are not written as {name}.")
        case .contentPlaceholderMismatch: (.error, "The languages of a text name different placeholders.")
        case .contentUnknownPlaceholder: (.error, "A text names a placeholder that is neither a glossary element nor a value the engine supplies.")
        case .contentBadExpression: (.error, "A formula cannot be read or reads something it may not.")
        case .contentBadTest: (.error, "A condition on a fact cannot be read.")
        case .checkTableGap: (.error, "A decision table has no row for a possible combination of fact values.")
        case .checkTableOverlap: (.error, "Several rows of a table with hit policy unique match one scenario.")
        case .checkTableShadowedRow: (.error, "A row of a first-hit table never decides: an earlier row always wins.")
        case .checkTableUnreachableRow: (.error, "A row matches no possible scenario.")
        case .checkTableConflictingRows: (.error, "Two rows with the same cells decide differently.")
        case .checkTableDuplicateRow: (.warning, "Two rows have the same cells and the same result.")
        case .checkTableUnreachableTable: (.warning, "No scenario reaches a decision table.")
        case .checkEngineFailure: (.error, "The engine cannot decide a possible scenario.")
        case .checkEngineNoDecidingRow: (.error, "The engine's decision names no deciding row.")
        case .checkStepsEngineMismatch: (.error, "The engine's actions differ from the deciding row's procedure.")
        case .checkStepsActionNotAllowed: (.error, "A step is not allowed in the state the steps before it reach.")
        case .checkStepsRequirementUnmet: (.error, "A step needs another resource in a state it is not in yet.")
        case .checkStepsRefundRequirementUnmet: (.error, "The refund is requested before the product's resources are released.")
        case .checkStepsMissingRefundStep: (.error, "A refund follows but no step requests it.")
        case .checkStepsRefundStepNotLast: (.error, "The refund is requested before the last step.")
        case .checkStepsIrreversibleWithoutRefund: (.error, "An irreversible step is given where no refund can follow (D16).")
        case .checkStepsProcedureWithoutRefund: (.warning, "A row that refunds nothing names a procedure.")
        case .checkStepsWaitWithoutWarning: (.error, "A wait may outlast the refund window and no warning says so (D17).")
        case .checkStepsAmountMismatch: (.error, "The amount shown is not the one the formula gives.")
        case .checkStepsDeadlineMismatch: (.error, "The deadline shown is not the one the window gives.")
        case .checkStepsUnknownAction: (.error, "A procedure names an action of no state machine.")
        case .checkStepsBadRepeat: (.error, "A repeat count is not a whole number of at least 0.")
        case .checkStepsNoResources: (.error, "The order's resources cannot be set up from a scenario.")
        case .checkGlossaryEmptyLabel: (.error, "A glossary element has an empty label in a language.")
        case .checkGlossaryReconstructedLabel: (.warning, "A label the source page lost was reconstructed; confirm it in the console.")
        case .checkGlossaryUnusedElement: (.warning, "A glossary element is named nowhere.")
        case .checkTextUnknownPlaceholder: (.error, "A text names neither a glossary element nor an engine value.")
        case .checkTextPlaceholderMismatch: (.error, "The languages of a text have different placeholders.")
        case .checkTextNumberMismatch: (.error, "The languages of a text say different numbers.")
        case .checkTextNearMissTerm: (.error, "A text misspells a glossary term.")
        case .checkDialogInconsistentConfirmation: (.warning, "One console action is confirmed in different dialogs.")
        case .checkSourceMissingCitation: (.error, "A rule or an action cites no valid source passage.")
        case .checkSourceUncitedAction: (.warning, "A console action cites no source passage.")
        case .templatesUnreadable: (.error, "A template file is missing or is not UTF-8 text.")
        case .templatesSyntax: (.error, "The layout is not valid Mustache.")
        case .templatesNoContent: (.error, "The layout never outputs the page's HTML ({{{content}}}).")
        case .templatesContentRepeated: (.error, "The layout outputs the page's HTML more than once.")
        case .templatesNoStyleRules: (.error, "The style sheet has no rules.")
        case .templatesUnknownName: (.error, "The layout names a variable the pages do not have.")
        case .templatesTooDeep: (.error, "The layout nests sections deeper than the limit (100).")
        case .renderFailure: (.error, "The site cannot be rendered from the model.")
        case .checkPageMissing: (.error, "A page the site claims steps on does not exist.")
        case .checkPageAnchorMissing: (.error, "A page lacks the heading its steps are claimed under.")
        case .checkPageStepsMissing: (.error, "No numbered list follows the heading of a step list.")
        case .checkPageStepDiffers: (.error, "A step of a generated page is not the model's step.")
        case .checkPageStepCount: (.error, "A generated step list has another number of steps than the model.")
        case .checkPageLanguagesDiffer: (.error, "The languages of one step list have different numbers of steps.")
        case .checkPageUndecidable: (.error, "A step list is claimed for a scenario the engine cannot decide.")
        case .checkPageUnreadableSite: (.error, "The site directory whose pages are to be checked cannot be read.")
        case .writeFailure: (.error, "The site cannot be written to the output directory.")
        }
    }

    /// The severity of every diagnostic of this rule.
    package var severity: Diagnostic.Severity { definition.severity }
    /// One sentence: what is wrong when it is reported.
    package var explanation: String { definition.explanation }

    /// The stage that reports it, read from the identifier's first part.
    package var stage: Stage {
        if id.hasPrefix("content.") { return .load }
        if id.hasPrefix("check.page.") { return .checkPages }
        if id.hasPrefix("check.") { return .checkModel }
        if id.hasPrefix("write.") { return .write }
        return .render  // templates., render.
    }
}
