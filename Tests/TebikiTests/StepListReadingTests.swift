@testable import TebikiCheck
import TebikiModel
import TebikiRender
import Testing

/// How the page check read pages before it read them over bytes, `Character` by `Character`:
/// the reference its readings must agree with.
enum CharacterReading {
    /// The visible text: each nested block cut off in turn, then read `Character` by `Character`.
    static func visibleText(html: String) -> String {
        var u = Array(html.utf8)
        for block in ["<blockquote", "<ol", "<ul", "<div", "<aside", "<table"] {
            if let at = ByteScanTests.firstIndexByBytes(Array(block.utf8), in: u, from: 0) { u = Array(u[..<at]) }
        }
        return collapse(decodeEntities(removingTags(String(decoding: u, as: UTF8.self))))
    }

    /// Tags removed by Character: the one definition, which the page check shares.
    static func removingTags(_ html: String) -> String { HTMLPostProcessor.removingTags(html) }

    static func decodeEntities(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10 {
                let name = after[after.index(after: amp)..<semi]
                var decoded: String?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "nbsp": decoded = " "
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { decoded = String(u) }
                    else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { decoded = String(u) }
                }
                if let decoded { out += decoded; rest = after[after.index(after: semi)...]; continue }
            }
            out += "&"
            rest = after.dropFirst()
        }
        return out + rest
    }

    static func collapse(_ s: String) -> String {
        var out = ""
        var space = false
        for c in s {
            if c.isWhitespace { space = !out.isEmpty; continue }
            if space { out += " "; space = false }
            out.append(c)
        }
        return out
    }

    /// The tag name at the `<` at `i`, lowercased, as the list reader read it before.
    static func tagName(_ u: [UInt8], _ i: Int) -> String {
        var j = i + 1
        var name = ""
        while j < u.count, u[j] != UInt8(ascii: ">"), u[j] != UInt8(ascii: " "), u[j] != UInt8(ascii: "\n") {
            name.unicodeScalars.append(Unicode.Scalar(u[j])); j += 1
        }
        return name.lowercased()
    }

    /// The path with its language folder replaced, split by `Character`.
    static func languageFree(_ path: String, _ language: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for i in parts.indices where parts[i] == language { parts[i] = "*" }
        return parts.joined(separator: "/")
    }
}

/// A page's step texts read back as a reader sees them: the check reads pages over their bytes,
/// and must find what reading them `Character` by `Character` finds (`CharacterReading`).
@Suite("Check: a page's step lists and texts read back as a reader sees them")
struct StepListReadingTests {
    @Test("visible text: tags removed, entities decoded, white space collapsed, as by Character")
    func visibleText() {
        let fragments = [
            "", "Click <strong>Save</strong>.", "  Open\n the <a href=\"x.html#a\">page</a>  \t",
            "Type &quot;yes&quot; &amp; press &lt;Enter&gt; &apos;ok&apos;&nbsp;&nbsp;now",
            "A &unknown; entity, a bare & and &amp", "&amp;lt; is not decoded twice", "a &verylongentityname; b",
            "x > y, <em>a</em>b", "trailing tag <br", "<p>Paragraph</p>\n<p>Two</p>\n",
            // Not read in one pass: numeric entities, carriage returns, non-ASCII text.
            "&#39;quoted&#x27; &#X41;", "line\r\nbreak", "「<strong>保存</strong>」をクリック", ">\u{301}x<b>y</b>",
        ]
        for fragment in fragments {
            #expect(VisibleText.read(html: fragment) == CharacterReading.visibleText(html: fragment), "\(fragment)")
        }
        #expect(VisibleText.read(html: "Type &quot;yes&quot;&nbsp; <b>now</b>") == "Type \"yes\" now")
    }

    @Test("lines: split where a Character is a line feed, one carriage return dropped at the end")
    func linesAgree() {
        let texts = ["", "a", "a\nb", "a\n\nb\n", "a\r\nb\nc", "a\rb\n", "a\r", "\n\r\n\n", "ja 日本\nen\u{85}x\u{2028}y\n"]
        for text in texts {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            #expect(MarkdownStepList.lines(text) == expected, "\(text.debugDescription)")
        }
    }

    /// Fragments where reading by scalar and by `Character` could part: non-ASCII text next to
    /// markup, scalars that join their neighbours, white space beyond ASCII, nested blocks.
    static let unicodeFragments: [String] = [
        "「<strong>保存</strong>」をクリックします。", "<a href=\"x\">証明書</a>\u{3000}を&nbsp;選ぶ &amp; 閉じる",
        "全角\u{3000}\u{3000}空白\u{A0}と\u{2003}ほか\u{85}改行", "Café <em>crème</em> — “quoted” → next",
        ">\u{301}x<b>y</b>", "a <b>\u{301}</b> b", " \u{301}x", "x&nbsp;\u{301}y", "x\t\u{301}y",
        "&amp\u{37E} stays", "&lt\u{37E}b", "x\u{600}<b>y</b>", "\u{600} x", "<b>x</b>\u{200D}y", "👍<b>\u{1F3FB}</b>",
        "\u{1100}<i></i>\u{1161}", "🇯<b></b>🇵", "か<b>\u{3099}</b>", "ｶ<b>\u{FF9E}</b>", "\u{E33} a", "a\u{E33}",
        "<span>日本語</span><ol><li>入れ子</li></ol>", "前<div>後</div>", "前<TABLE>後", "x <ul> <blockquote>", "x <asidey",
        "&#x3042; ok", "日本\r\n語", "𠮷野家 <b>𩸽</b>", "&quot;日本&quot;&apos;", "&日本語の名前;",
    ]

    @Test("visible text beyond ASCII: the same bytes as by Character", arguments: unicodeFragments)
    func visibleTextBeyondASCII(_ fragment: String) {
        #expect(Array(VisibleText.read(html: fragment).utf8) == Array(CharacterReading.visibleText(html: fragment).utf8))
    }

    /// Tags as the list reader meets them.
    static let tags = ["<ol>", "<OL start=\"2\">", "</Ul>", "<ul\n>", "<li>", "<LI class=\"x\">", "</li>", "</lI>", "<ol",
                       "<old>", "<o>", "</ >", "<>", "<", "</", "<//ol>", "<li\t>", "<p>", "</olx>", "<\u{C0}l>", "<oL/>"]

    @Test("list tags: ol, ul and li in any case, opening or closing", arguments: tags)
    func listTags(_ tag: String) {
        let u = Array(tag.utf8)
        let expected: HTMLStepList.ListTag? = switch CharacterReading.tagName(u, 0) {
        case "ol", "ul": .listOpen
        case "/ol", "/ul": .listClose
        case "li": .itemOpen
        case "/li": .itemClose
        default: nil
        }
        #expect(u.withUnsafeBufferPointer { HTMLStepList.listTag($0, 0) } == expected)
    }

    /// Paths and languages whose language folder is replaced.
    static let paths: [(String, String)] = [
        ("ja/x.md", "ja"), ("en/ja/ja.md", "ja"), ("ja", "ja"), ("", "ja"), ("/ja/", "ja"), ("jap/x", "ja"), ("x/ja", "en"),
        ("日本/ja/x", "ja"), ("ja/日本.md", "日本"), ("a\r\n/ja", "ja"), ("ja//ja", "ja"), ("e\u{301}/x", "é"),
    ]

    @Test("a path's language folder is replaced, as by Character", arguments: paths)
    func languageFree(_ path: String, _ language: String) {
        #expect(PageChecker.languageFree(path, language) == CharacterReading.languageFree(path, language))
    }

    @Test("Markdown items: the column counts the spaces after the number, any script",
          arguments: [("1. x", 4), ("1.   x", 6), ("  12) 日本", 7), ("1.\u{3000}x", 0), ("3.  \u{301}x", 4)])
    func itemColumns(_ line: String, _ column: Int) {
        let result = StepListDocument(path: "page.md", contents: "## A\n\n\(line)\n").list(after: "a")
        guard case .items(let items) = result else { #expect(column == 0, "no item read"); return }
        #expect(items.map(\.column) == [column])
    }
}
