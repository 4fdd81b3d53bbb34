import Foundation
import TebikiContent
import TebikiModel
import Testing

/// Ids and `site.base_url` used to load in any form (issue 15): `Cloud-Deployment`, `a/b`, `../../x`,
/// a `<script>` rule id and a 10,000-character id (which failed only when writing, "File name too
/// long"), and a `base_url` of `"><script>` (which failed only at render, with no location).
@Suite("Ids and base_url are validated where they are read")
struct IdAndBaseURLTests {
    static let long = String(repeating: "a", count: 10_000)

    /// The errors of the fixture with `edit`, as `id@file:line:col`, and their messages.
    func errors(_ edit: Edit) -> (places: [String], messages: [String]) {
        let loaded = LoaderFixture.load([edit])
        #expect(loaded.model == nil)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        return (errors.map(brief), errors.map(\.summary))
    }

    @Test("an id not in its documented form is refused at its place, naming the form", arguments: [
        ("products.yaml", "  - id: widget", "  - id: Cloud-Deployment", 2, "lower-case kebab"),
        ("products.yaml", "  - id: widget", "  - id: a/b", 2, "lower-case kebab"),
        ("products.yaml", "  - id: widget", "  - id: ../../x", 2, "lower-case kebab"),
        ("products.yaml", "  - id: widget", "  - id: widget--x", 2, "lower-case kebab"),
        ("products.yaml", "  - id: widget", "  - id: \(long)", 2, "at most 64"),
        ("rules.yaml", "      - id: late", "      - id: \"<script>alert(1)</script>\"", 7, "ASCII letters, digits"),
        ("facts.yaml", "  - id: paid_on", "  - id: Paid-On", 9, "snake-case"),
    ])
    func badID(_ file: String, _ find: String, _ replace: String, _ line: Int, _ form: String) {
        let (places, messages) = errors(Edit(file, find, replace))
        let column = replace.count - replace.drop { $0 == " " || $0 == "-" }.count + 5
        let place = "content.invalid-value@\(LoaderFixture.edition)/\(file):\(line):\(column)"
        let at = places.firstIndex(of: place)
        #expect(at != nil, "\(places) \(messages)")
        if let at { #expect(messages[at].contains(form), "\(messages[at])") }
        #expect(!messages.contains { $0.count > 1_000 }, "a message never repeats a huge id whole")
    }

    @Test("ids in their documented forms load", arguments: ["kebab", "x1-2-y", "a"])
    func goodID(_ id: String) {
        let loaded = LoaderFixture.load([Edit("products.yaml", "  - id: widget", "  - id: \(id)")])
        #expect(!loaded.diagnostics.contains { $0.severity == .error && $0.summary.contains("must be") })
    }

    @Test("a base_url that is not a plain absolute http(s) URL is refused at its place", arguments: [
        "\"https://x.example/\\\"><script>alert(1)</script>/\"", "\"https://x.example/a b/\"", "\"https:///\"",
        "ftp://x.example/", "https://x.example/<p>/", "\"https://x.example/'/\"", "https://x.example",
    ])
    func badBaseURL(_ url: String) {
        let (places, messages) = errors(Edit("tebiki.yaml", "base_url: https://help.example.com/refunds/", "base_url: \(url)"))
        #expect(places == ["content.invalid-value@content/tebiki.yaml:20:13"], "\(places) \(messages)")
        #expect(messages.first?.contains("absolute http(s) URL") == true)
    }

    @Test("plain base URLs load", arguments: ["https://help.example.com/cms/refunds/", "http://localhost:8080/", "https://x.example/a%20b/?q=1&r=2/"])
    func goodBaseURL(_ url: String) {
        let loaded = LoaderFixture.load([Edit("tebiki.yaml", "base_url: https://help.example.com/refunds/", "base_url: \(url)")])
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.oneLine) == [])
    }
}
