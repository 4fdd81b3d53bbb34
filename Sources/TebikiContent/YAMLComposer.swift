import TebikiModel
import Yams

/// Composes a file's YAML into nodes with their marks, turning Yams' errors into diagnostics.
///
/// Yams stops at the first key that appears twice in a mapping. To go on and report everything,
/// the composer renames that key's first occurrence (one private-use character, so no column moves),
/// remembers its real name in `SourceFile.renamedKeys`, and composes again; the mapping reader then
/// sees both occurrences and reports the second one.
enum YAMLComposer {
    /// The root node, or nil when the file is empty or not well-formed YAML (then a diagnostic says why).
    static func compose(_ file: SourceFile, into log: DiagnosticLog) -> Node? {
        var text = file.text
        var renamed: [SourceFile.Position: String] = [:]
        for attempt in 0..<1000 {
            do {
                let node = try Yams.compose(yaml: text, .basic)
                file.renamedKeys = renamed
                return node
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
                log.error("content.yaml-syntax", at: file.location(nil), "the file is not well-formed YAML: \(error)")
                return nil
            }
        }
        log.error("content.duplicate-key", at: file.location(nil), "too many keys appear twice in one mapping")
        return nil
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
            log.error("content.yaml-syntax", at: file.location(mark), say(problem, context))
        case .reader(let problem, let offset, _, _):
            log.error("content.yaml-syntax", at: location(ofCharacter: offset ?? 0, in: file), "the file cannot be read as YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            log.error("content.duplicate-key", at: file.location(context.mark), "the key \(keys) appears more than once in one mapping; a key may appear once")
        default:
            log.error("content.yaml-syntax", at: file.location(nil), "malformed YAML: \(error)")
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
