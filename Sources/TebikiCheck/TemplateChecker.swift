import TebikiModel

/// The texts of the model, language against language: every placeholder names a glossary
/// element or a value the engine supplies; every language of a template has the same
/// placeholders and the same numbers; every glossary label is non-empty in every language.
/// (The loader checks most of this for content it reads; models built in memory are checked here.)
struct TemplateChecker {
    let model: Model

    /// The values the engine and the renderer supply to templates.
    static let engineValues: Set<String> = ["deadline", "last_safe_day", "latest_end", "amount", "currency", "row"]

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let languages = model.languages.map(\.id)
        for element in model.glossary {
            for language in languages where element.label[language].trimmingSpaces.isEmpty {
                out.append(Diagnostic(.checkGlossaryEmptyLabel, at: element.label.location(language, or: element.location),
                                      "the \(language) label of glossary element '\(element.id)' is empty; every step that names it would show nothing",
                                      explanation: "Give the label as the console shows it in \(language)."))
            }
        }
        for text in ModelTexts(model: model).templates {
            let reference = languages.first.map { text.template[$0] } ?? Template(segments: [])
            for name in Set(reference.placeholders).sorted() where !model.glossary.contains(id: name) && !Self.engineValues.contains(name) {
                out.append(Diagnostic(.checkTextUnknownPlaceholder, at: text.location,
                                      "\(text.owner) names '{\(name)}', which is neither a glossary element nor a value the engine supplies",
                                      suggestion: nearestName(to: name, in: model.glossary.ids)))
            }
            for language in languages.dropFirst() {
                let other = text.template[language]
                if reference.placeholders.sorted() != other.placeholders.sorted() {
                    out.append(Diagnostic(.checkTextPlaceholderMismatch, at: text.template.source.location(language, or: text.location),
                                          "the \(language) text of \(text.owner) has the placeholders [\(other.placeholders.joined(separator: ", "))]; the \(languages[0]) text has [\(reference.placeholders.joined(separator: ", "))]"))
                }
                let a = Self.numbers(in: reference), b = Self.numbers(in: other)
                if a != b {
                    out.append(Diagnostic(.checkTextNumberMismatch, at: text.template.source.location(language, or: text.location),
                                          "the \(language) text of \(text.owner) has the numbers [\(b.sorted().joined(separator: ", "))]; the \(languages[0]) text has [\(a.sorted().joined(separator: ", "))]",
                                          explanation: "A translation keeps every number of its source (days, counts, amounts)."))
                }
            }
        }
        return out
    }

    /// The numbers a template's text says, as a set (digits, and the English words one to ten).
    static func numbers(in template: Template) -> Set<String> {
        var found = Set<String>()
        for segment in template.segments {
            guard case .text(let t) = segment else { continue }
            var digits = "", word = ""
            func flushWord() {
                if let n = wordNumbers[word.lowercased()] { found.insert(n) }
                word = ""
            }
            for scalar in t.unicodeScalars {
                if let d = digit(scalar) {
                    digits.unicodeScalars.append(d)
                } else if !digits.isEmpty {
                    if scalar == "." || scalar == "," { digits.unicodeScalars.append(scalar) } else { found.insert(trim(digits)); digits = "" }
                }
                if scalar.properties.isAlphabetic && scalar.isASCII { word.unicodeScalars.append(scalar) } else { flushWord() }
            }
            if !digits.isEmpty { found.insert(trim(digits)) }
            flushWord()
        }
        return found
    }

    private static func digit(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        if ("0"..."9").contains(s) { return s }
        if (0xFF10...0xFF19).contains(s.value) { return Unicode.Scalar(s.value - 0xFF10 + 0x30) }  // full-width
        return nil
    }

    private static func trim(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last == "." || last == "," { t = t.dropLast() }
        return String(t).replacingAll(",", with: "")
    }

    private static let wordNumbers = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
    ]
}

extension String {
    /// The text without leading and trailing spaces and newlines.
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
