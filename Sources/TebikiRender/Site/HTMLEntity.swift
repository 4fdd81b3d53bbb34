/// Character references in the site's HTML, decoded: the one definition that the heading ids of
/// the HTML post-process and the page check's visible text share. cmark-gfm writes `&amp;`,
/// `&lt;`, `&gt;` and `&quot;` in text (and `&#x27;` only in links' addresses, inside tags);
/// the other names and numeric references are read as a browser reads them.
package enum HTMLEntity {
    /// The scalar that a reference's name (between `&` and the first `;` after it) stands for:
    /// `amp`, `lt`, `gt`, `quot`, `apos`, `nbsp` (a space: what a reader sees, and no scalar
    /// that a slug or a collapse of white space treats apart), `#` and decimal digits, `#x` or `#X`
    /// and hexadecimal digits; nil for any other name and for names of more than nine bytes.
    package static func scalar<Name: Collection<UInt8>>(named name: Name) -> Unicode.Scalar? {
        guard (2...9).contains(name.count) else { return nil }
        var bytes = name.makeIterator()
        let first = bytes.next()!
        guard first == UInt8(ascii: "#") else {
            switch String(decoding: name, as: UTF8.self) {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            case "nbsp": return " "
            default: return nil
            }
        }
        let digits = Array(name.dropFirst())
        let hex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
        guard let value = UInt32(String(decoding: hex ? digits.dropFirst() : digits[...], as: UTF8.self), radix: hex ? 16 : 10) else {
            return nil
        }
        return Unicode.Scalar(value)
    }

    /// The UTF-8 `text` with every reference decoded, in one pass from the left (a decoded `&`
    /// is not read again): at each `&`, the name up to the first `;` after it.
    package static func decoding(_ text: [UInt8]) -> [UInt8] {
        guard text.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == UInt8(ascii: "&"), let semi = text[(i + 1)...].prefix(10).firstIndex(of: UInt8(ascii: ";")),
               let scalar = scalar(named: text[(i + 1)..<semi]) {
                out.append(contentsOf: UTF8.encode(scalar)!)
                i = semi + 1
                continue
            }
            out.append(text[i])
            i += 1
        }
        return out
    }

    /// `decoding` by `Character`: a `&` or `;` that carries a combining mark is text, and the name
    /// is at most nine `Character`s.
    package static func decoding(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";"), let scalar = scalar(named: after[..<semi].utf8) {
                out.unicodeScalars.append(scalar)
                rest = after[after.index(after: semi)...]
                continue
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
