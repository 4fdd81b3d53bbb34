import Foundation

/// Deterministic changes to the HTML that cmark-gfm renders from a site page's Markdown:
/// heading ids (the same anchors as the Markdown's, see `HeadingSlug`), `lang` and class spans
/// from `InlineMarker`s, a class on UI labels, the diagrams' SVG and scrollable tables.
/// cmark-gfm's safe mode has already dropped any raw HTML, so every tag here is the site's own.
public enum HTMLPostProcessor {
    /// Gives every `<h1>`…`<h6>` an `id`: the heading's text slugged the way the Markdown is.
    public static func addingHeadingIDs(_ html: String) -> String {
        var slugs = HeadingSlug()
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: "<h") {
            let after = rest[start.upperBound...]
            guard let digit = after.first, ("1"..."6").contains(digit), after.dropFirst().first == ">" else {
                out += rest[..<start.upperBound]
                rest = after
                continue
            }
            let closeTag = "</h\(digit)>"
            let contentStart = after.index(after.startIndex, offsetBy: 2)
            guard let close = rest[contentStart...].range(of: closeTag) else { break }
            let inner = rest[contentStart..<close.lowerBound]
            let id = slugs.next(plainText(String(inner)))
            out += rest[..<start.lowerBound]
            out += "<h\(digit) id=\"\(id)\">" + inner + closeTag
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The text of an HTML fragment: tags removed, cmark's entities decoded, marks removed.
    public static func plainText(_ html: String) -> String {
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

    /// The full post-process of a page's HTML.
    static func process(_ html: String, diagrams: [MarkdownDocument.DiagramBlock], figureLabel: String) -> String {
        var s = html
        for (i, d) in diagrams.enumerated() {
            let mark = "<p>\(InlineMarker.diagram)\(i)\(InlineMarker.diagram)</p>"
            let alt = MarkdownDocument.outlineHTML(d.textAlternative)
            let figure = "<figure class=\"diagram\">\n<div class=\"diagram-scroll\">\(d.svg)</div>\n"
                + "<details><summary>\(HTML.escape(figureLabel))</summary>\n\(alt)</details>\n"
                + "<figcaption>\(HTML.escape(d.caption))</figcaption>\n</figure>"
            s = s.replacingOccurrences(of: mark, with: figure)
        }
        s = addingHeadingIDs(s)
        s = spans(s)
        s = s.replacingOccurrences(of: "<strong>", with: "<strong class=\"ui-label\">")
        s = s.replacingOccurrences(of: "<table>", with: "<div class=\"table-wrap\"><table>").replacingOccurrences(of: "</table>", with: "</table></div>")
        return s
    }

    /// `InlineMarker` spans to `<span lang|class>`; a malformed mark is dropped.
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
                    open += 1
                } else {
                    out += "<span>"
                    open += 1
                }
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

/// HTML escaping of text for templates and attributes the site writes itself.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in InlineMarker.stripped(text).unicodeScalars {
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
}
