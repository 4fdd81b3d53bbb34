import Foundation
import Testing
import TebikiModel
@testable import TebikiRender
import Mustache

/// Templates that fail loudly (issue 15): a misspelt variable rendered empty with exit 0, ~10,000
/// nested sections overflowed the stack, and 200,000 tags did not render in 300 s.
@Suite("Templates: unknown names and deep nesting refused, many tags rendered")
struct TemplateBoundsTests {
    static let realLayout = SiteLayoutPiecesTests.realLayout

    /// The error `layout` is refused with.
    func refusal(_ layout: String) -> SiteBuildError? {
        do { _ = try SiteTemplates(layout: layout, css: "a {}", layoutName: "t/layout.mustache"); return nil } catch { return error }
    }

    @Test("a variable the pages do not have is refused at its line and column", arguments: [
        ("<title>{{titel}}</title>\n{{{content}}}", 1, 8, "titel"),
        ("{{{content}}}\n<p>\n  {{#navv}}x{{/navv}}</p>", 3, 3, "navv"),
        ("{{{content}}}\n{{#nav}}\n{{{lable}}}{{/nav}}", 3, 1, "lable"),
        ("{{{content}}}{{&footr}}", 1, 14, "footr"),
        ("{{{content}}}\n{{^hasNavs}}none{{/hasNavs}}", 2, 1, "hasNavs"),
        ("{{{content}}}{{uppercased(titel)}}", 1, 14, "uppercased(titel)"),
        ("<p>日本語</p>{{x}}{{{content}}}", 1, 11, "x"),
    ])
    func unknownName(_ layout: String, _ line: Int, _ column: Int, _ name: String) {
        let error = refusal(layout)
        #expect(error?.diagnostic.rule == .templatesUnknownName, "\(String(describing: error))")
        #expect(error?.diagnostic.location == SourceLocation(file: "t/layout.mustache", line: line, column: column))
        #expect(error?.diagnostic.summary.contains("'\(name)'") == true, "\(String(describing: error))")
    }

    @Test("the real layout, and names read as the pages give them, are accepted", arguments: [
        realLayout, "{{! {{nothing}} }}{{{content}}}{{#nav}}{{.}}{{title.count}}{{/nav}}", "{{=<% %>=}}<%&content%><%anything%>",
    ])
    func knownNames(_ layout: String) {
        #expect(refusal(layout) == nil)
    }

    @Test("sections nested deeper than the limit are refused at the first tag too deep, without overflowing the stack",
          arguments: [LayoutScan.maximumDepth + 1, 10_000, 100_000])
    func tooDeep(_ depth: Int) {
        let layout = "{{{content}}}\n" + String(repeating: "{{#nav}}", count: depth) + String(repeating: "{{/nav}}", count: depth)
        let error = refusal(layout)
        #expect(error?.diagnostic.rule == .templatesTooDeep, "\(String(describing: error))")
        #expect(error?.diagnostic.location == SourceLocation(file: "t/layout.mustache", line: 2, column: 1 + 8 * LayoutScan.maximumDepth))
    }

    @Test("the limit itself is allowed")
    func deepestAllowed() throws {
        let depth = LayoutScan.maximumDepth
        let layout = "{{{content}}}" + String(repeating: "{{#hasNav}}", count: depth) + "x" + String(repeating: "{{/hasNav}}", count: depth)
        let templates = try SiteTemplates(layout: layout, css: "a {}")
        var values = LayoutValues()
        values.set("content", "c"); values.set("hasNav", true)
        #expect(templates.compiledLayout.render(values) == "cx")
    }

    @Test("a layout of 200,000 tags renders, each tag's text in its place")
    func manyTags() throws {
        let count = 200_000
        let layout = String(repeating: "<i>{{title}}</i>", count: count) + "{{{content}}}"
        let templates = try SiteTemplates(layout: layout, css: "a {}")
        #expect(templates.layout.parts.count > 1, "cut into pieces")
        var values = LayoutValues()
        values.set("title", "a<b")
        values.set("content", "<p>x</p>")
        #expect(templates.compiledLayout.render(values) == String(repeating: "<i>a&lt;b</i>", count: count) + "<p>x</p>")
    }

    @Test("a layout cut into pieces renders as the whole does, standalone lines included", arguments: [1, 40])
    func piecesRenderAsWhole(_ copies: Int) throws {
        // The real layout many times over (cut at newlines and between text), and a line of
        // standalone-looking tags cut mid-line.
        let body = Self.realLayout.replacingOccurrences(of: "{{{content}}}", with: "")
        let layout = String(repeating: body, count: copies) + "{{{content}}}\n" + String(repeating: "  {{#hasNav}}\n[{{title}}]x\n  {{/hasNav}}\nab", count: 3_000)
        let cut = try SiteTemplates(layout: layout, css: "a {}")
        if copies > 1 { #expect(cut.layout.parts.count > 1) }
        let whole = LayoutTemplate(parts: [try MustacheTemplate(string: layout)])
        for values in SiteLayoutPiecesTests.valueSets {
            var v = values
            v.set("hasNav", true)
            #expect(cut.layout.render(v.mustacheContext) == whole.render(v.mustacheContext))
        }
    }
}
