@testable import TebikiCheck
import Testing

/// The readings the byte-level ones replaced, kept here as the reference they must agree with.
enum CharacterReading {
    /// The visible text: each nested block cut off in turn, then read `Character` by `Character`.
    static func visibleText(html: String) -> String {
        var u = Array(html.utf8)
        for block in ["<blockquote", "<ol", "<ul", "<div", "<aside", "<table"] {
            if let at = StepListReader.find(Array(block.utf8), in: u, from: 0) { u = Array(u[..<at]) }
        }
        return StepListReader.visibleTextByCharacters(String(decoding: u, as: UTF8.self))
    }

    /// The tag name at the `<` at `i`, lowercased, as `htmlItems` read it before.
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

/// The byte-level readers of `StepListReader` give what the `Character`-level ones give.
@Suite("Check: step lists read over bytes")
struct StepListReaderBytesTests {
    @Test("visible text: the one-pass reading of ASCII fragments agrees with the Character reading")
    func visibleTextAgrees() {
        let fragments = [
            "", "Click <strong>Save</strong>.", "  Open\n the <a href=\"x.html#a\">page</a>  \t",
            "Type &quot;yes&quot; &amp; press &lt;Enter&gt; &apos;ok&apos;&nbsp;&nbsp;now",
            "A &unknown; entity, a bare & and &amp", "&amp;lt; is not decoded twice", "a &verylongentityname; b",
            "x > y, <em>a</em>b", "trailing tag <br", "<p>Paragraph</p>\n<p>Two</p>\n",
            // Not read in one pass: numeric entities, carriage returns, non-ASCII text.
            "&#39;quoted&#x27; &#X41;", "line\r\nbreak", "「<strong>保存</strong>」をクリック", ">\u{301}x<b>y</b>",
        ]
        for fragment in fragments {
            #expect(StepListReader.visibleText(html: fragment) == StepListReader.visibleTextByCharacters(fragment), "\(fragment)")
        }
        #expect(StepListReader.visibleText(html: "Type &quot;yes&quot;&nbsp; <b>now</b>") == "Type \"yes\" now")
    }

    @Test("lines: split where a Character is a line feed, one carriage return dropped at the end")
    func linesAgree() {
        let texts = ["", "a", "a\nb", "a\n\nb\n", "a\r\nb\nc", "a\rb\n", "a\r", "\n\r\n\n", "ja 日本\nen\u{85}x\u{2028}y\n"]
        for text in texts {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            #expect(StepListReader.lines(text) == expected, "\(text.debugDescription)")
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

    @Test("visible text: the byte reading agrees with the Character reading on text beyond ASCII", arguments: unicodeFragments)
    func visibleTextAgreesBeyondASCII(_ fragment: String) {
        #expect(StepListReader.visibleText(html: fragment) == CharacterReading.visibleText(html: fragment))
        #expect(Array(StepListReader.visibleText(html: fragment).utf8) == Array(CharacterReading.visibleText(html: fragment).utf8))
    }

    @Test("visible text: Japanese prose next to markup is read by scalar, a joining scalar next to markup is not")
    func scalarReadingTakesJapanese() {
        #expect(StepListReader.readsAsScalars(Array("「<strong>保存</strong>」を\u{3000}クリック&amp;".utf8)[...]))
        #expect(!StepListReader.readsAsScalars(Array(">\u{301}".utf8)[...]))
        #expect(!StepListReader.readsAsScalars(Array("\u{600}<".utf8)[...]))
        #expect(!StepListReader.readsAsScalars(Array("&amp\u{37E}".utf8)[...]))
    }

    /// Partners for the scalars said to join nothing: ASCII of every kind, and white space.
    static let partners: [Unicode.Scalar] = [" ", "a", "<", ";", "\t", "\n", "\u{A0}", "\u{3000}", "\u{2028}"]

    @Test("visible text: the scalars mayJoin calls inert join no ASCII or white-space neighbour", arguments: partners)
    func inertScalarsJoinNothing(_ partner: Unicode.Scalar) {
        for value in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(value), !StepListReader.mayJoin(s) else { continue }
            var before = String(Character(partner)), after = String(Character(s))
            before.unicodeScalars.append(s); after.unicodeScalars.append(partner)
            #expect(before.count == 2, "U+\(String(value, radix: 16)) after \(partner.debugDescription)")
            #expect(after.count == 2, "U+\(String(value, radix: 16)) before \(partner.debugDescription)")
        }
    }

    @Test("visible text: no scalar but U+037E reads as one of the characters the reading looks for")
    func onlyGreekQuestionMarkEqualsMarkup() {
        // `Character` equality is canonical equivalence: a scalar equal to `<`, `>`, `&`, `;`, `#`,
        // a digit or a letter of an entity name would be read as it by `Character` only.
        let looked = Set("<>&;#0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init))
        var equal: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let s = Unicode.Scalar(value), looked.contains(String(Character(s))) else { continue }
            equal.append(value)
        }
        // U+212A KELVIN SIGN is K, which no entity name the reading knows has.
        #expect(equal == [0x37E, 0x212A])
    }

    /// Tags as `htmlItems` meets them.
    static let tags = ["<ol>", "<OL start=\"2\">", "</Ul>", "<ul\n>", "<li>", "<LI class=\"x\">", "</li>", "</lI>", "<ol",
                       "<old>", "<o>", "</ >", "<>", "<", "</", "<//ol>", "<li\t>", "<p>", "</olx>", "<\u{C0}l>", "<oL/>"]

    @Test("list tags: compared byte by byte as the lowercased tag name was", arguments: tags)
    func listTagsAgree(_ tag: String) {
        let u = Array(tag.utf8)
        let expected: StepListReader.ListTag? = switch CharacterReading.tagName(u, 0) {
        case "ol", "ul": .listOpen
        case "/ol", "/ul": .listClose
        case "li": .itemOpen
        case "/li": .itemClose
        default: nil
        }
        #expect(StepListReader.listTag(u, 0) == expected)
    }

    /// Paths and languages whose language folder is replaced.
    static let paths: [(String, String)] = [
        ("ja/x.md", "ja"), ("en/ja/ja.md", "ja"), ("ja", "ja"), ("", "ja"), ("/ja/", "ja"), ("jap/x", "ja"), ("x/ja", "en"),
        ("日本/ja/x", "ja"), ("ja/日本.md", "日本"), ("a\r\n/ja", "ja"), ("ja//ja", "ja"), ("e\u{301}/x", "é"),
    ]

    @Test("languageFree: the byte reading of ASCII paths agrees with the Character reading", arguments: paths)
    func languageFreeAgrees(_ path: String, _ language: String) {
        #expect(PageChecker.languageFree(path, language) == CharacterReading.languageFree(path, language))
    }

    @Test("Markdown items: the column counts the spaces after the number, any script",
          arguments: [("1. x", 4), ("1.   x", 6), ("  12) 日本", 7), ("1.\u{3000}x", 0), ("3.  \u{301}x", 4)])
    func itemColumns(_ line: String, _ column: Int) {
        let result = StepListReader.markdown("## A\n\n\(line)\n", anchor: "a")
        guard case .items(let items) = result else { #expect(column == 0, "no item read"); return }
        #expect(items.map(\.column) == [column])
    }
}
