import TebikiModel

/// Reads strings.yaml at the content root: the tool's own words, a text per key.
struct StringsReader {
    let ctx: LoadContext

    func read(_ node: YNode?, file: SourceFile) -> [String: Localized] {
        guard let root = ctx.root(node, file: file, required: ["strings"]), let n = root["strings"],
              let entries = ctx.entries(n, "'strings'", expected: "a mapping of keys to texts")
        else { return [:] }
        var strings: [String: Localized] = [:]
        for (key, value) in entries {
            if let text = ctx.localized(value, "string '\(key.value)'") { strings[key.value] = text }
        }
        return strings
    }
}
