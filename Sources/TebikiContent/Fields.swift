import TebikiModel

/// The entries of a mapping whose keys were checked against a schema (unknown, duplicate and
/// missing keys are already reported).
struct Fields {
    /// One entry.
    struct Entry {
        var key: SourceLocation
        var value: YNode
    }

    /// The entries with their keys, each key once, in no particular order.
    ///
    /// An array, not a dictionary: an element has a handful of keys, and comparing a few short
    /// strings costs less than hashing the key and building a hash table for every element read.
    typealias Entries = [(name: String, entry: Entry)]

    /// Where the mapping starts (its element's location).
    let location: SourceLocation
    /// The element in words, for messages (`a product`, then `product 'ssl-certificate'`).
    var what: String
    /// The entries, each key once.
    let entries: Entries
    /// Sections merged from an extended edition and this one's `add`/`replace`/`remove`, by key.
    /// Their items come from several files; `LoadContext.items` reads them instead of the entry.
    var sections: [String: [YNode]] = [:]

    /// The entry of `key`, if present.
    func entry(_ key: String) -> Entry? {
        for e in entries where e.name == key { return e.entry }
        return nil
    }

    /// The value of `key`, if present.
    subscript(key: String) -> YNode? { entry(key)?.value }

    /// Where `key` is written, if present.
    func keyLocation(_ key: String) -> SourceLocation? { entry(key)?.key }

    /// True when `key` is present.
    func has(_ key: String) -> Bool { entry(key) != nil }

    /// The same fields described as `kind 'id'` once the id is known.
    func named(_ noun: String, _ id: Located<String>?) -> Fields {
        guard let id else { return self }
        var copy = self
        copy.what = "\(noun) '\(id.value)'"
        return copy
    }
}
