import TebikiModel

/// A YAML node: its composed file's table and its index there.
struct YNode {
    let tree: YAMLTree
    let index: Int

    /// A scalar's text and how it is written, with where it starts.
    struct Scalar {
        var string: String
        var style: YAMLTree.Style
        var line: Int
        var column: Int
    }

    private var record: YAMLTree.Record { tree.records[index] }

    /// The file the node was read from.
    var file: SourceFile { tree.file }

    /// What the node is.
    var kind: YAMLTree.Kind { record.kind }

    /// Where the node starts.
    var location: SourceLocation {
        let r = record
        return file.location(line: Int(r.line), column: Int(r.column))
    }

    /// The scalar, when the node is one.
    var scalar: Scalar? {
        let r = record
        guard r.kind == .scalar else { return nil }
        return Scalar(string: tree.strings[Int(r.first)], style: r.style, line: Int(r.line), column: Int(r.column))
    }

    /// The items, when the node is a sequence.
    var items: [YNode]? {
        let r = record
        guard r.kind == .sequence else { return nil }
        let first = Int(r.first)
        return (first..<(first + Int(r.count))).map { YNode(tree: tree, index: Int(tree.children[$0])) }
    }

    /// The key and value nodes in order, when the node is a mapping.
    var pairs: [(key: YNode, value: YNode)]? {
        let r = record
        guard r.kind == .mapping else { return nil }
        let first = Int(r.first)
        return stride(from: first, to: first + Int(r.count), by: 2).map {
            (YNode(tree: tree, index: Int(tree.children[$0])), YNode(tree: tree, index: Int(tree.children[$0 + 1])))
        }
    }

    /// A plain `null`, `~` or nothing at all.
    var isNull: Bool {
        guard let s = scalar, s.style == .plain || s.style == .any else { return false }
        return s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL"
    }

    /// What the node is, for "expected X, found Y".
    var kindPhrase: String {
        guard let s = scalar else {
            switch kind {
            case .mapping: return "a mapping"
            case .sequence: return "a sequence"
            case .scalar, .alias: return "an alias"
            }
        }
        if isNull { return "nothing (null)" }
        if s.style == .plain || s.style == .any {
            if s.string == "true" || s.string == "false" { return "a boolean (\(s.string))" }
            if Int(s.string) != nil || Exact(decimal: s.string) != nil { return "a number (\(s.string))" }
        }
        let shown = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
        return "a string ('\(shown)')"
    }

    /// The location of the character `offset` scalars into the node's text (scalars only).
    func location(offset: Int) -> SourceLocation {
        guard let s = scalar else { return location }
        return file.location(of: s, offset: offset)
    }
}
