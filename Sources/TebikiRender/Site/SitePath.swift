import TebikiModel

/// Where a page of the site lives: a language (nil for the pages at the root) and a key without
/// extension (`products/ssl-certificate`). Both formats share the key: `.md` and `.html`.
public struct SitePath: Sendable, Hashable, Comparable {
    /// The language folder, nil for root pages.
    public var language: LanguageID?
    /// The path inside the language folder, without extension.
    public var key: String

    /// Creates a path.
    public init(language: LanguageID?, key: String) { self.language = language; self.key = key }

    /// The file path from the site root with an extension (`ja/glossary.html`).
    public func file(_ ext: String) -> String {
        (language.map { $0 + "/" } ?? "") + key + "." + ext
    }

    /// The same page in another language.
    func inLanguage(_ other: LanguageID) -> SitePath { SitePath(language: other, key: key) }

    public static func < (a: SitePath, b: SitePath) -> Bool { a.file("") < b.file("") }

    /// A relative href from the page at `from` to the file `to` (both site-root paths).
    static func relative(from: String, to: String) -> String {
        var fromParts = from.split(separator: "/")
        fromParts.removeLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] { common += 1 }
        let up = Array(repeating: Substring(".."), count: fromParts.count - common)
        return (up + toParts[common...]).joined(separator: "/")
    }

    /// A URL path segment made of safe characters only (ids from content are kebab already).
    static func segment(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "." {
                out.unicodeScalars.append(c)
            } else if c == "=" || c == "+" {
                out += "-"
            } else {
                out += "_"
            }
        }
        return out
    }
}
