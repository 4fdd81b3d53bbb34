import TebikiModel

/// A page made elsewhere (the diff's "What changed") that the site publishes like its own guides:
/// a title and a GFM Markdown body per language. The body is model-derived and already escaped;
/// the site renders it through cmark-gfm's safe mode like every other page.
package struct Article: Sendable, Hashable {
    /// The page's file name without extension (`what-changed`), the same in every language.
    package var slug: String
    /// The title per language (the page's one h1).
    package var title: Localized
    /// The Markdown body per language, without the h1.
    package var body: Localized

    /// Creates an article.
    package init(slug: String, title: Localized, body: Localized) {
        self.slug = slug; self.title = title; self.body = body
    }
}
