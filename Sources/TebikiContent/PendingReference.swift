import TebikiModel

/// A reference by id read from content, checked once every file has been read.
///
/// Almost every reference resolves, so what only a diagnostic needs is kept in pieces and put
/// together when one is reported: the words of `context`, and the exact column of a placeholder.
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

    /// Where a reference is, in words, kept in pieces until a diagnostic needs them.
    enum Context {
        /// The words as they are.
        case words(String)
        /// `'key' of <element>`.
        case key(String, of: String)
        /// `the <language> text of <element>`.
        case text(LanguageID, of: String)
        /// `<element> of machine '<machine>'`.
        case inMachine(String, machine: String)
        /// `the actions of <element>`.
        case actions(of: String)

        /// The words.
        var words: String {
            switch self {
            case .words(let words): return words
            case .key(let key, let what): return "'\(key)' of \(what)"
            case .text(let language, let what): return "the \(language) text of \(what)"
            case .inMachine(let what, let machine): return "\(what) of machine '\(machine)'"
            case .actions(let what): return "the actions of \(what)"
            }
        }
    }

    /// Where the id is written: a location, or a scalar node and the offset of the id in its text
    /// (finding the column there reads the line again, so it is done only for a diagnostic).
    enum Place {
        case location(SourceLocation)
        case offset(YNode, Int)

        var location: SourceLocation {
            switch self {
            case .location(let location): return location
            case .offset(let node, let offset): return node.location(offset: offset)
            }
        }
    }

    var target: Target
    var id: String
    var place: Place
    var context: Context

    /// Where the id is written.
    var location: SourceLocation { place.location }
}
