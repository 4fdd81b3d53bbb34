import Foundation

import TebikiConcurrency
import TebikiModel

/// The pages at the site's root: the language chooser (`index.html`, the `x-default` of the home
/// pages: a reader whose language is none of the site's picks one), the 404 page and the sitemap.
struct RootPagesMaker {
    let model: Model
    let baseURL: String
    let chrome: SiteChrome

    /// `/cms/refunds/` of `https://help.example.com/cms/refunds/`: root-relative links for the 404
    /// page, which the server shows at any depth.
    var basePath: String {
        guard let scheme = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// Each language's name in its own language, linking to `file(language)`.
    private func languageList(_ file: (Language) -> String) -> String {
        "<ul class=\"language-list\">\n" + model.languages.map { l in
            "<li><a href=\"\(HTML.escape(file(l)))\" hreflang=\"\(HTML.escape(l.id))\" lang=\"\(HTML.escape(l.id))\">\(HTML.escape(l.name))</a></li>"
        }.joined(separator: "\n") + "\n</ul>"
    }

    /// Text in every language, each paragraph marked with its language.
    private func everyLanguage(_ key: String, tag: String = "p", values: [String: String] = [:]) -> String {
        model.languages.map { l in
            var t = model.string(key, l.id)
            for (k, v) in values.sorted(by: { $0.key < $1.key }) { t = t.replacingAll("{\(k)}", with: v) }
            return "<\(tag) lang=\"\(HTML.escape(l.id))\">\(HTML.escape(t))</\(tag)>"
        }.joined(separator: "\n")
    }

    private func layout(file: String, title: String, content: String, cssHref: String, alternates: [[String: Any]]) -> Page {
        let source = model.sourceLanguage
        let data: [String: Any] = [
            "lang": source.id,
            "title": title,
            "siteTitle": model.string("site.title", source.id),
            "homeHref": file == "404.html" ? basePath + "index.html" : "index.html",
            "cssHref": cssHref,
            "canonical": baseURL + (file == "index.html" ? "" : file),
            "hasCanonical": file != "404.html",
            "skipLabel": model.string("site.skip", source.id),
            "navLabel": model.string("site.nav", source.id),
            "languagesLabel": model.string("site.other-languages", source.id),
            "nav": [] as [[String: Any]],
            "hasNav": false,
            "languages": [] as [[String: Any]],
            "hasLanguages": false,
            "alternates": alternates,
            "edition": model.languages.map { l in
                model.string("site.edition", l.id).replacingAll("{date}", with: l.format(model.edition.date)).replacingAll("{edition}", with: model.edition.id)
            }.joined(separator: " / "),
            "footer": model.string("site.footer", source.id),
            "content": content,
        ]
        return Page(path: file, contents: chrome.templates.layout.render(data))
    }

    func pages() -> [Page] {
        let source = model.sourceLanguage
        let titles = model.languages.map { model.string("site.title", $0.id) }
        let title = titles.joined(separator: " / ")
        // The language chooser.
        var content = "<h1 id=\"top\">" + model.languages.map { "<span lang=\"\(HTML.escape($0.id))\">\(HTML.escape(model.string("site.title", $0.id)))</span>" }.joined(separator: " / ") + "</h1>\n"
        content += everyLanguage("site.choose-language")
        content += "\n" + languageList { "\($0.id)/index.html" }
        var alternates: [[String: Any]] = model.languages.map { ["hreflang": $0.id, "href": baseURL + $0.id + "/index.html"] }
        alternates.append(["hreflang": "x-default", "href": baseURL])
        var pages = [layout(file: "index.html", title: title, content: content, cssHref: "style.css", alternates: alternates)]
        var md = "# " + model.languages.map { InlineMarker.text(model.string("site.title", $0.id)) }.joined(separator: " / ") + "\n\n"
        md += model.languages.map { InlineMarker.text(model.string("site.choose-language", $0.id)) }.joined(separator: "  \n") + "\n\n"
        md += model.languages.map { "- [" + InlineMarker.text($0.name) + "](" + $0.id + "/index.md)" }.joined(separator: "\n") + "\n"
        pages.append(Page(path: "index.md", contents: md))
        // The 404 page.
        var notFound = "<h1 id=\"top\">" + model.languages.map { "<span lang=\"\(HTML.escape($0.id))\">\(HTML.escape(model.string("site.not-found", $0.id)))</span>" }.joined(separator: " / ") + "</h1>\n"
        notFound += everyLanguage("site.not-found-text")
        notFound += "\n" + languageList { basePath + "\($0.id)/index.html" }
        pages.append(layout(file: "404.html", title: model.string("site.not-found", source.id), content: notFound, cssHref: basePath + "style.css", alternates: []))
        return pages
    }

    /// `sitemap.xml`: every HTML page of the languages, with `xhtml:link` alternates.
    func sitemap(keys: [String], everyLanguage: Set<String>) -> Page {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        func url(_ loc: String, alternates: Bool, key: String) -> String {
            var xml = "  <url>\n    <loc>\(HTML.escape(loc))</loc>\n"
            if alternates {
                for l in model.languages {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(HTML.escape(l.id))\" href=\"\(HTML.escape(baseURL + SitePath(language: l.id, key: key).file("html")))\"/>\n"
                }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTML.escape(chrome.xDefault(key)))\"/>\n"
            }
            return xml + "  </url>\n"
        }
        xml += url(baseURL, alternates: true, key: "index")
        // Tens of thousands of entries with a thousand products: written on every core, joined in order.
        let sorted = keys.sorted()
        let entries = ParallelMap.map(sorted.count) { i in
            model.languages.map { l in url(baseURL + SitePath(language: l.id, key: sorted[i]).file("html"), alternates: everyLanguage.contains(sorted[i]), key: sorted[i]) }.joined()
        }
        for entry in entries { xml += entry }
        xml += "</urlset>\n"
        return Page(path: "sitemap.xml", contents: xml)
    }
}
