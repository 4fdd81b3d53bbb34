import Foundation
import Testing
import TebikiCLI
import TebikiRender

@Suite("Site: the atomic writer and the templates")
struct SiteWriterTests {
    /// A fresh temporary directory holding an old `site/` with one file.
    func oldSite() throws -> (root: URL, site: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-site-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("ja"), withIntermediateDirectories: true)
        try "old".write(to: site.appendingPathComponent("ja/index.html"), atomically: true, encoding: .utf8)
        return (root, site)
    }

    func listing(_ url: URL) -> [String] {
        (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test("a successful write replaces the whole directory and leaves nothing beside it")
    func replaces() throws {
        let (root, site) = try oldSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try SiteWriter(output: site.path).write([Page(path: "en/index.html", contents: "new"), Page(path: "style.css", contents: "a{}")])
        #expect(listing(site) == ["en", "en/index.html", "style.css"])
        #expect(try String(contentsOf: site.appendingPathComponent("en/index.html"), encoding: .utf8) == "new")
        #expect(listing(root) == listing(root).filter { !$0.hasPrefix(".") }, "a temporary directory was left behind")
    }

    @Test("a failing write leaves the previous site untouched and says why", arguments: [
        [Page(path: "ja/index.html", contents: "new"), Page(path: "../escape.html", contents: "x")],
        [Page(path: "a", contents: "file"), Page(path: "a/b.html", contents: "under a file")],
        [Page(path: "/etc/absolute", contents: "x")],
    ])
    func failureKeepsOldSite(_ pages: [Page]) throws {
        let (root, site) = try oldSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter(output: site.path).write(pages) }
        do { try SiteWriter(output: site.path).write(pages) } catch {
            #expect(error.message.contains("is unchanged"))
        }
        #expect(listing(site) == ["ja", "ja/index.html"])
        #expect(try String(contentsOf: site.appendingPathComponent("ja/index.html"), encoding: .utf8) == "old")
        #expect(listing(root) == ["site", "site/ja", "site/ja/index.html"], "a temporary directory was left behind")
    }

    @Test("a bad template is refused with its file, line and column and what is wrong", arguments: [
        ("<html>\n<body>{{#nav}}\n{{{content}}}\n</body>", "layout.mustache:", "never closed"),
        ("<html>\n{{content}}\n</html>", "layout.mustache", "{{{content}}}"),
        ("<html>{{{content}}}{{{content}}}</html>", "layout.mustache", "2 times"),
        ("<html>\n  {{#a}}{{/b}}\n{{{content}}}", "layout.mustache:2:", "closed with a name"),
    ])
    func badTemplate(_ layout: String, _ place: String, _ what: String) {
        do {
            _ = try SiteTemplates(layout: layout, css: "a { color: red }")
            Issue.record("the template was accepted")
        } catch {
            #expect(error.description.contains(place), "\(error.description)")
            #expect(error.description.contains(what), "\(error.description)")
        }
    }
}
