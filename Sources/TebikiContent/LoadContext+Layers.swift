import TebikiModel

/// The top level of a file of an edition that extends another (content/README.md, "Editions that
/// extend another"): the base file's keys, with this file's changes applied.
///
/// A section (a key whose value is a sequence of elements with ids) is written here as a mapping:
/// `add` (new elements, appended), `replace` (elements that take the place of the base's element
/// with the same id) and `remove` (ids). Any other key replaces the base's value whole. Every
/// element keeps the file it was written in, so every diagnostic points at the line to edit.
extension LoadContext {
    /// The keys of a section written as changes.
    static let changeKeys = ["add", "replace", "remove"]

    func layeredRoot(_ node: YNode?, file: SourceFile, over base: EditionLayer, required: [String], optional: [String]) -> Fields? {
        let baseFields = root(base.node, file: base.file, required: required, optional: optional)
        guard let node else {
            error(.contentWrongType, at: file.location(line: 1, column: 1),
                  "the file is empty; in an edition that extends '\(base.edition)', leave a file out to take it unchanged from that edition")
            return nil
        }
        guard let written = entries(node, "the file's top level", expected: "a mapping with the keys \(list(required + optional))") else { return nil }
        let allowed = required + optional
        var merged = baseFields?.entries ?? []
        var sections = baseFields?.sections ?? [:]
        for (key, value) in written {
            guard allowed.contains(key.value) else {
                error(.contentUnknownKey, at: key.location,
                      "unknown key '\(key.value)' in the file's top level; expected one of: \(list(allowed))",
                      suggestion: nearestName(to: key.value, in: allowed))
                continue
            }
            let baseValue = baseFields?[key.value]
            let baseItems = baseFields?.sections[key.value] ?? baseValue?.items
            if baseItems != nil || isChangeMapping(value) {
                let section = "'\(key.value)'"
                guard value.kind == .mapping else {
                    error(.contentWrongType, at: value.location,
                          "\(section) must be a mapping of changes to edition '\(base.edition)' (\(list(Self.changeKeys)), each optional), found \(value.kindPhrase); this edition extends '\(base.edition)' (tebiki.yaml)")
                    continue
                }
                sections[key.value] = applyChanges(value, to: baseItems ?? [], section: section, base: base)
            } else {
                sections[key.value] = nil
            }
            let entry = Fields.Entry(key: key.location, value: value)
            if let i = merged.firstIndex(where: { $0.name == key.value }) {
                merged[i].entry = entry
            } else {
                merged.append((key.value, entry))
            }
        }
        return Fields(location: node.location, what: "the file's top level", entries: merged, sections: sections)
    }

    /// The base's items with `add`, `replace` and `remove` applied: base order, replacements in
    /// place, additions at the end.
    private func applyChanges(_ node: YNode, to baseItems: [YNode], section: String, base: EditionLayer) -> [YNode] {
        let what = "the changes to \(section)"
        guard let f = fields(node, what, required: [], optional: Self.changeKeys) else { return baseItems }
        var position: [String: Int] = [:]
        for (i, item) in baseItems.enumerated() {
            if let id = elementID(item), position[id.value] == nil { position[id.value] = i }
        }
        let baseIDs = baseItems.compactMap { elementID($0)?.value }
        var result: [YNode?] = baseItems
        var touched: [String: SourceLocation] = [:]

        func claim(_ id: Located<String>, _ verb: String) -> Int? {
            if let first = touched[id.value] {
                error(.contentDuplicateID, at: id.location,
                      "\(verb) '\(id.value)' in \(section), which line \(first.line) already changes; an element is added, replaced or removed once")
                return nil
            }
            touched[id.value] = id.location
            guard let i = position[id.value] else {
                error(.contentUnknownReference, at: id.location,
                      "\(verb) '\(id.value)', but \(section) of edition '\(base.edition)' (\(base.file.path)) has no element with that id; expected one of its ids",
                      suggestion: nearestName(to: id.value, in: baseIDs))
                return nil
            }
            return i
        }

        for item in f["replace"].flatMap({ sequence($0, "'replace' of \(what)") }) ?? [] {
            guard let id = elementID(item) else {
                error(.contentMissingKey, at: item.location, "an element in 'replace' of \(what) lacks its 'id'; it replaces the element of edition '\(base.edition)' with that id")
                continue
            }
            if let i = claim(id, "replace names") { result[i] = item }
        }
        for item in f["remove"].flatMap({ sequence($0, "'remove' of \(what)") }) ?? [] {
            guard let id = self.id(item, "an id in 'remove' of \(what)") else { continue }
            if let i = claim(id, "remove names") { result[i] = nil }
        }
        var added: [YNode] = []
        for item in f["add"].flatMap({ sequence($0, "'add' of \(what)") }) ?? [] {
            if let id = elementID(item) {
                if let i = position[id.value] {
                    let existing = baseItems[i].location
                    error(.contentDuplicateID, at: id.location,
                          "add names '\(id.value)', but edition '\(base.edition)' already declares it in \(section) (\(existing)); use 'replace' to change it",
                          suggestion: "replace")
                    continue
                }
                if let first = touched[id.value] {
                    error(.contentDuplicateID, at: id.location,
                          "add names '\(id.value)' in \(section), which line \(first.line) already adds; an element is added once")
                    continue
                }
                touched[id.value] = id.location
            }
            added.append(item)   // an element without an id is reported by the file's reader
        }
        return result.compactMap { $0 } + added
    }

    /// The `id` of an element, without reporting anything (the file's reader reports a bad id).
    private func elementID(_ node: YNode) -> Located<String>? {
        guard let pairs = node.pairs else { return nil }
        for (k, value) in pairs where k.scalar?.string == "id" {
            guard let s = value.scalar, !value.isNull, !s.string.isEmpty else { return nil }
            return Located(value: s.string, location: value.location)
        }
        return nil
    }

    /// A mapping whose keys are all `add`, `replace` or `remove`: changes to a section the base lacks.
    private func isChangeMapping(_ node: YNode) -> Bool {
        guard let pairs = node.pairs, !pairs.isEmpty else { return false }
        return pairs.allSatisfy { Self.changeKeys.contains($0.key.scalar?.string ?? "") }
    }
}
