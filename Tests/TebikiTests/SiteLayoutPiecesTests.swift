import Foundation
import Testing
import TebikiModel
@testable import TebikiRender

/// The fast forms of the chrome's work must give the bytes of the plain forms: the layout's
/// pieces those of swift-mustache, the byte-level links, slugs and texts those of the Character-
/// level definitions (kept here as references).
@Suite("Site: layout pieces and byte-level chrome")
struct SiteLayoutPiecesTests {
    static let realLayout = (try? String(contentsOfFile: repositoryRoot + "/templates/layout.mustache", encoding: .utf8)) ?? ""

    /// Layouts with whether the pieces may be used for them.
    static let layouts: [(name: String, source: String, compilable: Bool)] = [
        ("real", realLayout, true),
        ("inverted sections, a section over a string, dotted names, comments, delimiters", """
        {{! a comment }}<html lang="{{lang}}">{{#title}}<h1>{{.}}|{{&.}}|{{lang}}|{{title.count}}</h1>{{/title}}
        {{^hasNav}}no nav{{/hasNav}}{{^missing}}none{{/missing}}{{#nav}}{{#current}}[{{label}}]{{/current}}{{^current}}<a href="{{href}}">{{label}}</a>{{/current}}{{siteTitle}}{{/nav}}
        {{^languages}}one language{{/languages}}{{#languages}}{{{name}}}/{{name}}{{/languages}}{{hasNav}}{{#hasCanonical}}{{canonical}}{{/hasCanonical}}
        {{=<% %>=}}<%&content%><%footer%>
        """, true),
        ("a transform", "<title>{{uppercased(title)}}</title>{{#empty(footer)}}x{{/empty(footer)}}{{{content}}}", false),
        ("a partial", "{{>head}}{{{content}}}{{title}}", false),
        ("a block", "{{$main}}\n  {{title}}\n  {{footer}}\n{{/main}}{{{content}}}", false),
        ("a pragma", "{{% CONTENT_TYPE: TEXT}}{{title}}{{{content}}}", false),
        ("a list written whole", "{{alternates}}{{{content}}}", true),
        ("the sentinel's mark in the source", "\u{F8F0}{{title}}{{{content}}}", false),
    ]

    /// Texts that escaping and clusters make hard: entities, `<` with a combining mark, `&`
    /// after a prepended scalar, CR LF, Japanese, empty.
    static let awkward = ["<b>\"quoted\" & 'single'</b>", "<\u{301}x", "\u{600}&y", "a\r\n<", "日本語の<見出し>", "", "e\u{301}&amp;"]

    static func values(_ texts: [String], nav: Int, current: Int?, languages: Bool) -> LayoutValues {
        var k = 0
        func text() -> String { defer { k += 1 }; return texts[k % texts.count] }
        var v = LayoutValues()
        v.set("lang", text())
        v.set("title", text())
        v.set("siteTitle", text())
        v.set("canonical", text())
        v.set("hasCanonical", true)
        v.set("nav", (0..<nav).map { i in
            var item = LayoutValues()
            item.set("href", text()); item.set("label", text()); item.set("current", i == current)
            return item
        })
        v.set("hasNav", nav > 0)
        v.set("languages", languages ? ["ja", "en"].map { id in
            var item = LayoutValues()
            item.set("lang", id); item.set("name", text()); item.set("href", text()); item.set("current", id == "en")
            return item
        } : [])
        v.set("alternates", languages ? [{ var a = LayoutValues(); a.set("href", text()); return a }()] : [])
        v.set("footer", text())
        v.set("content", "<main>" + text() + "</main>")
        return v
    }

    static let valueSets: [LayoutValues] = [
        values(["ja", "返金ルール", "サイト"], nav: 4, current: 1, languages: true),
        values(awkward, nav: 5, current: nil, languages: true),
        values(Array(awkward.reversed()), nav: 0, current: nil, languages: false),
        values(["en", "Refunds & <returns>", "Site", "../a.html"], nav: 3, current: 2, languages: false),
    ]

    @Test("the pieces give swift-mustache's bytes, and are used only where they can", arguments: layouts.indices)
    func layoutsRenderAlike(_ i: Int) throws {
        let (name, source, compilable) = Self.layouts[i]
        let templates = try SiteTemplates(layout: source.contains("{{{content}}}") || source.contains("<%&content%>") ? source : source + "{{{content}}}", css: "a {}")
        let layout = templates.compiledLayout
        #expect(layout.compilable == compilable, "\(name)")
        for values in Self.valueSets {
            // Twice: once compiling the shape, once from the cached pieces.
            for _ in 0..<2 {
                #expect(layout.render(values) == templates.layout.render(values.mustacheContext), "\(name)")
            }
        }
    }

    @Test("a shape whose sentinels are written inside a list's description falls back")
    func mangledSentinels() throws {
        let templates = try SiteTemplates(layout: "{{alternates}}{{{content}}}", css: "a {}")
        let values = Self.valueSets[0]
        #expect(templates.compiledLayout.compile(values, count: 100) == nil)
        #expect(templates.compiledLayout.compile(Self.valueSets[2], count: 100) != nil, "an empty list is written as [] and takes no text")
    }

    @Test("the real layout's pieces put each text in once per tag, the page's HTML raw")
    func realPieces() throws {
        let templates = try SiteTemplates(layout: Self.realLayout, css: "a {}")
        let values = Self.valueSets[0]
        var key: [UInt8] = [], texts: [String] = []
        values.shape(into: &key, texts: &texts)
        let pieces = try #require(templates.compiledLayout.compile(values, count: texts.count))
        let contentIndex = try #require(texts.firstIndex { $0.hasPrefix("<main>") })
        #expect(pieces.filter { $0 == .text(contentIndex, escaped: false) }.count == 1)
        #expect(!pieces.contains(.text(contentIndex, escaped: true)))
    }

    @Test("escaping is swift-mustache's, clusters included", arguments: awkward + ["plain", "&&<<>>\"\"''", "x\u{200D}>", "<", "Σ's \u{1F600}&"])
    func escaping(_ text: String) throws {
        let templates = try SiteTemplates(layout: "{{x}}{{{content}}}", css: "a {}", knownNames: nil)
        var out = ""
        MustacheEscape.append(text, to: &out)
        #expect(out == templates.layout.render(["x": text, "content": ""] as [String: Any]))
    }

    @Test("relative links", arguments: [
        ("ja/products/a.html", "ja/glossary.html", "../glossary.html"),
        ("ja/glossary.html", "ja/glossary.html", "glossary.html"),
        ("ja/glossary.html", "en/glossary.html", "../en/glossary.html"),
        ("index.html", "ja/index.html", "ja/index.html"),
        ("ja/guide/q/a/b.html", "style.css", "../../../../style.css"),
        ("ja/guide/q/a/b.html", "ja/guide/q/c.html", "../c.html"),
        ("ja//guide/b.html", "/ja/guide/x/", "x"),
        ("a/b/c.html", "", "../.."),
        ("a/b/c.html", "a", "../../a"),
        ("ja/製品/a.html", "ja/製品/b.html", "b.html"),
        ("a/\u{301}/b.html", "a/c.html", "../a/c.html"),
    ])
    func relative(_ from: String, _ to: String, _ expected: String) {
        #expect(SitePath.relative(from: from, to: to) == expected)
        #expect(SitePath.relative(from: from, to: to) == SitePath.relativeByCharacters(from: from, to: to))
    }

    /// `SitePath.segment` as it was written on scalars.
    static func segmentReference(_ s: String) -> String {
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

    @Test("path segments", arguments: ["refund-period", "a=b+c", "日本語", "e\u{301}x", "a b/c?d", "\u{1F600}.", ""])
    func segment(_ s: String) {
        #expect(SitePath.segment(s) == Self.segmentReference(s))
    }

    /// `HeadingSlug.base` as it was written, appending scalars to a String.
    static func slugReference(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                out.unicodeScalars.append(c)
            default:
                if c == "-" { out += "-" } else if c == " " { out += "-" }
            }
        }
        return out
    }

    @Test("heading slugs over every scalar, 64 at a time, and some headings")
    func slugs() {
        var texts = ["Refund rules & <exceptions>", "返金ルール（例外）", "ΣΑΣ Straße İstanbul", "a_b-c d\te", "Ⅻ ½ x\u{301}"]
        var chunk = ""
        var n = 0
        for v in 0...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            chunk.unicodeScalars.append(s)
            n += 1
            if n == 64 { texts.append(chunk); chunk = ""; n = 0 }
        }
        texts.append(chunk)
        for text in texts {
            #expect(HeadingSlug.base(text) == Self.slugReference(text))
        }
    }

    /// `HTMLPostProcessor.plainText` as it was written, on Characters with the replacements in turn.
    static func plainTextReference(_ html: String) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { text.append(c) }
        }
        text = InlineMarker.stripped(text)
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingAll(entity, with: value)
        }
        return text
    }

    @Test("plain text of headings", arguments: [
        "Refunds <em>within</em> 14 days", "a &lt;b&gt; &quot;c&quot; &#39;d&#39; &amp;lt; &amp;amp;", "x > y <code>a&amp;b</code>",
        "&lt", "&&lt;;", "a\r\n&amp;", "返金 <em>期間</em> &amp; 例外", "&lt;\u{301}", "\u{E000}lang=ja\u{E001}日本\u{E002}",
    ])
    func plainText(_ html: String) {
        #expect(HTMLPostProcessor.plainText(html) == Self.plainTextReference(html))
    }
}
