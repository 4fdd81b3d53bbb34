import TebikiModel

/// The entries of a mapping whose keys were checked against a schema (unknown, duplicate and
/// missing keys are already reported).
struct Fields {
    /// One entry.
    struct Entry {
        var key: SourceLocation
        var value: YNode
    }

    /// Where the mapping starts (its element's location).
    let location: SourceLocation
    /// The element in words, for messages (`a product`, then `product 'ssl-certificate'`).
    var what: String
    /// Entries by key.
    let entries: [String: Entry]
    /// Sections merged from an extended edition and this one's `add`/`replace`/`remove`, by key.
    /// Their items come from several files; `LoadContext.items` reads them instead of the entry.
    var sections: [String: [YNode]] = [:]

    /// The value of `key`, if present.
    subscript(key: String) -> YNode? { entries[key]?.value }

    /// Where `key` is written, if present.
    func keyLocation(_ key: String) -> SourceLocation? { entries[key]?.key }

    /// True when `key` is present.
    func has(_ key: String) -> Bool { entries[key] != nil }

    /// The same fields described as `kind 'id'` once the id is known.
    func named(_ noun: String, _ id: Located<String>?) -> Fields {
        guard let id else { return self }
        var copy = self
        copy.what = "\(noun) '\(id.value)'"
        return copy
    }
}
