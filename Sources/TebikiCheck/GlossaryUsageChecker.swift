import TebikiModel

/// Every glossary element is used: named by a template or shown as the status of a state.
/// An element nobody names is a label translators maintain for nothing, or a step that lost it.
struct GlossaryUsageChecker {
    let model: Model

    func run() -> [Diagnostic] {
        var used = Set<String>()
        for text in ModelTexts(model: model).templates {
            for template in text.template.templates.values { used.formUnion(template.placeholders) }
        }
        for machine in model.machines { for state in machine.states { if let s = state.status { used.insert(s) } } }
        return model.glossary.filter { !used.contains($0.id) }.map { element in
            Diagnostic(.checkGlossaryUnusedElement, at: element.location,
                       "glossary element '\(element.id)' (\(element.label[model.sourceLanguage.id])) is named by no step, message or state",
                       explanation: "Name it where the console shows it, or remove it.")
        }
    }
}
