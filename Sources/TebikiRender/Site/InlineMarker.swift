import TebikiModel

/// Marks that Markdown cannot express but HTML needs (a `lang` on a phrase, a class on a label),
/// written as private-use characters that pass through cmark-gfm untouched. The HTML post-process
/// turns them into `<span>`s; the Markdown pages drop them. Text from the model never carries them:
/// `InlineMarker.text` removes private-use characters before escaping.
public enum InlineMarker {
    static let open: Unicode.Scalar = "\u{E000}"
    static let separator: Unicode.Scalar = "\u{E001}"
    static let close: Unicode.Scalar = "\u{E002}"
    /// Stands for a diagram to be put in by the HTML post-process (`\u{E003}n\u{E003}`).
    static let diagram: Unicode.Scalar = "\u{E003}"

    /// A phrase in `language`: `<span lang="ja">` in HTML, plain in Markdown.
    static func lang(_ language: LanguageID, _ markdown: String) -> String {
        "\(open)lang=\(language)\(separator)\(markdown)\(close)"
    }

    /// A phrase with a CSS class (`caution-label`): `<span class="…">` in HTML, plain in Markdown.
    static func styled(_ cssClass: String, _ markdown: String) -> String {
        "\(open)class=\(cssClass)\(separator)\(markdown)\(close)"
    }

    /// Model text made safe: private-use marks removed, then CommonMark-escaped.
    public static func text(_ text: String) -> String {
        Markdown.escape(stripped(text))
    }

    /// Model text with the marks' characters removed (they are reserved for the site's markup).
    static func stripped(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars where !(0xE000...0xE00F).contains(c.value) { out.unicodeScalars.append(c) }
        return out
    }

    /// The Markdown with every mark removed (for the `.md` pages).
    static func removed(from markdown: String) -> String {
        var out = ""
        var scalars = markdown.unicodeScalars[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == open {
                // Skip the spec up to the separator.
                while let d = scalars.first, d != separator { scalars = scalars.dropFirst() }
                scalars = scalars.dropFirst()
            } else if c == close || c == separator {
                continue
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
