import TebikiModel

/// Strict readers of YAML values: each reports what it expected and returns nil when the value is unusable.
extension LoadContext {
    /// Reports a value of the wrong type.
    func wrongType(_ node: YNode, expected: String, _ what: String) {
        error(.contentWrongType, at: node.location, "\(what) must be \(expected), found \(node.kindPhrase)")
    }

    /// The entries of a mapping in order, each key once (a repeated key is reported and its value ignored).
    func entries(_ node: YNode, _ what: @autoclosure () -> String, expected: @autoclosure () -> String = "a mapping") -> [(key: Located<String>, value: YNode)]? {
        guard let pairs = node.pairs else {
            wrongType(node, expected: expected(), what())
            return nil
        }
        var result: [(key: Located<String>, value: YNode)] = []
        result.reserveCapacity(pairs.count)
        // A repeated key is found among the keys kept so far: by comparing them for the few keys of
        // an element, by a table only for a long mapping (hashing every key and growing a table
        // for each of the many small mappings cost more than the comparisons).
        let small = pairs.count <= 16
        var seen: [String: SourceLocation] = [:]
        let renamedKeys = node.file.renamedKeys
        for (keyNode, v) in pairs {
            guard let scalar = keyNode.scalar else {
                wrongType(keyNode, expected: "a plain key", "a key of \(what())")
                continue
            }
            var name = scalar.string
            if !renamedKeys.isEmpty, let real = renamedKeys[SourceFile.Position(line: scalar.line, column: scalar.column)] {
                name = real
            }
            let location = keyNode.location
            let earlier = small ? result.first(where: { $0.key.value == name })?.key.location : seen[name]
            if let first = earlier {
                error(.contentDuplicateKey, at: location,
                      "the key '\(name)' appears twice in \(what()) (first on line \(first.line)); a key may appear once in a mapping")
                continue
            }
            if !small { seen[name] = location }
            result.append((Located(value: name, location: location), v))
        }
        return result
    }

    /// A mapping checked against its allowed keys: unknown keys (with a suggestion) and missing required keys are reported.
    func fields(_ node: YNode, _ what: String, required: [String], optional: [String] = []) -> Fields? {
        guard let entries = entries(node, what, expected: "a mapping with the keys \(list(required + optional))") else { return nil }
        var found: Fields.Entries = []
        found.reserveCapacity(entries.count)
        var suggested: Set<String> = []
        for (key, value) in entries {
            guard required.contains(key.value) || optional.contains(key.value) else {
                let suggestion = nearestName(to: key.value, in: required + optional)
                if let suggestion { suggested.insert(suggestion) }
                error(.contentUnknownKey, at: key.location,
                      "unknown key '\(key.value)' in \(what); expected one of: \(list(required + optional))",
                      suggestion: suggestion)
                continue
            }
            found.append((key.value, Fields.Entry(key: key.location, value: value)))
        }
        // A misspelled required key is reported once, as the unknown key with its suggestion.
        for key in required where !found.contains(where: { $0.name == key }) && !suggested.contains(key) {
            error(.contentMissingKey, at: node.location, "\(what) lacks the required key '\(key)'")
        }
        return Fields(location: node.location, what: what, entries: found)
    }

    /// The items of a sequence.
    func sequence(_ node: YNode, _ what: @autoclosure () -> String) -> [YNode]? {
        guard let items = node.items else {
            wrongType(node, expected: "a sequence", what())
            return nil
        }
        return items
    }

    /// The text of a scalar as written (a plain number or boolean is its text); null is not a text.
    func text(_ node: YNode, _ what: @autoclosure () -> String) -> Located<String>? {
        guard let s = node.scalar, !node.isNull else {
            wrongType(node, expected: "a string", what())
            return nil
        }
        return Located(value: s.string, location: node.location)
    }

    /// An id in `form` (see `IDForm`), at most `IDForm.maximumLength` characters. Ids name files and
    /// anchors of the site, so one that is not in its form is refused where it is written.
    func id(_ node: YNode, _ what: @autoclosure () -> String, _ form: IDForm = .name) -> Located<String>? {
        guard let t = text(node, what()) else { return nil }
        guard t.value.utf8.count <= IDForm.maximumLength else {
            error(.contentInvalidValue, at: t.location,
                  "\(what()) is \(t.value.utf8.count) characters long; an id has at most \(IDForm.maximumLength) (\(form.expected))")
            return nil
        }
        guard form.matches(t.value) else {
            let shown = t.value.unicodeScalars.count > 80 ? String(t.value.prefix(80)) + "…" : t.value
            error(.contentInvalidValue, at: t.location, "\(what()) must be \(form.expected), found '\(shown)'")
            return nil
        }
        return t
    }

    /// A plain `true` or `false`.
    func bool(_ node: YNode, _ what: @autoclosure () -> String) -> Bool? {
        if let s = node.scalar, s.style == .plain || s.style == .any {
            if s.string == "true" { return true }
            if s.string == "false" { return false }
        }
        wrongType(node, expected: "a boolean (true or false)", what())
        return nil
    }

    /// A plain whole number.
    func integer(_ node: YNode, _ what: @autoclosure () -> String) -> Int? {
        if let s = node.scalar, s.style == .plain || s.style == .any, let i = Int(s.string) { return i }
        wrongType(node, expected: "a whole number", what())
        return nil
    }

    /// A date written `YYYY-MM-DD`.
    func date(_ node: YNode, _ what: @autoclosure () -> String) -> CalendarDate? {
        guard let t = text(node, what()) else { return nil }
        guard let d = CalendarDate(iso: t.value) else {
            error(.contentInvalidValue, at: t.location, "\(what()) must be a date written YYYY-MM-DD, found '\(t.value)'")
            return nil
        }
        return d
    }

    /// A sequence of ids.
    func idList(_ node: YNode, _ what: @autoclosure () -> String) -> [Located<String>]? {
        guard let items = sequence(node, what()) else { return nil }
        return items.compactMap { id($0, "an item of \(what())") }
    }

    /// One of the raw values of an enumeration.
    func choice<T: RawRepresentable>(_ node: YNode, _ what: @autoclosure () -> String, among cases: [T]) -> T? where T.RawValue == String {
        guard let t = text(node, what()) else { return nil }
        if let v = T(rawValue: t.value) { return v }
        let options = cases.map(\.rawValue)
        error(.contentInvalidValue, at: t.location, "\(what()) must be one of: \(list(options)); found '\(t.value)'",
              suggestion: nearestName(to: t.value, in: options))
        return nil
    }

    /// `a, b, c`.
    func list(_ names: [String]) -> String { names.joined(separator: ", ") }
}

/// Field shortcuts: read a key of a checked mapping, naming it in messages as `'key' of <element>`.
extension LoadContext {
    func text(_ f: Fields, _ key: String) -> Located<String>? { f[key].flatMap { text($0, "'\(key)' of \(f.what)") } }
    func id(_ f: Fields, _ key: String, _ form: IDForm = .name) -> Located<String>? { f[key].flatMap { id($0, "'\(key)' of \(f.what)", form) } }
    func bool(_ f: Fields, _ key: String) -> Bool? { f[key].flatMap { bool($0, "'\(key)' of \(f.what)") } }
    func integer(_ f: Fields, _ key: String) -> Int? { f[key].flatMap { integer($0, "'\(key)' of \(f.what)") } }
    func date(_ f: Fields, _ key: String) -> CalendarDate? { f[key].flatMap { date($0, "'\(key)' of \(f.what)") } }
    func idList(_ f: Fields, _ key: String) -> [Located<String>]? { f[key].flatMap { idList($0, "'\(key)' of \(f.what)") } }
    func sequence(_ f: Fields, _ key: String) -> [YNode]? { f[key].flatMap { sequence($0, "'\(key)' of \(f.what)") } }
    func choice<T: RawRepresentable & CaseIterable>(_ f: Fields, _ key: String, as type: T.Type) -> T? where T.RawValue == String {
        f[key].flatMap { choice($0, "'\(key)' of \(f.what)", among: Array(T.allCases)) }
    }
    func choice<T: RawRepresentable>(_ f: Fields, _ key: String, among cases: [T]) -> T? where T.RawValue == String {
        f[key].flatMap { choice($0, "'\(key)' of \(f.what)", among: cases) }
    }
}

/// The documented forms of ids (content/README.md, Conventions).
enum IDForm {
    /// Products, procedures, outcomes, machines, sites: lower-case kebab (`ssl-certificate`).
    case kebab
    /// Facts: snake case, the keys of a scenario (`certificate_status`).
    case snake
    /// Any other id (rules, glossary elements, languages, pages, editions) and references
    /// (`machine.state`): ASCII letters, digits, `-`, `_` and `.`, starting with a letter or a digit,
    /// no `..` (`G1-1-late-request`, `BTN-REFUND`, `2025-12-19`, `certificate.removed`).
    case name

    /// The longest id, in bytes: it becomes a file name.
    static let maximumLength = 64

    /// What the form looks like, for messages.
    var expected: String {
        switch self {
        case .kebab: "a lower-case kebab id (a-z, 0-9 and single '-' between them, e.g. 'ssl-certificate')"
        case .snake: "a snake-case id (a-z, 0-9 and single '_' between them, e.g. 'certificate_status')"
        case .name: "an id of ASCII letters, digits, '-', '_' and '.', starting with a letter or digit"
        }
    }

    /// Whether `s` is in this form.
    func matches(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        func alnum(_ b: UInt8, upper: Bool) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (upper && b >= 0x41 && b <= 0x5A)
        }
        switch self {
        case .kebab, .snake:
            let separator: UInt8 = self == .kebab ? 0x2D : 0x5F
            guard alnum(first, upper: false), alnum(last, upper: false) else { return false }
            for (a, b) in zip(bytes, bytes.dropFirst()) where a == separator && b == separator { return false }
            return bytes.allSatisfy { alnum($0, upper: false) || $0 == separator }
        case .name:
            for (a, b) in zip(bytes, bytes.dropFirst()) where a == 0x2E && b == 0x2E { return false }
            return alnum(first, upper: true) && bytes.allSatisfy { alnum($0, upper: true) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
        }
    }
}
