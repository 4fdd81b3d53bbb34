/// Escaping of text in one pass over its UTF-8 bytes: ASCII characters replaced by fixed byte
/// strings, every other byte (the parts of non-ASCII characters) kept. The same result as a loop
/// over the unicode scalars, without building the output scalar by scalar.
struct ASCIIEscapes: Sendable {
    /// The replacement of each ASCII byte, nil to keep it.
    private let table: [[UInt8]?]

    /// Escapes that replace the ASCII characters of `replacements`' keys.
    init(_ replacements: [Unicode.Scalar: String]) {
        var table = [[UInt8]?](repeating: nil, count: 128)
        for (c, r) in replacements {
            precondition(c.isASCII, "only ASCII characters are replaced")
            table[Int(c.value)] = Array(r.utf8)
        }
        self.table = table
    }

    /// `text` with every replaced character replaced (the same string when none occurs).
    func apply(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { $0 < 128 && table[Int($0)] != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 4 + 8)
            out += bytes[..<first]
            for b in bytes[first...] {
                if b < 128, let r = table[Int(b)] { out += r } else { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Escapes of `&`, `<`, `>`, `"` and `'` as entities.
    static let html = ASCIIEscapes(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
}
