import TebikiModel

/// Where a page of the site lives: a language (nil for the pages at the root) and a key without
/// extension (`products/ssl-certificate`). Both formats share the key: `.md` and `.html`.
package struct SitePath: Sendable, Hashable, Comparable {
    /// The language folder, nil for root pages.
    package var language: LanguageID?
    /// The path inside the language folder, without extension.
    package var key: String

    /// Creates a path.
    package init(language: LanguageID?, key: String) { self.language = language; self.key = key }

    /// The file path from the site root with an extension (`ja/glossary.html`).
    package func file(_ ext: String) -> String {
        (language.map { $0 + "/" } ?? "") + key + "." + ext
    }

    /// The same page in another language.
    func inLanguage(_ other: LanguageID) -> SitePath { SitePath(language: other, key: key) }

    package static func < (a: SitePath, b: SitePath) -> Bool { a.file("") < b.file("") }

    /// A relative href from the page at `from` to the file `to` (both site-root paths).
    static func relative(from: String, to: String) -> String {
        var from = from, to = to
        let fast = from.withUTF8 { f in to.withUTF8 { t in asciiRelative(from: f, to: t) } }
        return fast ?? relativeByCharacters(from: from, to: to)
    }

    /// `relative` on Characters: the definition, and what non-ASCII paths take (a `/` can be part
    /// of a larger cluster there).
    static func relativeByCharacters(from: String, to: String) -> String {
        var fromParts = from.split(separator: "/")
        fromParts.removeLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] { common += 1 }
        let up = Array(repeating: Substring(".."), count: fromParts.count - common)
        return (up + toParts[common...]).joined(separator: "/")
    }

    /// `relative` for ASCII paths, on bytes and without arrays (there every byte is a Character
    /// and `/` never joins a cluster); nil for other paths.
    private static func asciiRelative(from f: UnsafeBufferPointer<UInt8>, to t: UnsafeBufferPointer<UInt8>) -> String? {
        guard !f.contains(where: { $0 >= 0x80 }), !t.contains(where: { $0 >= 0x80 }) else { return nil }
        let slash = UInt8(ascii: "/")
        /// The next part (non-empty run without `/`) at or after `i`, moving `i` past it.
        func part(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Range<Int>? {
            while i < b.count, b[i] == slash { i += 1 }
            guard i < b.count else { return nil }
            let start = i
            while i < b.count, b[i] != slash { i += 1 }
            return start..<i
        }
        func count(_ b: UnsafeBufferPointer<UInt8>) -> Int {
            var i = 0, n = 0
            while part(b, &i) != nil { n += 1 }
            return n
        }
        let fromFolders = count(f) - 1
        guard fromFolders >= 0 else { return nil }
        let toParts = count(t)
        var fi = 0, ti = 0, common = 0
        while common < fromFolders, common < toParts - 1 {
            let mark = ti
            guard let a = part(f, &fi), let b = part(t, &ti), a.count == b.count,
                  UnsafeBufferPointer(rebasing: f[a]).elementsEqual(UnsafeBufferPointer(rebasing: t[b])) else { ti = mark; break }
            common += 1
        }
        let rest = ti  // where the parts of `to` after the common ones start
        let up = fromFolders - common
        return String(unsafeUninitializedCapacity: 3 * up + t.count) { out in
            var n = 0
            for k in 0..<up {
                if k > 0 { out[n] = slash; n += 1 }
                out[n] = UInt8(ascii: "."); out[n + 1] = UInt8(ascii: "."); n += 2
            }
            var i = rest
            var first = up == 0
            while let r = part(t, &i) {
                if !first { out[n] = slash; n += 1 }
                first = false
                for j in r { out[n] = t[j]; n += 1 }
            }
            return n
        }
    }

    /// A URL path segment made of safe characters only (ids from content are kebab already):
    /// letters, digits, `-`, `_` and `.` kept, `=` and `+` as `-`, any other scalar as one `_`.
    static func segment(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                for b in bytes {
                    switch b {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                         UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                        out[n] = b
                    case UInt8(ascii: "="), UInt8(ascii: "+"):
                        out[n] = UInt8(ascii: "-")
                    case 0x80...0xBF:
                        // A continuation byte: its scalar's lead byte already wrote the `_`.
                        continue
                    default:
                        out[n] = UInt8(ascii: "_")
                    }
                    n += 1
                }
                return n
            }
        }
    }
}
