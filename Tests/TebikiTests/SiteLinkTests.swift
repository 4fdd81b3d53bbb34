import Foundation
import Testing
import TebikiModel
import TebikiRender

/// Resolves a relative href against a page path; nil for a path that leaves the site.
func resolve(_ href: String, from page: String) -> String? {
    var parts = page.split(separator: "/").map(String.init)
    parts.removeLast()
    for part in href.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
        if part == ".." { guard !parts.isEmpty else { return nil }; parts.removeLast() } else if part != "." { parts.append(part) }
    }
    return parts.joined(separator: "/")
}

/// Every `href="…"`/`src="…"` of an HTML page.
func htmlLinks(_ html: String) -> [String] {
    var out: [String] = []
    for attribute in ["href=\"", "src=\""] {
        var rest = html[...]
        while let r = rest.range(of: attribute) {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]))
            rest = after[end...]
        }
    }
    return out
}

/// Every `](target)` of a Markdown page (outside code fences).
func markdownLinks(_ md: String) -> [String] {
    var out: [String] = []
    var inFence = false
    for line in md.split(separator: "\n") {
        if line.hasPrefix("```") { inFence.toggle(); continue }
        if inFence { continue }
        var rest = line[...]
        while let r = rest.range(of: "](") {
            let after = rest[r.upperBound...]
            guard let end = after.firstIndex(of: ")") else { break }
            out.append(String(after[..<end]))
            rest = after[end...]
        }
    }
    return out
}

/// The ids of an HTML page.
func htmlIDs(_ html: String) -> Set<String> {
    var ids = Set<String>()
    var rest = html[...]
    while let r = rest.range(of: " id=\"") {
        let after = rest[r.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { break }
        ids.insert(String(after[..<end]))
        rest = after[end...]
    }
    return ids
}

@Suite("Site: links")
struct SiteLinkTests {
    /// Checks one link of `page`: the file exists and so does the anchor.
    func check(_ link: String, on page: String, issues: inout [String]) {
        var target = link
        if target.hasPrefix(siteBaseURL) { target = String(target.dropFirst(siteBaseURL.count)); if target.isEmpty { target = "index.html" } ; return checkFile(target, fragment: nil, on: page, link: link, issues: &issues) }
        if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("//") {
            if !target.hasPrefix("http://www.w3.org/") { issues.append("\(page): external link \(link)") }
            return
        }
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...]).removingPercentEncoding
            target = String(target[..<hash])
        }
        let file: String
        if target.isEmpty { file = page } else if target.hasPrefix("/") {
            let basePath = URL(string: siteBaseURL)?.path ?? "/"
            guard target.hasPrefix(basePath) else { issues.append("\(page): \(link) is outside the site"); return }
            file = String(target.dropFirst(basePath.hasSuffix("/") ? basePath.count : basePath.count + 1))
        } else {
            guard let f = resolve(target.removingPercentEncoding ?? target, from: page) else { issues.append("\(page): \(link) leaves the site"); return }
            file = f
        }
        checkFile(file, fragment: fragment, on: page, link: link, issues: &issues)
    }

    func checkFile(_ file: String, fragment: String?, on page: String, link: String, issues: inout [String]) {
        guard let contents = sitePages[file] else { issues.append("\(page): \(link) → \(file) does not exist"); return }
        guard let fragment, !fragment.isEmpty else { return }
        // Markdown anchors are the ids of the HTML twin (the same slugs).
        let html = file.hasSuffix(".md") ? sitePages[String(file.dropLast(3)) + ".html"] ?? "" : contents
        if !htmlIDs(html).contains(fragment) { issues.append("\(page): \(link) → no anchor #\(fragment) in \(file)") }
    }

    @Test("every internal link and anchor of every HTML page exists")
    func htmlLinksResolve() {
        var issues: [String] = []
        for page in siteBuild.pages where page.path.hasSuffix(".html") {
            for link in htmlLinks(page.contents) { check(link, on: page.path, issues: &issues) }
        }
        #expect(issues.isEmpty, "\(issues.count) broken links, first: \(issues.prefix(10).joined(separator: "\n"))")
    }

    @Test("every link and anchor of every Markdown page exists")
    func markdownLinksResolve() {
        var issues: [String] = []
        for page in siteBuild.pages where page.path.hasSuffix(".md") {
            for link in markdownLinks(page.contents) { check(link, on: page.path, issues: &issues) }
        }
        #expect(issues.isEmpty, "\(issues.count) broken links, first: \(issues.prefix(10).joined(separator: "\n"))")
    }

    @Test("the link checker finds a broken link and a broken anchor")
    func checkerCatches() {
        var issues: [String] = []
        check("glossary.html", on: "ja/index.html", issues: &issues)
        #expect(issues.isEmpty)
        check("no-such-page.html", on: "ja/index.html", issues: &issues)
        check("glossary.html#no-such-anchor", on: "ja/index.html", issues: &issues)
        check("https://cdn.example.net/x.js", on: "ja/index.html", issues: &issues)
        #expect(issues.count == 3)
    }

    @Test("hreflang alternates are absolute, reciprocal and include x-default")
    func hreflangReciprocal() throws {
        func alternates(_ html: String) -> [String: String] {
            var out: [String: String] = [:]
            for line in html.split(separator: "\n") where line.hasPrefix("<link rel=\"alternate\" hreflang=\"") {
                let parts = line.components(separatedBy: "\"")
                if parts.count >= 6 { out[parts[3]] = parts[5] }
            }
            return out
        }
        var checked = 0
        for page in siteBuild.pages where page.path.hasSuffix(".html") && page.path != "404.html" {
            let alt = alternates(page.contents)
            #expect(Set(alt.keys) == Set(realModel.languages.map(\.id) + ["x-default"]), "\(page.path)")
            let own = siteBaseURL + (page.path == "index.html" ? "" : page.path)
            #expect(alt.values.contains(own) || page.path == "index.html", "\(page.path) is not among its own alternates")
            for (lang, href) in alt {
                #expect(href.hasPrefix(siteBaseURL), "\(page.path): \(lang) alternate \(href) is not absolute")
                var file = String(href.dropFirst(siteBaseURL.count))
                if file.isEmpty { file = "index.html" }
                let other = try #require(sitePages[file], "\(page.path): alternate \(href) does not exist")
                #expect(alternates(other) == alt, "\(page.path) and \(file) do not list the same alternates")
                if lang != "x-default" { #expect(other.contains("<html lang=\"\(lang)\""), "\(file) is not in \(lang)") }
            }
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test("the sitemap lists every HTML page of the languages with its alternates")
    func sitemap() throws {
        let xml = try #require(sitePages["sitemap.xml"])
        for page in siteBuild.pages where page.path.hasSuffix(".html") && page.path.contains("/") {
            #expect(xml.contains("<loc>\(siteBaseURL)\(page.path)</loc>"), "\(page.path) is not in the sitemap")
        }
        let urls = xml.components(separatedBy: "<url>").count - 1
        #expect(xml.components(separatedBy: "hreflang=\"x-default\"").count - 1 == urls)
        #expect(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
    }
}
