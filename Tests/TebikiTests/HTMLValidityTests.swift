import Foundation
import Testing

/// Whether the validator tests were switched off on purpose (`TEBIKI_SKIP_HTML_VALIDATOR=1`).
let htmlValidatorSkipped = ProcessInfo.processInfo.environment["TEBIKI_SKIP_HTML_VALIDATOR"] == "1"

/// The Nu Html Checker (v.Nu, the W3C validator's engine) run over every page the build writes.
@Suite("HTML validity (v.Nu)", .disabled(if: htmlValidatorSkipped, "TEBIKI_SKIP_HTML_VALIDATOR=1"))
struct HTMLValidityTests {
    /// One message of the checker.
    struct Message: Decodable {
        var type: String
        var subType: String?
        var url: String?
        var lastLine: Int?
        var firstColumn: Int?
        var lastColumn: Int?
        var message: String
        var extract: String?
    }
    struct Report: Decodable { var messages: [Message] }

    /// vnu.jar: `TEBIKI_VNU_JAR`, or where `scripts/install-deps validator` puts it (`.tools/vnu/vnu.jar`).
    static func vnuJar() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let override = env["TEBIKI_VNU_JAR"].flatMap { $0.isEmpty ? nil : $0 }
        let candidates = override.map { [$0] } ?? [repositoryRoot + "/.tools/vnu/vnu.jar"]
        guard let jar = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw TestTools.Missing(description: "the Nu Html Checker (vnu.jar) is not installed: run `scripts/install-deps validator` (scripts/test does), set TEBIKI_VNU_JAR, or set TEBIKI_SKIP_HTML_VALIDATOR=1 to skip this test on purpose")
        }
        return jar
    }

    static func java() throws -> String {
        guard let java = TestTools.executable(["java"], override: "TEBIKI_JAVA") else {
            throw TestTools.Missing(description: "Java is not installed (the Nu Html Checker needs it): run `scripts/install-deps validator` (scripts/test does), or set TEBIKI_SKIP_HTML_VALIDATOR=1 to skip this test on purpose")
        }
        return java
    }

    /// Runs the checker over files (HTML, and CSS/SVG with the flags) and returns its messages.
    static func check(_ paths: [String], flags: [String] = []) throws -> [Message] {
        let run = try TestTools.run(try java(), ["-Xss2m", "-jar", try vnuJar(), "--format", "json", "--exit-zero-always"] + flags + paths)
        // v.Nu writes its JSON report on standard error.
        guard let data = run.err.data(using: .utf8), let report = try? JSONDecoder().decode(Report.self, from: data) else {
            throw TestTools.Missing(description: "the Nu Html Checker did not report JSON (exit \(run.status)): \(run.err.prefix(500))")
        }
        return report.messages
    }

    @Test("the checker catches an invalid page (so a clean site means something)")
    func checkerWorks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-vnu-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.html")
        try #"<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>block in p</div><a href="x" href="y">dup</a><span id="a"></span><span id="a"></span></body></html>"#
            .write(to: bad, atomically: true, encoding: .utf8)
        let good = dir.appendingPathComponent("good.html")
        try #"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body><main><h1>x</h1></main></body></html>"#
            .write(to: good, atomically: true, encoding: .utf8)
        let messages = try Self.check([bad.path, good.path])
        #expect(messages.contains { $0.type == "error" && $0.url?.hasSuffix("bad.html") == true })
        #expect(!messages.contains { $0.type == "error" && $0.url?.hasSuffix("good.html") == true })
    }

    @Test("every HTML page of the built site, and its style sheet, has no errors")
    func siteIsValid() throws {
        let root = try BuiltSite.directory()
        let pages = try BuiltSite.htmlFiles()
        try #require(pages.count >= 20, "the site has only \(pages.count) HTML pages")
        let css = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".css") || $0.hasSuffix(".svg") }
        let messages = try Self.check((pages + css).map { root + "/" + $0 }, flags: ["--also-check-css", "--also-check-svg"])
        let errors = messages.filter { $0.type == "error" || $0.subType == "fatal" || $0.type == "non-document-error" }
        // One issue per distinct error text, with every page and line it occurs on (a template
        // fault repeats on every page; this keeps the report readable).
        var byMessage: [String: [String]] = [:]
        for e in errors {
            let file = e.url.map { $0.replacingOccurrences(of: "file:" + root + "/", with: "").replacingOccurrences(of: "file:", with: "") } ?? "?"
            byMessage[e.message, default: []].append("\(file):\(e.lastLine ?? 0):\(e.firstColumn ?? e.lastColumn ?? 0)")
        }
        for (message, places) in byMessage.sorted(by: { $0.key < $1.key }) {
            let extract = errors.first { $0.message == message }?.extract ?? ""
            Issue.record("v.Nu: \(message) — \(places.count) time(s): \(places.prefix(5).joined(separator: ", "))\(places.count > 5 ? ", …" : "") — near: \(extract)")
        }
        let errorCount = errors.count, fileCount = Set(errors.compactMap(\.url)).count
        #expect(errorCount == 0, "\(errorCount) errors in \(fileCount) files")
    }
}
