import Foundation
import Glibc
import Testing
import TebikiCLI
import TebikiRender

/// A fresh temporary directory for one test, removed by `remove()`.
struct Scratch {
    let root: URL
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    /// Writes `text` at `relative`, making its folders.
    func file(_ relative: String, _ text: String = "x") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }
    func read(_ relative: String) -> String? { try? String(contentsOfFile: path(relative), encoding: .utf8) }
    /// Every file and folder under `relative`, sorted (hidden ones included).
    func listing(_ relative: String = "") -> [String] {
        (FileManager.default.enumerator(atPath: relative.isEmpty ? root.path : path(relative))?.allObjects as? [String] ?? []).sorted()
    }
    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Site: the atomic writer and the templates")
struct SiteWriterTests {
    static let marker = SiteWriter.markerName
    static let lock = ".site.tebiki-lock"
    static let newPages = [Page(path: "en/index.html", contents: "new"), Page(path: "style.css", contents: "a{}")]

    /// A scratch directory holding an old `site/` (a marked site, as a build writes it) with one page.
    func oldSite() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.file("site/ja/index.html", "old")
        try scratch.file("site/" + Self.marker, SiteWriter.markerContents)
        return scratch
    }

    @Test("a successful write replaces the whole directory, writes the marker and leaves nothing beside it")
    func replaces() throws {
        let scratch = try oldSite()
        defer { scratch.remove() }
        try SiteWriter(output: scratch.path("site")).write(Self.newPages)
        #expect(scratch.listing("site") == [Self.marker, "en", "en/index.html", "style.css"])
        #expect(scratch.read("site/en/index.html") == "new")
        #expect(scratch.read("site/" + Self.marker) == SiteWriter.markerContents)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted() == ["site"])
    }

    @Test("the new site takes the old one's place: the old directory is exchanged out and removed, not written into",
          arguments: [true, false])
    func exchangeReplaces(atomic: Bool) throws {
        let scratch = try oldSite()
        defer { scratch.remove() }
        let old = open(scratch.path("site"), O_RDONLY | O_DIRECTORY)
        try #require(old >= 0)
        defer { close(old) }
        try SiteWriter(output: scratch.path("site"), atomicExchange: atomic).write(Self.newPages)
        var info = stat()
        #expect(fstat(old, &info) == 0 && info.st_nlink == 0, "the old directory is still linked in the file system")
        #expect(faccessat(old, "ja/index.html", F_OK, 0) != 0, "the old directory still holds its pages")
        #expect(scratch.read("site/en/index.html") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted() == ["site"])
    }

    @Test("a failing write leaves the previous site untouched and says why", arguments: [
        [Page(path: "ja/index.html", contents: "new"), Page(path: "../escape.html", contents: "x")],
        [Page(path: "a", contents: "file"), Page(path: "a/b.html", contents: "under a file")],
        [Page(path: "/etc/absolute", contents: "x")],
    ])
    func failureKeepsOldSite(_ pages: [Page]) throws {
        let scratch = try oldSite()
        defer { scratch.remove() }
        do {
            try SiteWriter(output: scratch.path("site")).write(pages)
            Issue.record("the write succeeded")
        } catch {
            #expect(error.message.contains("is unchanged"), "\(error.message)")
        }
        #expect(scratch.listing("site") == [Self.marker, "ja", "ja/index.html"])
        #expect(scratch.read("site/ja/index.html") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted() == ["site"],
                "a temporary directory was left behind")
    }

    @Test("a directory that is not a tebiki site, or holds a repository, a model or what the build reads, is refused and nothing is deleted",
          arguments: [
              (["notes.txt", "photos/cat.jpg"], [], "has no .tebiki-site"),
              ([".git/HEAD", "README.md", SiteWriter.markerName], [], "git repository"),
              (["tebiki.yaml", "rules.yaml", SiteWriter.markerName], [], "tebiki model"),
              (["content/tebiki.yaml", SiteWriter.markerName], ["out/content"], "holds"),
              ([SiteWriter.markerName], ["out"], "which the build reads"),
          ])
    func refuses(_ files: [String], _ protected: [String], _ why: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for file in files { try scratch.file("out/" + file, "keep \(file)") }
        let before = scratch.listing()
        do {
            try SiteWriter(output: scratch.path("out"), protecting: protected.map(scratch.path)).write(Self.newPages)
            Issue.record("the directory was replaced")
        } catch {
            #expect(error.message.contains(why), "\(error.message)")
            #expect(error.message.contains("nothing was written") && error.message.contains("is unchanged"), "\(error.message)")
        }
        #expect(scratch.listing() == before, "something was written or deleted")
        for file in files { #expect(scratch.read("out/" + file) == "keep \(file)") }
    }

    @Test("an absent directory (with its parents) and an empty one are written")
    func absentOrEmpty() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path("empty"), withIntermediateDirectories: true)
        for output in ["empty", "a/b/new", "trailing/"] {
            try SiteWriter(output: scratch.path(output)).write(Self.newPages)
            #expect(scratch.listing(output) == [Self.marker, "en", "en/index.html", "style.css"], "\(output)")
        }
    }

    @Test("a symbolic link to the site keeps its link; the directory it points to is replaced")
    func symlinkKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.file("real/v1/ja/index.html", "old")
        try scratch.file("real/v1/" + Self.marker, SiteWriter.markerContents)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("site"), withDestinationPath: "real/v1")
        try SiteWriter(output: scratch.path("site")).write(Self.newPages)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("site")) == "real/v1")
        #expect(scratch.read("site/en/index.html") == "new")
        #expect(scratch.listing("real") == ["v1", "v1/" + Self.marker, "v1/en", "v1/en/index.html", "v1/style.css"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted() == ["real", "site"])
    }

    @Test("a link to a directory that does not exist is refused and kept")
    func danglingLink() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createSymbolicLink(atPath: scratch.path("site"), withDestinationPath: "gone")
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter(output: scratch.path("site")).write(Self.newPages) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("site")) == "gone")
    }

    @Test("the staging and old directories a killed build left are removed by the next build")
    func leftoversCleaned() throws {
        let scratch = try oldSite()
        defer { scratch.remove() }
        // A PID far above any pid_max: no process has it.
        for leftover in [".site.tebiki-new-4", ".site.tebiki-old-\(getpid())", ".site.new-2147483000", ".site.old-2147483001"] {
            try scratch.file(leftover + "/ja/index.html", "half")
        }
        try scratch.file(".other.tebiki-new-1/keep", "another output's")
        try scratch.file(".site.new-\(getpid())/keep", "a live process's")
        try SiteWriter(output: scratch.path("site")).write(Self.newPages)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted()
                == [".other.tebiki-new-1", ".site.new-\(getpid())", "site"])
    }

    @Test("a build while another holds the lock fails, says so, and leaves the site alone")
    func heldLock() throws {
        let scratch = try oldSite()
        defer { scratch.remove() }
        let fd = open(scratch.path(Self.lock), O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX | LOCK_NB) == 0)
        do {
            try SiteWriter(output: scratch.path("site")).write(Self.newPages)
            Issue.record("the write went ahead under another build's lock")
        } catch {
            #expect(error.message.contains("another tebiki build is writing"), "\(error.message)")
            #expect(!error.message.contains("unchanged"), "the other build may be changing it: \(error.message)")
        }
        #expect(scratch.read("site/ja/index.html") == "old")
        flock(fd, LOCK_UN)
        try SiteWriter(output: scratch.path("site")).write(Self.newPages)
        #expect(scratch.read("site/en/index.html") == "new")
    }

    @Test("tebiki build refuses --output . in a repository and --output content, and deletes nothing",
          arguments: [".", "content", "notes"])
    func buildRefuses(_ output: String) throws {
        let tebiki = try TestTools.tebiki()
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/content", toPath: scratch.path("content"))
        try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: scratch.path("templates"))
        try scratch.file(".git/HEAD", "ref: refs/heads/main\n")
        try scratch.file("notes/todo.txt", "mine")
        let before = scratch.listing()
        let run = try TestTools.run(tebiki, ["build", "--output", output], in: scratch.root.path)
        #expect(run.status == 1, "\(run.err)")
        #expect(run.err.contains("refusing"), "\(run.err)")
        #expect(run.err.contains("nothing was written"), "\(run.err)")
        #expect(scratch.listing() == before, "something was written or deleted")
        #expect(scratch.read("notes/todo.txt") == "mine")
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
