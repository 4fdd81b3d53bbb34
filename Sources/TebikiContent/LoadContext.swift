import TebikiModel

/// The state of one load: diagnostics, the ids declared so far and the references still to check.
final class LoadContext {
    /// Every diagnostic of the load.
    let log = DiagnosticLog()
    /// Declared languages, source language first; empty when tebiki.yaml has none readable.
    var languages: [LanguageID] = []
    /// Whether languages are known (texts are checked against them only then).
    var languagesKnown = false
    /// Fact types and values, known before any condition is read.
    var facts: [FactID: FactSignature] = [:]
    /// States declared by each machine.
    var states: [String: [String: SourceLocation]] = [:]
    /// Kinds whose file could not be read or composed: references to them are not checked.
    var unavailable: Set<ElementKind> = []
    /// For a file of an edition that extends another: the same file of the edition it extends.
    var layers: [ObjectIdentifier: EditionLayer] = [:]
    /// References to check at the end.
    private(set) var references: [PendingReference] = []
    /// Ids declared per kind, with the place of their first declaration.
    private(set) var declared: [ElementKind: [String: SourceLocation]] = [:]

    /// The values the engine supplies to templates.
    static let enginePlaceholders = ["amount", "currency", "deadline", "last_safe_day", "row"]
    static let enginePlaceholderSet = Set(enginePlaceholders)

    /// Records an error.
    func error(_ id: String, at location: SourceLocation?, _ summary: String, explanation: String = "", suggestion: String? = nil) {
        log.error(id, at: location, summary, explanation: explanation, suggestion: suggestion)
    }

    /// Declares an id of a kind; reports a second declaration and returns false for it.
    @discardableResult
    func declare(_ kind: ElementKind, _ id: Located<String>) -> Bool {
        if let first = declared[kind]?[id.value] {
            error(
                "content.duplicate-id", at: id.location,
                "\(kind.phrase) with id '\(id.value)' is already declared on line \(first.line)\(first.file == id.location.file ? "" : " of \(first.file)"); ids are unique within their kind")
            return false
        }
        declared[kind, default: [:]][id.value] = id.location
        return true
    }

    /// Whether an id of a kind is declared.
    func isDeclared(_ kind: ElementKind, _ id: String) -> Bool { declared[kind]?[id] != nil }

    /// The ids declared for a kind (for suggestions).
    func ids(_ kind: ElementKind) -> Dictionary<String, SourceLocation>.Keys { (declared[kind] ?? [:]).keys }

    /// Records a reference to an element, checked at the end.
    func refer(_ kind: ElementKind, _ id: Located<String>, _ context: String) {
        references.append(PendingReference(target: .element(kind), id: id.value, location: id.location, context: context))
    }

    /// Records a reference to a state of a machine, checked at the end.
    func referState(machine: String, state: String, at location: SourceLocation, _ context: String) {
        references.append(PendingReference(target: .state(machine: machine), id: state, location: location, context: context))
    }

    /// Records a template placeholder, checked at the end.
    func referPlaceholder(_ name: String, at location: SourceLocation, _ context: String) {
        references.append(PendingReference(target: .placeholder, id: name, location: location, context: context))
    }

    /// The signature of a fact, reporting an unknown fact id. Nil (and silent) when facts could not be read.
    func fact(_ id: String, at location: SourceLocation, _ context: String) -> FactSignature? {
        if let signature = facts[id] { return signature }
        if !unavailable.contains(.fact) {
            error(
                "content.unknown-reference", at: location,
                "unknown fact '\(id)' in \(context); expected the id of a fact declared in facts.yaml",
                suggestion: nearestName(to: id, in: facts.keys))
        }
        return nil
    }
}
