import TebikiModel
import Yams

/// A YAML node together with the file it was read from.
struct YNode {
    let node: Node
    let file: SourceFile

    /// Where the node starts.
    var location: SourceLocation { file.location(node.mark) }

    /// The scalar, when the node is one.
    var scalar: Node.Scalar? { node.scalar }

    /// A plain `null`, `~` or nothing at all.
    var isNull: Bool {
        guard let s = node.scalar, s.style == .plain || s.style == .any else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL"
    }

    /// What the node is, for "expected X, found Y".
    var kindPhrase: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        case .scalar(let s):
            if isNull { return "nothing (null)" }
            if s.style == .plain || s.style == .any {
                if s.string == "true" || s.string == "false" { return "a boolean (\(s.string))" }
                if Int(s.string) != nil || Exact(decimal: s.string) != nil { return "a number (\(s.string))" }
            }
            let shown = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
            return "a string ('\(shown)')"
        }
    }

    /// The location of the character `offset` scalars into the node's text (scalars only).
    func location(offset: Int) -> SourceLocation {
        guard let s = scalar else { return location }
        return file.location(of: s, offset: offset)
    }
}
