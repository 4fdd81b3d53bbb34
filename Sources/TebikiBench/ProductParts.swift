/// The content one product contributes to each file of the edition, as YAML list items
/// (each block starts with `- ` at column 0; the file writers indent them).
struct ProductParts {
    var facts: [String] = []
    var product = ""
    var glossary: [String] = []
    var machines: [String] = []
    var procedures: [String] = []
    var tables: [String] = []
    var reasons: [String] = []
    var warnings: [String] = []
    var formulas: [String] = []
    /// Variants of the shared `request-refund` action (first match wins).
    var refundVariants: [String] = []
    /// Whether the shared `used` fact applies to the product.
    var usesSharedUsedFact = false

    /// A glossary element.
    static func element(_ id: String, _ kind: String, _ label: Words, note: String = "SYNTHETIC", untitled: Bool = false) -> String {
        var block = "- id: \(id)\n  kind: \(kind)\n  label: \(label.yaml)\n  note: \(YAML.quoted(note))"
        if untitled { block += "\n  untitled: true" }
        return block
    }

    /// A reason, warning body, channel or route: an id and a template.
    static func message(_ id: String, _ text: Words) -> String {
        "- id: \(id)\n  text: \(text.yaml)"
    }

    /// A warning: an id, a title and a template.
    static func warning(_ id: String, title: Words, _ text: Words) -> String {
        "- id: \(id)\n  title: \(title.yaml)\n  text: \(text.yaml)"
    }

    /// A procedure; `actions` are the items as written (`x`, or `{action: x, repeat: n}`).
    static func procedure(_ id: String, _ title: Words, _ actions: [String]) -> String {
        "- id: \(id)\n  title: \(title.yaml)\n  actions:\n" + actions.map { "    - \($0)" }.joined(separator: "\n")
    }

    /// A state of a machine, with the status element the console shows.
    static func state(_ id: String, _ title: Words, status: String? = nil) -> String {
        "- id: \(id)\n  title: \(title.yaml)" + (status.map { "\n  status: \($0)" } ?? "")
    }

    /// The `steps:` of an action or a variant, indented for a mapping at `indent`.
    static func steps(_ steps: [Words], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return pad + "steps:\n" + steps.map { "\(pad)  - \($0.yaml)" }.joined(separator: "\n")
    }

    /// A decision-table row.
    static func row(_ id: String, when: [(String, String)], then: String, source: String) -> String {
        "- id: \(id)\n  when: \(YAML.conditions(when))\n  then: \(then)\n  source: \(source)"
    }

    /// A decision table.
    static func table(_ id: String, _ title: Words, hitPolicy: String, inputs: [String], rows: [String]) -> String {
        "- id: \(id)\n  title: \(title.yaml)\n  hit_policy: \(hitPolicy)\n  inputs: \(YAML.list(inputs))\n  rules:\n"
            + rows.map { YAML.indent($0, by: 4) }.joined(separator: "\n")
    }

    /// A deciding `then` that refunds.
    static func refund(_ outcome: String, reason: String, amount: String, channel: String, procedure: String, warnings: [String] = []) -> String {
        let extra = warnings.isEmpty ? "" : ", warnings: \(YAML.list(warnings))"
        return "{outcome: \(outcome), reason: \(reason), amount: \(amount), channel: \(channel), procedure: \(procedure)\(extra)}"
    }

    /// A deciding `then` that refunds nothing.
    static func noRefund(reason: String) -> String { "{outcome: no-refund, reason: \(reason)}" }
}
