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
    /// References to check at the end, in the order they were recorded, as lists: an absorbed
    /// branch's list is kept whole (copying every reference into one list was a serial stretch of
    /// a large load). This context records into the last list.
    private(set) var references: [[PendingReference]] = [[]]
    /// Ids declared per kind, with the place of their first declaration.
    private(set) var declared: [ElementKind: [String: SourceLocation]] = [:]
    /// The kinds this context declared ids of itself (`absorb` merges only these back).
    private var declaredKinds: Set<ElementKind> = []

    /// The values the engine supplies to templates.
    static let enginePlaceholders = ["amount", "currency", "deadline", "last_safe_day", "row"]
    static let enginePlaceholderSet = Set(enginePlaceholders)

    /// Records an error.
    func error(_ rule: DiagnosticRule, at location: SourceLocation?, _ summary: String, explanation: String = "", suggestion: String? = nil) {
        log.error(rule, at: location, summary, explanation: explanation, suggestion: suggestion)
    }

    /// A context for one reader that runs beside the others (`ContentLoader` reads the edition's
    /// files on every core): it starts with everything known so far (languages, fact signatures,
    /// layers, unavailable kinds, declared ids) and has a log and a list of references of its own.
    ///
    /// The readers do not depend on each other while they read: each declares only the kinds its
    /// file declares (`ElementKind.declaredIn`), the fact signatures are known before they start,
    /// and what one file declares is looked up only by the checks that run after all are absorbed.
    func branch() -> LoadContext {
        let branch = LoadContext()
        branch.languages = languages
        branch.languagesKnown = languagesKnown
        branch.facts = facts
        branch.states = states
        branch.unavailable = unavailable
        branch.layers = layers
        branch.declared = declared
        return branch
    }

    /// Takes back what a branch found: its diagnostics and references after this context's own,
    /// the ids, states and fact signatures it declared (an id declared here first stays first), the
    /// kinds it found unavailable. Absorbing the branches in reading order leaves the same context as reading the
    /// files one after the other.
    func absorb(_ branch: LoadContext) {
        for d in branch.log.diagnostics { log.append(d) }
        references.append(contentsOf: branch.references)
        references.append([])
        unavailable.formUnion(branch.unavailable)
        for kind in branch.declaredKinds {
            let ids = branch.declared[kind] ?? [:]
            // Each kind is declared by one reader: its table is taken whole, not hashed again.
            if let mine = declared[kind] {
                declared[kind] = mine.merging(ids) { first, _ in first }
            } else {
                declared[kind] = ids
            }
            declaredKinds.insert(kind)
        }
        // Only the facts' first pass adds signatures (a branch that added none has as many as this).
        if branch.facts.count != facts.count {
            facts.merge(branch.facts) { first, _ in first }
        }
        for (machine, states) in branch.states {
            self.states[machine, default: [:]].merge(states) { first, _ in first }
        }
    }

    /// Declares an id of a kind; reports a second declaration and returns false for it.
    @discardableResult
    func declare(_ kind: ElementKind, _ id: Located<String>) -> Bool {
        if let first = declared[kind]?[id.value] {
            error(
                .contentDuplicateID, at: id.location,
                "\(kind.phrase) with id '\(id.value)' is already declared on line \(first.line)\(first.file == id.location.file ? "" : " of \(first.file)"); ids are unique within their kind")
            return false
        }
        declared[kind, default: [:]][id.value] = id.location
        declaredKinds.insert(kind)
        return true
    }

    /// Whether an id of a kind is declared.
    func isDeclared(_ kind: ElementKind, _ id: String) -> Bool { declared[kind]?[id] != nil }

    /// The ids declared for a kind (for suggestions).
    func ids(_ kind: ElementKind) -> Dictionary<String, SourceLocation>.Keys { (declared[kind] ?? [:]).keys }

    /// Adds a reference to the last list.
    private func record(_ reference: PendingReference) {
        references[references.count - 1].append(reference)
    }

    /// Records a reference to an element, checked at the end.
    func refer(_ kind: ElementKind, _ id: Located<String>, _ context: PendingReference.Context) {
        record(PendingReference(target: .element(kind), id: id.value, place: .location(id.location), context: context))
    }

    /// Records a reference to a state of a machine, checked at the end.
    func referState(machine: String, state: String, at location: SourceLocation, _ context: PendingReference.Context) {
        record(PendingReference(target: .state(machine: machine), id: state, place: .location(location), context: context))
    }

    /// Records a reference to a state of a machine written `offset` scalars into the text of `node`, checked at the end.
    func referState(machine: String, state: String, in node: YNode, offset: Int, _ context: PendingReference.Context) {
        record(PendingReference(target: .state(machine: machine), id: state, place: .offset(node, offset), context: context))
    }

    /// Records a template placeholder written `offset` scalars into the text of `node`, checked at the end.
    func referPlaceholder(_ name: String, in node: YNode, offset: Int, _ context: PendingReference.Context) {
        record(PendingReference(target: .placeholder, id: name, place: .offset(node, offset), context: context))
    }

    /// The signature of a fact, reporting an unknown fact id. Nil (and silent) when facts could not be read.
    func fact(_ id: String, at location: @autoclosure () -> SourceLocation, _ context: @autoclosure () -> String) -> FactSignature? {
        if let signature = facts[id] { return signature }
        if !unavailable.contains(.fact) {
            error(
                .contentUnknownReference, at: location(),
                "unknown fact '\(id)' in \(context()); expected the id of a fact declared in facts.yaml",
                suggestion: nearestName(to: id, in: facts.keys))
        }
        return nil
    }
}
