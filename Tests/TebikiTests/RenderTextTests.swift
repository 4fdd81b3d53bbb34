import Testing
@testable import TebikiRender

/// The fast text routines of the renderer (wrapping by summed token widths, escaping and marks
/// over UTF-8 bytes) against the plain versions they replace, on many generated texts.
@Suite("Render text routines")
struct RenderTextTests {
    /// Deterministic texts made of the pieces that matter: Latin words, kana and kanji, opening and
    /// closing punctuation, spaces and line breaks, Markdown and HTML punctuation, the marks.
    static func texts(_ alphabet: [String], count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }.joined() }
    }

    static let words = ["refund", "Order", "is", "WWW", " ", " ", "  ", "\n", "返金", "証明書の", "ア", "ッ", "ー",
                        "「", "」", "(", ")", "、", "。", "?", "7", "USD", "Supercalifragilistic", "：", "→", "é"]

    @Test("wrapping by summed token widths breaks where measuring every line does")
    func wrapSums() {
        for measure in [TextMeasure(fontSize: 14), TextMeasure(fontSize: 13, bold: true), TextMeasure(fontSize: 10)] {
            for text in RenderTextTests.texts(RenderTextTests.words, count: 60, seed: 7) {
                #expect(TextMeasure.MeasuredTokens(text, measure: measure) != nil)
                for maxWidth in [0, 150, 700, 1300, 2100] {
                    #expect(measure.wrap(text, maxWidth: maxWidth) == measure.wrapJoining(text, maxWidth: maxWidth), "\(text) at \(maxWidth)")
                    let balanced = measure.balancedLines(text, maxWidth: maxWidth)
                    #expect(balanced.lines == measure.balancedWrapJoining(text, maxWidth: maxWidth), "\(text) at \(maxWidth)")
                    #expect(balanced.widths == balanced.lines.map(measure.width))
                }
            }
        }
    }

    @Test("characters that may join their neighbours are measured line by line", arguments: [
        "e\u{301}tude cafe\u{301}", "か\u{3099}ぎ", "👍🏽 ok", "🇯🇵🇺🇸", "a\u{200D}b", "ｶﾞｷﾞ",
    ])
    func joiningCharacters(_ text: String) {
        let measure = TextMeasure(fontSize: 14)
        #expect(TextMeasure.MeasuredTokens(text, measure: measure) == nil)
        for maxWidth in [100, 300, 2000] {
            #expect(measure.wrap(text, maxWidth: maxWidth) == measure.wrapJoining(text, maxWidth: maxWidth))
            #expect(measure.balancedWrap(text, maxWidth: maxWidth) == measure.balancedWrapJoining(text, maxWidth: maxWidth))
        }
    }

    static let markup = ["a", "lang", "class", "=", "ja", "x-y", "<", ">", "&", "\"", "'", "\\", "*", "#", ".", "-", "|",
                         "`", "\n", "\t", "\u{1}", " ", "返金", "é", "\u{E000}", "\u{E001}", "\u{E002}", "\u{E003}",
                         "\u{E00F}", "\u{E010}", "\u{F8FF}", "<p>", "</span>"]

    @Test("escapes and marks over bytes give what the loops over scalars gave")
    func bytesAndScalars() {
        for text in RenderTextTests.texts(RenderTextTests.markup, count: 2000, seed: 11) {
            #expect(Markdown.escape(text) == Reference.markdownEscape(text))
            #expect(InlineMarker.stripped(text) == Reference.stripped(text))
            #expect(InlineMarker.removed(from: text) == Reference.removed(text))
            #expect(String(decoding: HTMLPostProcessor.spans(Array(text.utf8)), as: UTF8.self) == Reference.spans(text))
            #expect(HTML.escape(text) == Reference.htmlEscape(text))
            #expect(DiagramMermaid.escape(text) == Reference.mermaidEscape(text))
            #expect(DiagramSVG(graph: DiagramGraph(nodes: [], title: ""), description: "").escape(text) == Reference.xmlEscape(text))
        }
    }

    /// The scalar-by-scalar versions the byte versions replaced.
    enum Reference {
        static func markdownEscape(_ text: String) -> String {
            var out = ""
            for c in text.unicodeScalars {
                switch c {
                case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", ".", "!", "|", "~", "&", "\"":
                    out += "\\"
                    out.unicodeScalars.append(c)
                case "\n": out += " "
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        }

        static func stripped(_ text: String) -> String {
            var out = ""
            for c in text.unicodeScalars where !(0xE000...0xE00F).contains(c.value) { out.unicodeScalars.append(c) }
            return out
        }

        static func htmlEscape(_ text: String) -> String {
            var out = ""
            for c in stripped(text).unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        }

        static func mermaidEscape(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += "#quot;"
                case "#": out += "#35;"
                case "&": out += "#amp;"
                case "<": out += "#lt;"
                case ">": out += "#gt;"
                case "|": out += "#124;"
                case "`": out += "#96;"
                case "\n", "\r", "\t": out += " "
                default: if c.value < 0x20 { out += " " } else { out.unicodeScalars.append(c) }
                }
            }
            return out
        }

        static func xmlEscape(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: if c.value < 0x20 && c != "\n" && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
                }
            }
            return out
        }

        static func removed(_ markdown: String) -> String {
            var out = ""
            var scalars = markdown.unicodeScalars[...]
            while let c = scalars.first {
                scalars = scalars.dropFirst()
                if c == InlineMarker.open {
                    while let d = scalars.first, d != InlineMarker.separator { scalars = scalars.dropFirst() }
                    scalars = scalars.dropFirst()
                } else if c == InlineMarker.close || c == InlineMarker.separator {
                    continue
                } else {
                    out.unicodeScalars.append(c)
                }
            }
            return out
        }

        static func spans(_ html: String) -> String {
            var out = ""
            var open = 0
            var scalars = html.unicodeScalars[...]
            while let c = scalars.first {
                scalars = scalars.dropFirst()
                switch c {
                case InlineMarker.open:
                    var spec = ""
                    while let d = scalars.first, d != InlineMarker.separator, d != InlineMarker.close, d != "<" {
                        spec.unicodeScalars.append(d); scalars = scalars.dropFirst()
                    }
                    if scalars.first == InlineMarker.separator { scalars = scalars.dropFirst() }
                    let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                    if parts.count == 2, ["lang", "class"].contains(parts[0]), !parts[1].isEmpty,
                       parts[1].unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                        out += "<span \(parts[0])=\"\(parts[1])\">"
                    } else {
                        out += "<span>"
                    }
                    open += 1
                case InlineMarker.close:
                    if open > 0 { out += "</span>"; open -= 1 }
                case InlineMarker.separator, InlineMarker.diagram:
                    continue
                default:
                    out.unicodeScalars.append(c)
                }
            }
            out += String(repeating: "</span>", count: open)
            return out
        }
    }

    /// The placeholders filled name by name, as `SiteLanguage.s` did before the one pass.
    static func fillingByName(_ template: String, _ values: [String: String]) -> String {
        var t = template
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { t = t.replacingAll("{\(k)}", with: v) }
        return t
    }

    static let templatePieces = ["{days}", "{product}", "{a}", "{b}", "{x}", "{", "}", "{{", "}}", " ", "days", "日",
                                 "返金", "\u{301}", "\u{600}", "e", "-", "{a}{b}", "{a}\u{301}", "\u{600}{b}"]
    static let fillValues: [[String: String]] = [
        ["days": "7"], ["days": "7", "product": "SSL 証明書"], ["a": "", "b": "B"], ["a": "{b}", "b": "x"],
        ["a": "{", "b": "}"], ["a": "\u{301}z", "b": "z\u{600}"], ["product": "{days}", "days": "{product}"], ["a": "b", "x": ""],
    ]

    @Test("filling placeholders in one pass gives what replacing them name by name gives", arguments: fillValues)
    func fillingOnePass(_ values: [String: String]) {
        for template in RenderTextTests.texts(RenderTextTests.templatePieces, count: 400, seed: 11) {
            #expect(template.filling(values) == RenderTextTests.fillingByName(template, values), "\(template) with \(values)")
        }
    }

    @Test("placeholders filled", arguments: [
        ("{days} 暦日", ["days": "7"], "7 暦日"),
        ("{a}{b}", ["a": "1", "b": "2"], "12"),
        ("{{a}}", ["a": "b"], "{b}"),
        ("{{a}}", ["a": "b", "b": "c"], "c"),
        ("{a}", ["a": "{b}", "b": "c"], "c"),
        ("{b}", ["a": "x", "b": "{a}"], "{a}"),
        ("{a}\u{301}", ["a": "x"], "{a}\u{301}"),
        ("{missing} {a}", ["a": "x"], "{missing} x"),
    ])
    func filling(_ template: String, _ values: [String: String], _ expected: String) {
        #expect(template.filling(values) == expected)
    }

    @Test("an SVG drawn once with gaps for the links takes any page's hrefs", arguments: ["ssl-certificate/ja", "private-ca/en"])
    func svgLinkSlots(_ name: String) {
        let graph = realDiagram(name).graph
        let slots = DiagramSVG(graph: graph, description: "d").linkSlots
        #expect(slots.filled(graph.nodes.compactMap(\.link)) == DiagramSVG(graph: graph, description: "d").svg)
        var other = graph
        for i in other.nodes.indices where other.nodes[i].link != nil { other.nodes[i].link = "../x/\(i)&\"<y>.html" }
        #expect(slots.filled(other.nodes.compactMap(\.link)) == DiagramSVG(graph: other, description: "d").svg)
        #expect(other.nodes.contains { $0.link != nil })
    }

    @Test("tables, quotes and lists are written as the joined lines were", arguments: [[], [""], ["a"], ["a", "b|c", ""]])
    func markdownBlocks(_ cells: [String]) {
        var doc = MarkdownDocument()
        doc.table(header: cells, rows: [cells, cells.reversed()])
        doc.quote(cells)
        doc.numbered(cells)
        doc.bullets(cells)
        var expected = "| " + cells.joined(separator: " | ") + " |\n"
        expected += "|" + cells.map { _ in "---|" }.joined() + "\n"
        for row in [cells, cells.reversed()] { expected += "| " + row.joined(separator: " | ") + " |\n" }
        expected += "\n"
        if !cells.isEmpty {
            expected += cells.map { "> " + $0 }.joined(separator: "\n>\n") + "\n\n"
            for (i, item) in cells.enumerated() { expected += "\(i + 1). " + item + "\n" }
            expected += "\n"
            for item in cells { expected += "- " + item + "\n" }
            expected += "\n"
        }
        #expect(doc.markdown == expected)
    }
}
