/// A composed YAML file: every node in one flat table, so that a node is a table and an index
/// (no tree of values to copy, retain and release while the readers walk it).
///
/// `YAMLComposer` builds it, straight from libyaml's events when the file is plain, or from the
/// nodes of Yams when Yams has to be asked (see there).
final class YAMLTree {
    /// What a node is.
    enum Kind: UInt8 {
        case scalar, sequence, mapping
        /// Never produced by Yams' composer, which resolves aliases; kept so every Yams node has a form.
        case alias
    }

    /// How a scalar is written (libyaml's scalar styles, in libyaml's order).
    enum Style: UInt8 {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// One node: its kind, where it starts (1-based, columns in Unicode scalars as libyaml counts
    /// them) and its contents: for a scalar, `first` indexes `strings`; for a collection, its
    /// children are `children[first..<first + count]` (a mapping's alternate key, value).
    struct Record {
        var kind: Kind
        var style: Style
        var line: Int32
        var column: Int32
        var first: Int32
        var count: Int32
    }

    /// The file the nodes were read from.
    let file: SourceFile
    /// The nodes; the root is the last one.
    let records: [Record]
    /// The scalars' texts.
    let strings: [String]
    /// The children of collections, by node index.
    let children: [Int32]

    init(file: SourceFile, records: [Record], strings: [String], children: [Int32]) {
        self.file = file
        self.records = records
        self.strings = strings
        self.children = children
    }

    /// The root node.
    var root: YNode { YNode(tree: self, index: records.count - 1) }

    /// Collects records while a file is composed: a node is added when it is complete, so the
    /// children of a collection are added before it.
    struct Builder {
        private(set) var records: [Record] = []
        private(set) var strings: [String] = []
        private(set) var children: [Int32] = []

        /// Adds a scalar; returns its index.
        mutating func scalar(_ string: String, style: Style, line: Int, column: Int) -> Int32 {
            strings.append(string)
            return add(Record(kind: .scalar, style: style, line: Int32(line), column: Int32(column), first: Int32(strings.count - 1), count: 0))
        }

        /// Adds a collection whose children are `items`; returns its index.
        mutating func collection(_ kind: Kind, _ items: some Collection<Int32>, line: Int, column: Int) -> Int32 {
            let first = Int32(children.count)
            children.append(contentsOf: items)
            return add(Record(kind: kind, style: .any, line: Int32(line), column: Int32(column), first: first, count: Int32(items.count)))
        }

        private mutating func add(_ record: Record) -> Int32 {
            records.append(record)
            return Int32(records.count - 1)
        }

        /// The finished tree (its root is the last node added).
        func tree(for file: SourceFile) -> YAMLTree {
            YAMLTree(file: file, records: records, strings: strings, children: children)
        }
    }
}
