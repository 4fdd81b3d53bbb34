/// The whole model of one edition of the refund policy: what content/ says, as values.
package struct Model: Sendable, Hashable {
    /// The languages, source language first.
    package var languages: [Language]
    package var edition: Edition
    package var facts: Catalog<Fact>
    package var products: Catalog<Product>
    package var outcomes: Catalog<Outcome>
    package var reasons: Catalog<Message>
    package var warnings: Catalog<Message>
    package var channels: Catalog<Message>
    package var routes: Catalog<Message>
    package var formulas: Catalog<Formula>
    package var tables: Catalog<DecisionTable>
    package var glossary: Catalog<UIElement>
    package var machines: Catalog<StateMachine> { didSet { actionIndex = Model.indexActions(machines) } }
    package var procedures: Catalog<Procedure>
    /// The tool's own words (headings, labels of `explain`, site chrome), per language,
    /// from content/strings.yaml: a new language needs no Swift change.
    package var strings: [String: Localized]

    /// Creates a model.
    package init(
        languages: [Language], edition: Edition, facts: Catalog<Fact>, products: Catalog<Product>,
        outcomes: Catalog<Outcome>, reasons: Catalog<Message>, warnings: Catalog<Message>,
        channels: Catalog<Message>, routes: Catalog<Message>, formulas: Catalog<Formula>,
        tables: Catalog<DecisionTable>, glossary: Catalog<UIElement>, machines: Catalog<StateMachine>,
        procedures: Catalog<Procedure>, strings: [String: Localized] = [:]
    ) {
        self.languages = languages; self.edition = edition; self.facts = facts; self.products = products
        self.outcomes = outcomes; self.reasons = reasons; self.warnings = warnings; self.channels = channels
        self.routes = routes; self.formulas = formulas; self.tables = tables; self.glossary = glossary
        self.machines = machines; self.procedures = procedures; self.strings = strings
        actionIndex = Model.indexActions(machines)
    }

    /// Where each console action is: (machine, action) positions, the first machine that has it.
    /// Kept in step with `machines`, so that looking an action up does not walk every machine.
    private var actionIndex: [String: ActionPosition]

    private struct ActionPosition: Sendable, Hashable { var machine: Int, action: Int }

    private static func indexActions(_ machines: Catalog<StateMachine>) -> [String: ActionPosition] {
        var index: [String: ActionPosition] = [:]
        for (m, machine) in machines.enumerated() {
            // In content order, so a duplicate id keeps its first element, as the catalog does.
            for (a, action) in machine.actions.enumerated() where index[action.id] == nil {
                index[action.id] = ActionPosition(machine: m, action: a)
            }
        }
        return index
    }

    /// A string of the tool in `language`; the key itself when content lacks it (the loader reports that).
    package func string(_ key: String, _ language: LanguageID) -> String {
        strings[key]?.values[language] ?? key
    }

    /// The source language (ja).
    package var sourceLanguage: Language { languages.first { $0.role == .source } ?? languages[0] }

    /// The language with `id`, if declared.
    package func language(_ id: LanguageID) -> Language? { languages.first { $0.id == id } }

    /// Every console action of every machine, by id.
    package var actions: [String: ConsoleAction] {
        var all: [String: ConsoleAction] = [:]
        for m in machines { for a in m.actions where all[a.id] == nil { all[a.id] = a } }
        return all
    }

    /// The action with `id` in any machine.
    package func action(_ id: String) -> ConsoleAction? {
        guard let p = actionIndex[id] else { return nil }
        return machines[p.machine].actions[p.action]
    }
}
