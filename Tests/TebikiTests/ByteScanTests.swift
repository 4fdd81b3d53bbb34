import TebikiModel
import Testing

/// Search over UTF-8 bytes (`ByteScan`) against a byte-by-byte loop, the reference.
@Suite("Text: byte search finds what a byte-by-byte loop finds")
struct ByteScanTests {
    /// The first `needle` at or after `from`, one byte at a time.
    static func firstIndexByBytes(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static let haystacks: [String] = [
        "", "id=\"", "<h2 id=\"a\">A</h2>\n<ol>\n<li>x</li>\n</ol>\n", "<ol><li>one</li><li>two</li></ol>",
        "見出し id=\"返金\" <ol>\r\n<li>手順</li>\r\n</ol>", "\n\n\n", "a\r\nb\nc\r", "id=\"unclosed", "<<<ol<ol",
        "<h2 id=\"x\">x</h2><h2 id=\"x\">again</h2><p id=\"y\">y</p>", "=\"id=id=\"=\"", "iiid===\"id=\"",
        "0123456789abcdef0123456789abcdef<", "\u{80}\u{FF}\u{100}ÿ€ x\u{7F}", String(repeating: "ab", count: 40) + "\n",
    ]

    @Test("a needle from every offset, found by each of its bytes", arguments: haystacks)
    func needles(_ hay: String) {
        let u = Array(hay.utf8)
        for needle in ["id=\"", "<ol", "<", "\n", "\r\n", "x", "手順", "", "<ol><li>one</li><li>two</li></ol>!", "\u{FF}", "b\n"] {
            let n = Array(needle.utf8)
            for from in 0...u.count {
                let expected = Self.firstIndexByBytes(n, in: u, from: from)
                for rare in n.indices {
                    #expect(ByteScan.firstIndex(of: n, in: u, from: from, rare: rare) == expected, "\(needle) from \(from) by byte \(rare)")
                }
            }
        }
    }

    @Test("every byte value at every offset of a word and its tail")
    func bytes() {
        // Bytes with their high bit set or equal to 0x01 and 0x80 away from the one looked for
        // are where the word trick could go wrong.
        for byte in [UInt8(0), 1, 0x7F, 0x80, 0x81, 0xFE, 0xFF, UInt8(ascii: "<")] {
            for count in 0...19 {
                for at in 0..<max(count, 1) {
                    var u = [UInt8](repeating: byte &+ 1, count: count)
                    for k in u.indices where k % 3 == 0 { u[k] = byte ^ 0x80 }
                    if at < count { u[at] = byte }
                    for from in 0...count {
                        let expected = u.indices.first { $0 >= from && u[$0] == byte }
                        #expect(u.withUnsafeBufferPointer { ByteScan.firstIndex(of: byte, in: $0, from: from) } == expected)
                    }
                }
            }
        }
    }

    @Test("line feeds, and every replacement from the left", arguments: haystacks)
    func lineFeedsAndReplacing(_ text: String) {
        let u = Array(text.utf8)
        #expect(u.withUnsafeBufferPointer(ByteScan.lineFeeds) == u.indices.filter { u[$0] == UInt8(ascii: "\n") })
        for (target, replacement) in [("id", "ID"), ("\n", ""), ("ol", "olol"), ("=\"", "=")] {
            var expected: [UInt8] = [], i = 0
            while i < u.count {
                if u[i...].starts(with: target.utf8) { expected += replacement.utf8; i += target.utf8.count } else { expected.append(u[i]); i += 1 }
            }
            #expect(Array(target.utf8).withUnsafeBufferPointer { ByteScan.replacing($0, with: replacement.utf8, in: u) } == expected)
        }
    }
}
