/// Heading anchors as GitHub computes them for Markdown: lower-cased, everything but letters,
/// marks, numbers, `_`, `-` and spaces removed, spaces turned into `-`, repeats numbered `-1`,
/// `-2`. The site gives HTML headings the same ids, so one anchor names a heading in both forms.
public struct HeadingSlug: Sendable {
    private var seen: [String: Int] = [:]

    /// A fresh counter for one page.
    public init() {}

    /// The slug of a heading's text, before repeats are numbered.
    public static func base(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for c in text.lowercased().unicodeScalars {
            if c.isASCII {
                // The same categories as below, by byte: letters and digits kept, `_` is a
                // connector punctuation, `-` and space become `-`, the rest is punctuation,
                // symbols or controls.
                let b = UInt8(c.value)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                    out.append(b)
                case UInt8(ascii: "-"), UInt8(ascii: " "):
                    out.append(UInt8(ascii: "-"))
                default:
                    break
                }
                continue
            }
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                out.append(contentsOf: UTF8.encode(c)!)
            default:
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
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
