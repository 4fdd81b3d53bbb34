import TebikiModel

/// Every text of a model, with where it was written: the templates (steps, reasons, warnings,
/// channels, routes) and the plain localized texts (titles, summaries, questions). The text
/// checkers walk these lists instead of the model's structure.
struct ModelTexts {
    /// A template and its place.
    struct TemplateText {
        var template: LocalizedTemplate
        var location: SourceLocation
        /// What it is (`step 2 of action 'revoke-certificate'`).
        var owner: String
        /// True for the steps of console actions.
        var isStep: Bool
    }

    /// A plain localized text and its place.
    struct PlainText {
        var text: Localized
        var location: SourceLocation
        var owner: String
    }

    var templates: [TemplateText] = []
    var plain: [PlainText] = []

    init(model: Model) {
        for machine in model.machines {
            plain.append(PlainText(text: machine.title, location: machine.location, owner: "machine '\(machine.id)'"))
            for state in machine.states {
                plain.append(PlainText(text: state.title, location: state.location, owner: "state '\(machine.id).\(state.id)'"))
            }
            for action in machine.actions {
                plain.append(PlainText(text: action.title, location: action.location, owner: "action '\(action.id)'"))
                for (k, step) in action.steps.enumerated() {
                    templates.append(TemplateText(template: step.text, location: step.location,
                                                  owner: "step \(k + 1) of action '\(action.id)'", isStep: true))
                }
                for (v, variant) in action.variants.enumerated() {
                    for (k, step) in variant.steps.enumerated() {
                        templates.append(TemplateText(template: step.text, location: step.location,
                                                      owner: "step \(k + 1) of variant \(v + 1) of action '\(action.id)'", isStep: true))
                    }
                }
            }
        }
        for (kind, catalog) in [("reason", model.reasons), ("warning", model.warnings), ("channel", model.channels), ("route", model.routes)] {
            for message in catalog {
                templates.append(TemplateText(template: message.text, location: message.location, owner: "\(kind) '\(message.id)'", isStep: false))
                if let title = message.title { plain.append(PlainText(text: title, location: message.location, owner: "\(kind) '\(message.id)'")) }
            }
        }
        for product in model.products {
            plain.append(PlainText(text: product.title, location: product.location, owner: "product '\(product.id)'"))
            plain.append(PlainText(text: product.summary, location: product.location, owner: "product '\(product.id)'"))
        }
        for procedure in model.procedures {
            plain.append(PlainText(text: procedure.title, location: procedure.location, owner: "procedure '\(procedure.id)'"))
        }
        for outcome in model.outcomes {
            plain.append(PlainText(text: outcome.title, location: outcome.location, owner: "outcome '\(outcome.id)'"))
        }
        for table in model.tables {
            plain.append(PlainText(text: table.title, location: table.location, owner: "table '\(table.id)'"))
        }
        for formula in model.formulas {
            plain.append(PlainText(text: formula.text, location: formula.location, owner: "formula '\(formula.id)'"))
        }
        for fact in model.facts {
            for text in [fact.question, fact.help].compactMap({ $0 }) {
                plain.append(PlainText(text: text, location: fact.location, owner: "fact '\(fact.id)'"))
            }
        }
    }
}

extension Localized {
    /// Where the text in `language` was written, or `fallback`.
    func location(_ language: LanguageID, or fallback: SourceLocation) -> SourceLocation {
        locations[language] ?? fallback
    }
}
