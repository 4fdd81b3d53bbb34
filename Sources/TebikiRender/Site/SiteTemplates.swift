import Foundation
import Mustache
import TebikiModel

/// The site's look, as files a designer edits: the page layout (Mustache) and the style sheet.
/// The command-line tool reads them; parsing and checking them happens here, without I/O.
package struct SiteTemplates: Sendable {
    /// The parsed layout.
    let layout: LayoutTemplate
    /// The same layout, rendered from pieces per shape of the page values (see `CompiledLayout`).
    let compiledLayout: CompiledLayout
    /// The style sheet, copied to `style.css`.
    let css: String

    /// The names the pages give the layout (`SiteChrome`, `RootPagesMaker`); any other is a
    /// misspelling, which would render empty.
    package static let layoutNames: Set<String> = [
        "alternates", "canonical", "content", "cssHref", "current", "edition", "footer", "hasCanonical", "hasLanguages",
        "hasNav", "homeHref", "href", "hreflang", "label", "lang", "languages", "languagesLabel", "markdownHref",
        "markdownLabel", "name", "nav", "navLabel", "siteTitle", "skipLabel", "title",
    ]

    /// Parses and checks the templates. `layoutName` and `cssName` name the files in diagnostics;
    /// a variable of the layout not in `knownNames` is an error (nil: any name, for tests of the renderer).
    /// - Throws: a `SiteBuildError` whose diagnostic names the file, the line and column, and what is wrong.
    package init(layout: String, css: String, layoutName: String = "layout.mustache", cssName: String = "style.css",
                 knownNames: Set<String>? = SiteTemplates.layoutNames) throws(SiteBuildError) {
        let layoutStart = SourceLocation(file: layoutName, line: 1, column: 1)
        let scan = try LayoutScan(layout, name: layoutName)
        let utf8 = Array(layout.utf8)
        var parts: [MustacheTemplate] = []
        for piece in scan.pieces {
            do {
                parts.append(try MustacheTemplate(string: String(decoding: utf8[piece.range], as: UTF8.self)))
            } catch let e as MustacheTemplate.ParserError {
                let line = piece.line + e.context.lineNumber - 1
                let column = e.context.lineNumber == 1 ? piece.columnOffset + e.context.columnNumber : e.context.columnNumber
                throw SiteBuildError(.templatesSyntax, at: SourceLocation(file: layoutName, line: line, column: column),
                                     SiteTemplates.describe(e.error) + (e.context.line.trimmingSpaces.isEmpty ? "" : " (at: \(e.context.line.trimmingSpaces))"))
            } catch {
                throw SiteBuildError(.templatesSyntax, at: layoutStart, "the layout cannot be parsed: \(error)")
            }
        }
        if let knownNames, let tag = scan.unknownName(known: knownNames) {
            throw SiteBuildError(.templatesUnknownName, at: SourceLocation(file: layoutName, line: tag.line, column: tag.column),
                                 "unknown variable '\(tag.name)'; the layout's variables are: \(knownNames.sorted().joined(separator: ", "))")
        }
        let template = LayoutTemplate(parts: parts)
        // The layout must put the page's HTML in, unescaped, exactly once.
        let probe = "<p>\u{E00F}tebiki-probe</p>"
        let rendered = template.render(["content": probe, "title": "t", "lang": "en"] as [String: Any])
        let count = rendered.components(separatedBy: probe).count - 1
        if count == 0 {
            throw SiteBuildError(.templatesNoContent, at: layoutStart, "the layout never outputs the page's HTML; write {{{content}}} (three braces: the HTML must not be escaped) where the page goes")
        }
        if count > 1 {
            throw SiteBuildError(.templatesContentRepeated, at: layoutStart, "the layout outputs {{{content}}} \(count) times; a page's HTML must appear once")
        }
        guard css.contains("{") else {
            throw SiteBuildError(.templatesNoStyleRules, at: SourceLocation(file: cssName, line: 1, column: 1), "the style sheet has no rules")
        }
        self.layout = template
        self.compiledLayout = CompiledLayout(template)
        self.css = css
    }

    private static func describe(_ error: Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "a section is closed with a name other than the one it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section ({{#name}} or {{^name}}) is never closed with {{/name}}"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "an inherited section holds a tag it may not hold"
        case .textInsideInheritSection: return "an inherited section holds text"
        case .invalidConfigVariableSyntax: return "a config variable tag is malformed"
        case .unrecognisedConfigVariable: return "a config variable is not recognised"
        }
    }
}

/// The layout as swift-mustache templates of consecutive pieces (see `LayoutScan`): rendered
/// one after the other, they give the whole layout's output.
struct LayoutTemplate: Sendable {
    let parts: [MustacheTemplate]

    /// The layout rendered with `object` (a dictionary of strings, `Bool`s and arrays).
    func render(_ object: Any) -> String {
        if parts.count == 1 { return parts[0].render(object) }
        var out = ""
        for part in parts { out += part.render(object) }
        return out
    }

    /// The source as swift-mustache reads it back.
    var description: String { parts.map(\.description).joined() }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}
