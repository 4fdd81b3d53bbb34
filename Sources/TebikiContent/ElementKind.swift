/// The kinds of elements content declares by id. An id is unique within its kind.
enum ElementKind: String, CaseIterable, Hashable {
    case language, edition, page, fact, product, outcome, reason, warning, channel, route, formula
    case glossary, machine, action, procedure, table, rule

    /// The kind in words, with its article (`an outcome`).
    var phrase: String {
        switch self {
        case .language: return "a language"
        case .edition: return "an edition"
        case .page: return "a source page"
        case .fact: return "a fact"
        case .product: return "a product"
        case .outcome: return "an outcome"
        case .reason: return "a reason"
        case .warning: return "a warning"
        case .channel: return "a channel"
        case .route: return "a route"
        case .formula: return "a formula"
        case .glossary: return "a glossary element"
        case .machine: return "a state machine"
        case .action: return "a console action"
        case .procedure: return "a procedure"
        case .table: return "a decision table"
        case .rule: return "a rule"
        }
    }

    /// The kind in words, without article.
    var noun: String { String(phrase.drop { $0 != " " }.dropFirst()) }

    /// The file that declares elements of this kind.
    var declaredIn: String {
        switch self {
        case .language, .edition: return "tebiki.yaml"
        case .page: return "edition.yaml"
        case .fact: return "facts.yaml"
        case .product: return "products.yaml"
        case .outcome, .reason, .warning, .channel, .route, .formula: return "outcomes.yaml"
        case .glossary: return "glossary.yaml"
        case .machine, .action: return "machines.yaml"
        case .procedure: return "procedures.yaml"
        case .table, .rule: return "rules.yaml"
        }
    }
}
