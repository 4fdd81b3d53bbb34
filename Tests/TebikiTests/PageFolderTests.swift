import Testing
@testable import TebikiRender

/// A page is counted in its top folder: the first part of its path when there are several, as
/// splitting by `Character` gives it (`SiteBuilder.folder(of:)` reads the path over its bytes).
@Suite("The folder a page is counted in")
struct PageFolderTests {
    /// The reference: the path split by `Character`.
    static func splitFolder(_ path: String) -> String {
        path.split(separator: "/").count > 1 ? String(path.split(separator: "/")[0]) : ""
    }

    static let paths: [String] = [
        "", "/", "//", "index.html", "style.css", "ja/index.html", "en/guide/ask/product=x--promotion=no.md",
        "ja/", "ja//", "/ja", "/ja/index.html", "//ja//index.html", "ja//index.html", "a/b/c/d",
        "ja/ガイド/索引.html", "日本語/index.html", "日本語", "/日本語/", "é/x", "e\u{301}/x",
        // A slash followed by a combining mark is one Character, which is no "/".
        "a/\u{301}b", "a/\u{301}", "/\u{301}/x", "🇯🇵/🏳️‍🌈/x", "👨‍👩‍👧/", "ja/\r\n/x", "\r\n/\r\n", "a\u{200D}/b",
    ]

    @Test("the top folder, as by Character", arguments: paths)
    func sameFolder(_ path: String) {
        #expect(SiteBuilder.folder(of: path) == Self.splitFolder(path))
    }
}
