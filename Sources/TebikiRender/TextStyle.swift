import TebikiModel

/// How texts from templates are written out: plain text for pasting, or Markdown.
package enum TextStyle: Sendable, Hashable {
    /// UI labels set off with the language's own marks (「払い戻し」, "Refund").
    case plain
    /// UI labels in bold, text escaped for CommonMark.
    case markdown

    /// A UI label.
    package func label(_ text: String, in language: Language) -> String {
        switch self {
        case .plain: return language.uiLabelOpen + text + language.uiLabelClose
        case .markdown: return "**" + Markdown.escape(text) + "**"
        }
    }

    /// Ordinary text.
    package func text(_ text: String) -> String {
        self == .markdown ? Markdown.escape(text) : text
    }
}

/// CommonMark escaping of text taken from the model, so that nothing in it becomes markup.
package enum Markdown {
    /// Backslash-escapes every ASCII punctuation character that could start or end markup.
    package static func escape(_ text: String) -> String {
        escapes.apply(text)
    }

    /// A backslash before `\` `` ` `` `*` `_` `{` `}` `[` `]` `<` `>` `(` `)` `#` `+` `-` `.` `!` `|` `~` `&` `"`;
    /// a line break becomes a space.
    private static let escapes: ASCIIEscapes = {
        var replacements: [Unicode.Scalar: String] = ["\n": " "]
        for c in "\\`*_{}[]<>()#+-.!|~&\"".unicodeScalars { replacements[c] = "\\" + String(c) }
        return ASCIIEscapes(replacements)
    }()
}

/// Fills templates for one language: glossary placeholders become labels, values become text.
package struct TemplateFiller: Sendable {
    package let model: Model
    package let language: Language
    package let style: TextStyle

    /// Creates a filler.
    package init(model: Model, language: Language, style: TextStyle) {
        self.model = model; self.language = language; self.style = style
    }

    /// The template with placeholders replaced; `values` supplies engine values by name.
    ///
    /// In a tight language (`ui_label_tight`, Japanese), a space that the template puts between
    /// CJK text and a filled-in label, term or value is dropped: `「OK」をクリック`,
    /// `支払日から 7 暦日目を過ぎる`. Spaces next to Latin letters and digits stay (`7 暦日`).
    package func fill(_ template: LocalizedTemplate, values: [String: FactValue] = [:]) -> String {
        // Written piece by piece into one string (each piece's spacing depends only on what is
        // written before it and on whether it or the piece before is filled in).
        let tight = language.uiLabelTight
        var out = ""
        var previousFilled = false
        for segment in template[language.id].segments {
            var text: String
            let filled: Bool
            switch segment {
            case .text(let t):
                text = style.text(t)
                filled = false
            case .placeholder(let name):
                if let element = model.glossary[id: name] {
                    let label = element.label[language.id]
                    text = element.isLabel ? style.label(label, in: language) : style.text(label)
                } else {
                    text = style.text(values[name].map(format) ?? "{\(name)}")
                }
                filled = true
            }
            if tight && (filled || previousFilled) {
                // The space sits at the end of `out` (text before a filled piece) or at the start of `text`.
                if out.hasSuffix(" "), let before = Self.scalarBeforeLast(out), let after = text.unicodeScalars.first,
                   Self.isCJK(before), Self.isCJK(after) {
                    out.removeLast()
                } else if text.hasPrefix(" "), let before = out.unicodeScalars.last, let after = text.dropFirst().unicodeScalars.first,
                          Self.isCJK(before), Self.isCJK(after) {
                    text.removeFirst()
                }
            }
            out += text
            previousFilled = filled
        }
        return out
    }

    /// The scalar before the last one of `s` (`s` ends with a one-scalar Character, the space):
    /// the last scalar of `s.dropLast()`, found without `dropLast`, which walks the whole string.
    private static func scalarBeforeLast(_ s: String) -> Unicode.Scalar? {
        let scalars = s.unicodeScalars
        guard !scalars.isEmpty else { return nil }
        let last = scalars.index(before: scalars.endIndex)
        return last > scalars.startIndex ? scalars[scalars.index(before: last)] : nil
    }

    /// Whether a character is CJK text or CJK punctuation (kana, ideographs, 「」、。, full-width forms).
    static func isCJK(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// A value as this language writes it (dates with the language's date format).
    package func format(_ value: FactValue) -> String {
        switch value {
        case .date(let d): return language.format(d)
        case .decimal(let d): return d.decimalString(places: model.edition.currencyPlaces)
        default: return value.description
        }
    }

    /// An amount with its currency (`1.28 USD`).
    package func money(_ amount: Exact) -> String {
        amount.decimalString(places: model.edition.currencyPlaces) + " " + model.edition.currency
    }
}
