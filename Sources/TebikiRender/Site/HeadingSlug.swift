/// Heading anchors as GitHub computes them for Markdown: lower-cased, everything but letters,
/// marks, numbers, `_`, `-` and spaces removed, spaces turned into `-`, repeats numbered `-1`,
/// `-2`. The site gives HTML headings the same ids, so one anchor names a heading in both forms.
public struct HeadingSlug: Sendable {
    private var seen: [String: Int] = [:]

    /// A fresh counter for one page.
    public init() {}

    /// The slug of a heading's text, before repeats are numbered.
    public static func base(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                out.unicodeScalars.append(c)
            default:
                if c == "-" { out += "-" } else if c == " " { out += "-" }
            }
        }
        return out
    }

    /// The next heading's anchor on the page: its base slug, numbered when already taken.
    public mutating func next(_ text: String) -> String {
        let b = HeadingSlug.base(text)
        if let n = seen[b] {
            seen[b] = n + 1
            var candidate = "\(b)-\(n)"
            while seen[candidate] != nil { candidate += "-1" }
            seen[candidate] = 1
            return candidate
        }
        seen[b] = 1
        return b
    }
}
