import TebikiMarkdown
import TebikiModel

/// The diff as one standalone HTML page: the Markdown rendering through cmark-gfm's safe mode
/// (no raw HTML from content can get through), with a small inline style sheet and no external resource.
package enum DiffHTML {
    /// The page for `markdown` (a `DiffMarkdown` text) in `language`, titled `title`.
    package static func page(markdown: String, title: String, language: LanguageID) -> String? {
        guard let body = CommonMark.html(markdown) else { return nil }
        return """
            <!DOCTYPE html>
            <html lang="\(escape(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; line-height: 1.6; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
            th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            pre { background: #f6f6f6; padding: 0.6rem; overflow-x: auto; }
            code { font-family: ui-monospace, monospace; font-size: 0.95em; }
            del { color: #8a1c1c; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Escapes text for an HTML attribute or element.
    static func escape(_ s: String) -> String {
        s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;").replacingAll("\"", with: "&quot;")
    }
}
