import TebikiModel

/// How texts from templates are written out: plain text for pasting, or Markdown.
public enum TextStyle: Sendable, Hashable {
    /// UI labels set off with the language's own marks (「払い戻し」, "Refund").
    case plain
    /// UI labels in bold, text escaped for CommonMark.
    case markdown

    /// A UI label.
    public func label(_ text: String, in language: Language) -> String {
        switch self {
        case .plain: return language.uiLabelOpen + text + language.uiLabelClose
        case .markdown: return "**" + Markdown.escape(text) + "**"
        }
    }

    /// Ordinary text.
    public func text(_ text: String) -> String {
        self == .markdown ? Markdown.escape(text) : text
    }
}

/// CommonMark escaping of text taken from the model, so that nothing in it becomes markup.
public enum Markdown {
    /// Backslash-escapes every ASCII punctuation character that could start or end markup.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", ".", "!", "|", "~", "&", "\"":
                out += "\\"
                out.unicodeScalars.append(c)
            case "\n":
                out += " "
            default:
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Fills templates for one language: glossary placeholders become labels, values become text.
public struct TemplateFiller: Sendable {
    public let model: Model
    public let language: Language
    public let style: TextStyle

    /// Creates a filler.
    public init(model: Model, language: Language, style: TextStyle) {
        self.model = model; self.language = language; self.style = style
    }

    /// The template with placeholders replaced; `values` supplies engine values by name.
    public func fill(_ template: LocalizedTemplate, values: [String: FactValue] = [:]) -> String {
        let tight = style == .plain && language.uiLabelTight
        var out = ""
        var afterLabel = false
        for segment in template[language.id].segments {
            switch segment {
            case .text(var t):
                // A tight language's marks stand in for the spaces around a label: 「OK」をクリック.
                if tight && afterLabel && t.hasPrefix(" ") { t.removeFirst() }
                out += style.text(t)
                afterLabel = false
            case .placeholder(let name):
                if let element = model.glossary[id: name] {
                    let label = element.label[language.id]
                    if element.isLabel {
                        if tight && out.hasSuffix(" ") && !out.hasSuffix("  ") { out.removeLast() }
                        out += style.label(label, in: language)
                        afterLabel = true
                    } else {
                        out += style.text(label)
                        afterLabel = false
                    }
                    continue
                }
                out += style.text(values[name].map(format) ?? "{\(name)}")
                afterLabel = false
            }
        }
        return out
    }

    /// A value as this language writes it (dates with the language's date format).
    public func format(_ value: FactValue) -> String {
        switch value {
        case .date(let d): return language.format(d)
        case .decimal(let d): return d.decimalString(places: model.edition.currencyPlaces)
        default: return value.description
        }
    }

    /// An amount with its currency (`1.28 USD`).
    public func money(_ amount: Exact) -> String {
        amount.decimalString(places: model.edition.currencyPlaces) + " " + model.edition.currency
    }
}
