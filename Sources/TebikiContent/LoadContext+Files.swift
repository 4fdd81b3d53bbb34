import TebikiModel

/// The top level of a content file: a mapping of sections, each a sequence of elements.
extension LoadContext {
    /// The root mapping of a file, or nil when the file is empty or not a mapping.
    func root(_ node: YNode?, file: SourceFile, required: [String], optional: [String] = []) -> Fields? {
        if let base = layers[ObjectIdentifier(file)] {
            return layeredRoot(node, file: file, over: base, required: required, optional: optional)
        }
        guard let node else {
            error(.contentWrongType, at: file.location(line: 1, column: 1),
                  "the file is empty; expected a mapping with the keys \(list((required + optional).map { "'\($0)'" }))")
            return nil
        }
        return fields(node, "the file's top level", required: required, optional: optional)
    }

    /// The elements of a section. When the section is unusable, references to `kinds` are not
    /// checked (the real problem is reported once, not at every reference).
    func items(_ root: Fields?, _ key: String, required: Bool = true, kinds: [ElementKind]) -> [YNode] {
        guard let root else { unavailable.formUnion(kinds); return [] }
        if let merged = root.sections[key] { return merged }
        guard let node = root[key] else {
            if required { unavailable.formUnion(kinds) }
            return []
        }
        guard let list = sequence(node, "'\(key)'") else {
            unavailable.formUnion(kinds)
            return []
        }
        return list
    }
}
