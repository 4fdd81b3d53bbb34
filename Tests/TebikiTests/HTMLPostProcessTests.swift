import Testing
import TebikiMarkdown
import TebikiModel
@testable import TebikiRender

/// A page's HTML gets its heading ids, spans, UI labels, table wrappers and figures as the
/// reference post-process below gives them: Arrays scanned byte by byte, heading text and slugs
/// by `Character` and `String`, slugs counted in a `[String: Int]`. (The site's post-process reads
/// cmark-gfm's own bytes, `CommonMark.withHTML`, with `ByteScan` and byte-level slugs.)
@Suite("Site: a page's HTML post-processed as the reference does it")
struct HTMLPostProcessTests {
    // MARK: The reference (the post-process as it was before it read bytes)

    enum Old {
        static func process(_ html: String, figures: [String]) -> String {
            var bytes = placingDiagrams(Array(html.utf8), figures)
            bytes = addingHeadingIDs(bytes)
            bytes = Array(RenderTextTests.Reference.spans(String(decoding: bytes, as: UTF8.self)).utf8)
            bytes = replacing(bytes, [
                ("<strong>", "<strong class=\"ui-label\">"),
                ("<table>", "<div class=\"table-wrap\"><table>"),
                ("</table>", "</table></div>"),
            ])
            return String(decoding: bytes, as: UTF8.self)
        }

        static func addingHeadingIDs(_ bytes: [UInt8]) -> [UInt8] {
            var slugs = Slugs()
            let n = bytes.count
            var out: [UInt8] = []
            let open = Array("<h".utf8)
            var i = 0
            while let start = find(open, in: bytes, from: i) {
                let after = start + 2
                guard after + 1 < n, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[after]), bytes[after + 1] == UInt8(ascii: ">") else {
                    out += bytes[i..<after]
                    i = after
                    continue
                }
                let digit = bytes[after]
                let closeTag = Array("</h".utf8) + [digit, UInt8(ascii: ">")]
                let contentStart = after + 2
                guard let close = find(closeTag, in: bytes, from: contentStart) else { break }
                let inner = bytes[contentStart..<close]
                let id = slugs.next(plainText(String(decoding: inner, as: UTF8.self)))
                out += bytes[i..<start]
                out += open + [digit] + Array(" id=\"\(id)\">".utf8)
                out += inner
                out += closeTag
                i = close + closeTag.count
            }
            out += bytes[i..<n]
            return out
        }

        static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
            ByteScanTests.firstIndexByBytes(pattern, in: bytes, from: from)
        }

        static func replacing(_ bytes: [UInt8], _ pairs: [(String, String)]) -> [UInt8] {
            let patterns = pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
            var starts = [Bool](repeating: false, count: 256)
            for (pattern, _) in patterns { starts[Int(pattern[0])] = true }
            var out: [UInt8] = []
            var i = 0
            scan: while i < bytes.count {
                if starts[Int(bytes[i])] {
                    for (pattern, replacement) in patterns where i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                        out += replacement
                        i += pattern.count
                        continue scan
                    }
                }
                out.append(bytes[i])
                i += 1
            }
            return out
        }

        static func placingDiagrams(_ bytes: [UInt8], _ figures: [String]) -> [UInt8] {
            guard !figures.isEmpty else { return bytes }
            let open = Array("<p>\(InlineMarker.diagram)".utf8), marker = Array("\(InlineMarker.diagram)".utf8), close = Array("</p>".utf8)
            var out: [UInt8] = []
            var i = 0
            while let start = find(open, in: bytes, from: i) {
                var j = start + open.count
                var number = 0, digits = 0
                while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]), digits < 9 {
                    number = number * 10 + Int(bytes[j] - UInt8(ascii: "0")); j += 1; digits += 1
                }
                let tail = marker + close
                if digits > 0, number < figures.count, String(number).utf8.count == digits, j + tail.count <= bytes.count,
                   bytes[j..<(j + tail.count)].elementsEqual(tail) {
                    out += bytes[i..<start]
                    out += Array(figures[number].utf8)
                    i = j + tail.count
                } else {
                    out += bytes[i..<(start + 1)]
                    i = start + 1
                }
            }
            out += bytes[i...]
            return out
        }

        /// By `Character`, the replacements in turn.
        static func plainText(_ html: String) -> String {
            SiteLayoutPiecesTests.plainTextReference(html)
        }

        /// Slugs as `String`s, counted in a `[String: Int]`.
        struct Slugs {
            var seen: [String: Int] = [:]
            mutating func next(_ text: String) -> String {
                let b = SiteLayoutPiecesTests.slugReference(text)
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
    }

    // MARK: Inputs

    /// Pieces that matter to the post-process: headings of every level and broken ones, the
    /// patterns it replaces, diagram marks (with leading zeros, out of range), inline marks and
    /// specs, entities, and scalars that join their neighbours into one `Character` (combining
    /// marks, a prepended Arabic sign, a ZWJ, skin tones) or equal one (U+037E is `;`).
    static let pieces = [
        "<h1>", "<h2>", "</h2>", "<h6>", "</h6>", "<h7>", "<h", "</h", "h2>", "<strong>", "<table>", "</table>", "<em>", "</em>",
        "<p>\u{E003}", "\u{E003}</p>", "0", "1", "01", "9", "<p>", "</p>", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&", ";",
        "<", ">", "=", "lang", "class", "ja", "\u{E000}", "\u{E001}", "\u{E002}", "\u{E00F}", " ", "-", "_", "\n", "\r\n",
        "Refund", "返金", "期間", "\u{301}", "\u{600}", "\u{37E}", "\u{200D}", "👍🏽", "é", "e\u{301}", "Σ", "ΟΣ", "İ", "\u{212A}",
        "ｶﾞ", "\u{3099}", "\u{1}", "\u{0}", "\u{FFFD}",
    ]

    /// Deterministic texts made of `pieces`.
    static func texts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in (0..<next(48)).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    static let figures = ["<figure>zero</figure>", "<figure><h2>In a figure</h2><table></table><strong>x</strong></figure>"]

    /// Hand-made HTML with the edges: repeated and canonically equal headings, tags and marks
    /// next to non-ASCII text, unclosed headings, empty input.
    static let fragments = [
        "", "<h2></h2>", "<h2>A</h2><h2>A</h2><h2>A-1</h2><h2>A</h2>", "<h2>café</h2><h2>cafe\u{301}</h2><h2>café</h2>",
        "<h2>日本<em>語</em></h2><h2>日本語</h2>", "<h2><em>x</em>\u{301}y</h2>", "<h2>\u{600}<b>1</b></h2>", "<h2>a&lt;\u{301}b</h2>",
        "<h2>a&lt\u{37E}b &amp\u{37E}</h2>", "<h3>Open <h3>twice</h3></h3>", "<h2>no close", "<h2>x</h3>", "<h9>n</h9><h2>y</h2>",
        "<h2>\u{E000}lang=ja\u{E001}返金\u{E002} rules</h2>", "<h2>Σ ΟΔΟΣ İstanbul \u{212A}elvin</h2>", "<h2>👍🏽 &amp; 👨‍👩‍👧</h2>",
        "<p>\u{E003}0\u{E003}</p><p>\u{E003}1\u{E003}</p><p>\u{E003}2\u{E003}</p><p>\u{E003}01\u{E003}</p><p>\u{E003}\u{E003}</p>",
        "<table><thead><tr><th>a</th></tr></thead></table><strong>B</strong><strong class=\"x\">",
        "\u{E000}=lang=ja\u{E001}a\u{E002}\u{E000}lang==ja\u{E001}b\u{E002}\u{E000}==\u{E001}\u{E000}lang=\u{E001}\u{E000}class=a-B9\u{E001}c",
        "\u{E000}lang=ja<b>x\u{E002}\u{E002}\u{E002}\u{E000}", "<h2>\r\n&amp;\r\n</h2>", "<h1>\u{0}</h1>",
    ]

    /// Markdown that cmark-gfm turns into the post-process's input: headings (setext and ATX,
    /// with emphasis, code, entities), tables, bold labels, marks and diagram marks.
    static let markdown = [
        "", "# Refund rules\n\n## Refund rules\n\n## Refund rules\n", "返金\n===\n\n## 返金の *期間*\n\n## 返金の *期間*\n",
        "## `code` & <raw> \"quoted\" 'single'\n", "| a | b |\n|---|---|\n| **x** | y |\n\n**Label**: text\n",
        "## \u{E000}lang=ja\u{E001}日本語\u{E002} and \u{E000}class=caution-label\u{E001}**Caution**\u{E002}\n",
        "\u{E003}0\u{E003}\n\ntext\n\n\u{E003}1\u{E003}\n", "## e\u{301}tude ~~old~~ https://example.com\n\n- [ ] task\n",
        "a\u{0}b\n\n## x\u{0}y\n", "#### Ⅻ ½ x\u{301} a_b-c\n\n###### Σ\n",
    ]

    // MARK: Tests

    @Test("hand-made HTML: the reference's bytes", arguments: fragments)
    func handMade(_ html: String) {
        for figures in [[], Self.figures] {
            #expect(Self.process(html, figures: figures) == Old.process(html, figures: figures))
        }
    }

    @Test("cmark-gfm's HTML: the reference's bytes", arguments: markdown)
    func fromCmark(_ text: String) throws {
        let html = try #require(CommonMark.html(text))
        for figures in [[], Self.figures] {
            #expect(Self.process(html, figures: figures) == Old.process(html, figures: figures))
        }
    }

    @Test("generated HTML: the reference's bytes")
    func generated() {
        for html in Self.texts(count: 3000, seed: 23) {
            #expect(Self.process(html, figures: Self.figures) == Old.process(html, figures: Self.figures), "\(html.debugDescription)")
        }
    }

    @Test("a heading's plain text is read as by Character, over bytes where that is the same")
    func plainTextBytes() {
        var byBytes = 0
        for html in Self.texts(count: 3000, seed: 29) + Self.fragments {
            var copy = html
            if let bytes = copy.withUTF8({ HTMLPostProcessor.plainText(utf8: $0) }) {
                byBytes += 1
                #expect(String(decoding: bytes, as: UTF8.self) == Old.plainText(html), "\(html.debugDescription)")
            }
            #expect(HTMLPostProcessor.plainText(html) == Old.plainText(html), "\(html.debugDescription)")
        }
        // Both ways are exercised.
        #expect(byBytes > 100 && byBytes < 3000)
    }

    @Test("repeated headings are numbered as the reference numbers them")
    func slugCounts() {
        for texts in [Self.fragments, Self.texts(count: 400, seed: 31)] {
            var new = HeadingSlug()
            var old = Old.Slugs()
            for text in texts + texts + ["a", "a", "a-1", "a", "a-1-1", "café", "cafe\u{301}", "\u{212A}", "k"] {
                var copy = text
                let fromBytes = copy.withUTF8 { new.next(utf8: $0) }
                #expect(fromBytes == old.next(text), "\(text.debugDescription)")
                #expect(HeadingSlug.base(text) == SiteLayoutPiecesTests.slugReference(text))
            }
        }
    }

    @Test("withHTML lends the bytes that html returns; a NUL is U+FFFD without UTF-8 validation", arguments: markdown)
    func lentBytes(_ text: String) throws {
        let html = try #require(CommonMark.html(text))
        #expect(CommonMark.withHTML(text, { Array($0) }) == Array(html.utf8))
        #expect(!html.utf8.contains(0))
        if text.contains("\u{0}") { #expect(html.contains("\u{FFFD}")) }
    }

    @Test("a NUL byte and a byte order mark")
    func nulAndBOM() {
        #expect(CommonMark.html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
        #expect(CommonMark.html("\u{FEFF}# x") == "<h1>x</h1>\n")
        #expect(CommonMark.html("") == "")
    }

    /// The new post-process with the figures given as they are (no diagram blocks to draw).
    static func process(_ html: String, figures: [String]) -> String {
        var html = html
        return html.withUTF8 { HTMLPostProcessor.process($0, figures: figures) }
    }
}
