import Foundation
import Mustache
import TebikiModel

/// The site's look, as files a designer edits: the page layout (Mustache) and the style sheet.
/// The command-line tool reads them; parsing and checking them happens here, without I/O.
public struct SiteTemplates: Sendable {
    /// The parsed layout.
    let layout: MustacheTemplate
    /// The same layout, rendered from pieces per shape of the page values (see `CompiledLayout`).
    let compiledLayout: CompiledLayout
    /// The style sheet, copied to `style.css`.
    let css: String

    /// Parses and checks the templates. `layoutName` and `cssName` name the files in diagnostics.
    /// - Throws: a `SiteBuildError` whose diagnostic names the file, the line and column, and what is wrong.
    package init(layout: String, css: String, layoutName: String = "layout.mustache", cssName: String = "style.css") throws(SiteBuildError) {
        let template: MustacheTemplate
        let layoutStart = SourceLocation(file: layoutName, line: 1, column: 1)
        do {
            template = try MustacheTemplate(string: layout)
        } catch let e as MustacheTemplate.ParserError {
            throw SiteBuildError(.templatesSyntax, at: SourceLocation(file: layoutName, line: e.context.lineNumber, column: e.context.columnNumber),
                                 SiteTemplates.describe(e.error) + (e.context.line.trimmingSpaces.isEmpty ? "" : " (at: \(e.context.line.trimmingSpaces))"))
        } catch {
            throw SiteBuildError(.templatesSyntax, at: layoutStart, "the layout cannot be parsed: \(error)")
        }
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

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}
