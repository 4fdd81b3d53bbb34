import TebikiModel

/// A reference by id read from content, checked once every file has been read.
struct PendingReference {
    /// What the id names.
    enum Target {
        /// An element of a kind.
        case element(ElementKind)
        /// A state of a machine (the machine part is a separate `.element(.machine)` reference).
        case state(machine: String)
        /// A template placeholder: a glossary id unless it is a value the engine supplies.
        case placeholder
    }

    var target: Target
    var id: String
    var location: SourceLocation
    /// Where the reference is, in words (`the outcome of rule 'G1-2'`).
    var context: String
}
