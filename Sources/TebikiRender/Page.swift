/// One file of the generated site, rendered in memory. A single writer puts pages on disk.
public struct Page: Sendable, Hashable, Comparable {
    /// Path relative to the site root, with `/` separators (`en/products/ssl-certificate.html`).
    public var path: String
    /// The file's contents (text: Markdown, HTML, CSS, SVG, XML).
    public var contents: String

    /// Creates a page.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Pages sort by path, so that every listing of them is stable.
    public static func < (a: Page, b: Page) -> Bool { a.path < b.path }
}
