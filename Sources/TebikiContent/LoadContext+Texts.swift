import TebikiModel

/// Texts and templates: one non-empty entry per declared language, and the same placeholders in each.
extension LoadContext {
    /// A text in every declared language.
    func localized(_ node: YNode, _ what: @autoclosure () -> String) -> Localized? {
        localizedNodes(node, what(), keepingNodes: false)?.text
    }

    /// A text with the node of each language's entry (an empty table unless `keepingNodes`: only
    /// templates need them).
    func localizedNodes(_ node: YNode, _ what: @autoclosure () -> String, keepingNodes: Bool = true)
        -> (text: Localized, nodes: [LanguageID: YNode])? {
        guard let entries = entries(node, what(), expected: languagesKnown
            ? "a text: a mapping with one entry per language (\(list(languages)))" : "a text: a mapping by language")
        else { return nil }
        var values: [LanguageID: String] = [:]
        var locations: [LanguageID: SourceLocation] = [:]
        var nodes: [LanguageID: YNode] = [:]
        for (key, value) in entries {
            if languagesKnown && !languages.contains(key.value) {
                error(.contentUnknownLanguage, at: key.location,
                      "'\(key.value)' is not a declared language in \(what()); the languages are \(list(languages)) (tebiki.yaml)",
                      suggestion: nearestName(to: key.value, in: languages))
                continue
            }
            var text = ""
            if let s = value.scalar, !value.isNull {
                text = s.string
            } else if value.scalar == nil {
                wrongType(value, expected: "a string", "the \(key.value) text of \(what())")
                continue
            }
            if text.unicodeScalars.allSatisfy({ $0.isWhiteSpace }) {
                error(.contentMissingTranslation, at: value.location, "the \(key.value) text of \(what()) is empty; every language needs a text")
            }
            values[key.value] = text
            locations[key.value] = value.location
            if keepingNodes { nodes[key.value] = value }
        }
        for language in languages where values[language] == nil && !entries.contains(where: { $0.key.value == language }) {
            error(.contentMissingTranslation, at: node.location,
                  "\(what()) lacks the \(language) text; every declared language (\(list(languages))) needs one")
        }
        return (Localized(values, locations: locations), nodes)
    }

    /// A text with placeholders, the same in every language; glossary placeholders are checked at the end.
    func template(_ node: YNode, _ what: String) -> LocalizedTemplate? {
        guard let (text, nodes) = localizedNodes(node, what) else { return nil }
        var templates: [LanguageID: Template] = [:]
        var sets: [(LanguageID, Set<String>)] = []
        for language in orderedLanguages(nodes.keys) {
            guard let source = text.values[language], let valueNode = nodes[language] else { continue }
            switch Template.parse(source) {
            case .failure(let problem):
                error(.contentTemplateSyntax, at: valueNode.location(offset: problem.offset),
                      "the \(language) text of \(what) is not a valid template: \(problem.message)")
            case .success(let template):
                templates[language] = template
                sets.append((language, Set(template.placeholders)))
                for (name, offset) in TemplateScan.placeholderOffsets(source)
                where !LoadContext.enginePlaceholderSet.contains(name) {
                    referPlaceholder(name, in: valueNode, offset: offset, .text(language, of: what))
                }
            }
        }
        if let (reference, expected) = sets.first {
            for (language, found) in sets.dropFirst() where found != expected {
                let missing = expected.subtracting(found).sorted().map { "{\($0)}" }
                let extra = found.subtracting(expected).sorted().map { "{\($0)}" }
                var parts: [String] = []
                if !missing.isEmpty { parts.append("lacks \(list(missing))") }
                if !extra.isEmpty { parts.append("adds \(list(extra))") }
                error(.contentPlaceholderMismatch, at: nodes[language]?.location ?? node.location,
                      "the \(language) text of \(what) \(parts.joined(separator: " and ")) compared with the \(reference) text; every language of a template has the same placeholders")
            }
        }
        return LocalizedTemplate(templates: templates, source: text)
    }

    /// Languages in declared order (source first), then any others sorted.
    func orderedLanguages(_ present: some Sequence<LanguageID>) -> [LanguageID] {
        let present = Set(present)
        let known = languages.filter { present.contains($0) }
        return known + present.subtracting(known).sorted()
    }

    func localized(_ f: Fields, _ key: String) -> Localized? { f[key].flatMap { localized($0, "'\(key)' of \(f.what)") } }
    func template(_ f: Fields, _ key: String) -> LocalizedTemplate? { f[key].flatMap { template($0, "'\(key)' of \(f.what)") } }
}

/// Scans a well-formed template for its placeholders' offsets (the model's parser keeps no offsets).
enum TemplateScan {
    /// Each placeholder's name and the 0-based scalar offset of its `{`.
    ///
    /// It walks the text's scalars in place and copies each name as a slice of them (taking an
    /// array of every scalar first cost more than the rest of the scan).
    static func placeholderOffsets(_ source: String) -> [(name: String, offset: Int)] {
        guard source.utf8.contains(UInt8(ascii: "{")) else { return [] }
        let s = source.unicodeScalars
        var result: [(name: String, offset: Int)] = []
        var i = s.startIndex, offset = 0
        while i < s.endIndex {
            let c = s[i], next = s.index(after: i)
            if c == "{" || c == "}", next < s.endIndex, s[next] == c {
                i = s.index(after: next)
                offset += 2
                continue
            }
            if c == "{" {
                var j = next, length = 0
                while j < s.endIndex, s[j] != "}" {
                    j = s.index(after: j)
                    length += 1
                }
                result.append((String(s[next..<j]), offset))
                // Past the closing brace (the name's scalars, the braces).
                offset += length + 2
                i = j < s.endIndex ? s.index(after: j) : j
                continue
            }
            i = next
            offset += 1
        }
        return result
    }
}
