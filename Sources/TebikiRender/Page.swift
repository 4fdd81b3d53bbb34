/// One file of the generated site, rendered in memory. A single writer puts pages on disk.
package struct Page: Sendable, Hashable, Comparable {
    /// Path relative to the site root, with `/` separators (`en/products/ssl-certificate.html`).
    package var path: String
    /// The file's contents (text: Markdown, HTML, CSS, SVG, XML).
    package var contents: String

    /// Creates a page.
    package init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Pages sort by path, so that every listing of them is stable.
    package static func < (a: Page, b: Page) -> Bool { a.path < b.path }
}
