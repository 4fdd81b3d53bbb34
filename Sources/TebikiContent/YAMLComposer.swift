import CYaml
import TebikiModel
import Yams

/// Composes a file's YAML into a `YAMLTree`, turning Yams' errors into diagnostics.
///
/// Anchors and aliases are bounded (`AliasBudget`): their expansion may add at most 100,000
/// nodes and nest at most 512 deep, or the file is refused at the alias that goes beyond.
///
/// A plain file (no anchors, aliases or repeated keys, one document, no error) is composed
/// straight from libyaml's events, the very parser Yams drives (its `CYaml` module). Any other
/// file is composed by Yams, whose nodes and errors are then used as they are: the same input
/// gives the same tree either way, and every problem is reported by Yams as before.
///
/// Yams stops at the first key that appears twice in a mapping. To go on and report everything,
/// the composer renames that key's first occurrence (one private-use character, so no column moves),
/// remembers its real name in `SourceFile.renamedKeys`, and composes again; the mapping reader then
/// sees both occurrences and reports the second one.
enum YAMLComposer {
    /// The root node, or nil when the file is empty or not well-formed YAML (then a diagnostic says why).
    static func compose(_ file: SourceFile, into log: DiagnosticLog) -> YNode? {
        switch PlainComposer.compose(file) {
        case .tree(let tree): return tree.root
        case .empty: return nil
        case .askYams: return composeWithYams(file, into: log)
        }
    }

    /// Composes with Yams, reporting its errors; the nodes are copied into a `YAMLTree`.
    private static func composeWithYams(_ file: SourceFile, into log: DiagnosticLog) -> YNode? {
        // Yams copies every alias into the tree: a few lines can expand to billions of nodes.
        if let problem = AliasBudget.problem(file) {
            log.error(.contentInvalidValue, at: file.location(line: problem.line, column: problem.column), problem.message)
            return nil
        }
        var text = file.text
        var renamed: [SourceFile.Position: String] = [:]
        for attempt in 0..<1000 {
            do {
                let node = try Yams.compose(yaml: text, .basic)
                file.renamedKeys = renamed
                return node.map { tree(of: $0, file: file).root }
            } catch let error as YamlError {
                if case .duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.first,
                   let patched = rename(key: key, at: context.mark, in: text, attempt: attempt) {
                    renamed[SourceFile.Position(line: context.mark.line, column: context.mark.column)] = key
                    text = patched
                    continue
                }
                report(error, file: file, into: log)
                return nil
            } catch {
                log.error(.contentYAMLSyntax, at: file.location(nil), "the file is not well-formed YAML: \(error)")
                return nil
            }
        }
        log.error(.contentDuplicateKey, at: file.location(nil), "too many keys appear twice in one mapping")
        return nil
    }

    /// A Yams node and its descendants as a table.
    private static func tree(of root: Node, file: SourceFile) -> YAMLTree {
        var builder = YAMLTree.Builder()
        func add(_ node: Node) -> Int32 {
            // Yams' parser marks every node; a node without one would be at the start of the file.
            let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
            switch node {
            case .scalar(let s):
                return builder.scalar(s.string, style: YAMLTree.Style(rawValue: UInt8(s.style.rawValue)) ?? .any,
                                      line: line, column: column)
            case .sequence(let items):
                let children = items.map(add)
                return builder.collection(.sequence, children, line: line, column: column)
            case .mapping(let pairs):
                let children = pairs.flatMap { [add($0.key), add($0.value)] }
                return builder.collection(.mapping, children, line: line, column: column)
            case .alias:
                return builder.collection(.alias, [], line: line, column: column)
            }
        }
        _ = add(root)
        return builder.tree(for: file)
    }

    private static func report(_ error: YamlError, file: SourceFile, into log: DiagnosticLog) {
        func say(_ problem: String, _ context: YamlError.Context?) -> String {
            var s = "malformed YAML: \(problem)"
            if let context { s += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return s
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            log.error(.contentYAMLSyntax, at: file.location(mark), say(problem, context))
        case .reader(let problem, let offset, _, _):
            log.error(.contentYAMLSyntax, at: location(ofCharacter: offset ?? 0, in: file), "the file cannot be read as YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            log.error(.contentDuplicateKey, at: file.location(context.mark), "the key \(keys) appears more than once in one mapping; a key may appear once")
        default:
            log.error(.contentYAMLSyntax, at: file.location(nil), "malformed YAML: \(error)")
        }
    }

    /// The text with the scalar that starts the key at `mark` replaced by a private-use character,
    /// or nil when the key is not where expected (then the error is reported as it is).
    private static func rename(key: String, at mark: Mark, in text: String, attempt: Int) -> String? {
        guard let first = key.unicodeScalars.first,
              let replacement = Unicode.Scalar(0xE000 + UInt32(attempt % 6000)) else { return nil }
        var scalars = text.unicodeScalars
        var index = scalars.startIndex, line = 1, previousWasCR = false
        while line < mark.line, index < scalars.endIndex {
            let c = scalars[index]
            if !(c == "\n" && previousWasCR), SourceFile.isBreak(c) { line += 1 }
            previousWasCR = c == "\r"
            index = scalars.index(after: index)
        }
        if index < scalars.endIndex, scalars[index] == "\n", previousWasCR { index = scalars.index(after: index) }
        for _ in 1..<max(1, mark.column) {
            guard index < scalars.endIndex else { return nil }
            index = scalars.index(after: index)
        }
        guard index < scalars.endIndex else { return nil }
        if scalars[index] == "\"" || scalars[index] == "'" { index = scalars.index(after: index) }
        guard index < scalars.endIndex, scalars[index] == first else { return nil }
        scalars.replaceSubrange(index...index, with: [replacement])
        return String(scalars)
    }

    /// The location of the `offset`-th character of a file.
    private static func location(ofCharacter offset: Int, in file: SourceFile) -> SourceLocation {
        var line = 1, column = 1
        for c in file.text.prefix(offset).unicodeScalars {
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return file.location(line: line, column: column)
    }
}

/// Composes a plain file straight from libyaml's events into a `YAMLTree`, the way Yams' composer
/// would; anything Yams treats specially (an error, a second document, an anchor or alias, a key
/// written twice or a key that is not a scalar) is left to Yams.
private enum PlainComposer {
    enum Outcome {
        case tree(YAMLTree)
        case empty
        case askYams
    }

    /// An open collection: its kind, where it starts, and where its children begin in `pending`.
    private struct Frame {
        var kind: YAMLTree.Kind
        var line: Int, column: Int
        var start: Int
    }

    static func compose(_ file: SourceFile) -> Outcome {
        var text = file.text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .askYams }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return compose(&parser, file: file)
        }
    }

    private static func compose(_ parser: inout yaml_parser_t, file: SourceFile) -> Outcome {
        var builder = YAMLTree.Builder()
        var frames: [Frame] = []
        // Completed nodes whose collection is still open, and at the end the root.
        var pending: [Int32] = []
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .askYams }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return .askYams }
            case YAML_STREAM_END_EVENT:
                guard documents == 1 else { return documents == 0 ? .empty : .askYams }
                return pending.count == 1 ? .tree(builder.tree(for: file)) : .askYams
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, let style = YAMLTree.Style(rawValue: UInt8(scalar.style.rawValue)) else { return .askYams }
                let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                // Yams decodes with Foundation, which may drop a leading byte order mark.
                if value.starts(with: [0xEF, 0xBB, 0xBF]) { return .askYams }
                pending.append(builder.scalar(String(decoding: value, as: UTF8.self), style: style, line: line, column: column))
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.anchor == nil else { return .askYams }
                frames.append(Frame(kind: .sequence, line: line, column: column, start: pending.count))
            case YAML_MAPPING_START_EVENT:
                guard event.data.mapping_start.anchor == nil else { return .askYams }
                frames.append(Frame(kind: .mapping, line: line, column: column, start: pending.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = frames.popLast() else { return .askYams }
                let children = pending[frame.start...]
                if frame.kind == .mapping, !keysAreDistinctScalars(children, builder) { return .askYams }
                let node = builder.collection(frame.kind, children, line: frame.line, column: frame.column)
                pending.removeSubrange(frame.start...)
                pending.append(node)
            default:  // an alias
                return .askYams
            }
        }
    }

    /// Whether a mapping's keys (every other child) are scalars with different texts; Yams finds
    /// a repeated key only among keys with the same text.
    private static func keysAreDistinctScalars(_ children: ArraySlice<Int32>, _ builder: YAMLTree.Builder) -> Bool {
        var keys: [String] = []
        keys.reserveCapacity(children.count / 2)
        for i in stride(from: children.startIndex, to: children.endIndex, by: 2) {
            let record = builder.records[Int(children[i])]
            guard record.kind == .scalar else { return false }
            keys.append(builder.strings[Int(record.first)])
        }
        if keys.count <= 16 {
            for i in keys.indices {
                for j in keys.indices where j > i && keys[i] == keys[j] { return false }
            }
            return true
        }
        return Set(keys).count == keys.count
    }
}

/// What the anchors and aliases of a file expand to, measured from libyaml's events before Yams
/// copies every alias into the tree: a few lines of nested aliases ("billion laughs") otherwise
/// take minutes and gigabytes, and deep nesting would exhaust the stack of the recursive copy.
enum AliasBudget {
    /// The most nodes the aliases of one document may add, all expansions counted.
    static let maximumAddedNodes = 100_000
    /// The deepest a document may nest, once its aliases are expanded.
    static let maximumDepth = 512

    /// The first place where a limit is crossed, and how; nil within the limits (and for a file
    /// libyaml cannot parse, whose error Yams reports).
    static func problem(_ file: SourceFile) -> (message: String, line: Int, column: Int)? {
        var text = file.text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return problem(&parser)
        }
    }

    /// An open collection: its anchor, and the expanded size and depth of its children so far.
    private struct Frame {
        var anchor: String?
        var size = 0, depth = 0
    }

    private static func problem(_ parser: inout yaml_parser_t) -> (message: String, line: Int, column: Int)? {
        // The expanded size and depth of each anchored node of the current document.
        var anchors: [String: (size: Int, depth: Int)] = [:]
        var frames: [Frame] = []
        var added = 0
        var event = yaml_event_t()
        func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? { anchor.map { String(cString: $0) } }
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            var node: (size: Int, depth: Int, anchor: String?)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]; added = 0
                continue
            case YAML_SCALAR_EVENT:
                node = (1, 1, name(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                // An alias to an unknown anchor is Yams' error to report.
                guard let anchor = name(event.data.alias.anchor), let target = anchors[anchor] else { continue }
                added += target.size
                if added > maximumAddedNodes {
                    return ("the aliases of this file expand to more than \(maximumAddedNodes) nodes (this alias of '\(anchor)' "
                        + "alone adds \(target.size)); write the content out, or use fewer nested aliases", line, column)
                }
                node = (target.size, target.depth, nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                frames.append(Frame(anchor: name(anchor)))
                if frames.count > maximumDepth {
                    return ("the file nests more than \(maximumDepth) levels deep", line, column)
                }
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = frames.popLast() else { return nil }
                node = (1 + frame.size, 1 + frame.depth, frame.anchor)
            default:
                continue
            }
            if frames.count + node.depth > maximumDepth {
                return ("the file nests more than \(maximumDepth) levels deep once its aliases are expanded", line, column)
            }
            if let anchor = node.anchor { anchors[anchor] = (node.size, node.depth) }
            if !frames.isEmpty {
                frames[frames.count - 1].size += node.size
                frames[frames.count - 1].depth = max(frames[frames.count - 1].depth, node.depth)
            }
        }
    }
}
