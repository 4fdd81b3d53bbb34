/// The few pieces of YAML syntax the generator writes. Every text is double-quoted, so no
/// value can be misread as a number, a boolean or a flow collection.
enum YAML {
    /// `text` as a double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A flow sequence of plain ids: `[a, b, c]`.
    static func list(_ ids: [String]) -> String { "[" + ids.joined(separator: ", ") + "]" }

    /// A flow mapping of conditions (`{product: "p0001-key-vault", p0001_status: "issued"}`), keys in the given order.
    static func conditions(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\($0.0): \(quoted($0.1))" }.joined(separator: ", ") + "}"
    }

    /// Indents every non-empty line of `block` by `spaces`.
    static func indent(_ block: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return block.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
    }
}
