import TebikiModel

/// A page before its chrome: where it goes, its title, and its body written for one format
/// (`md` links to `.md` pages, `html` to `.html` pages and places diagrams as SVG).
struct PageDraft {
    /// What a draft writes for one format.
    struct Body {
        var document: MarkdownDocument
        var claims: [StepClaim] = []
    }

    var path: SitePath
    /// The page's title (its one h1), plain text.
    var title: String
    /// Whether the page is listed in the sitemap (question pages of the guide are, too).
    var inSitemap = true
    /// Writes the body (its h1 included) for the format `ext`.
    var write: (_ ext: String) throws(SiteBuildError) -> Body
}

/// Links from one page to others, for one format.
struct Linker {
    let from: SitePath
    let ext: String
    /// `from`'s file, made once for the page's many links.
    private let fromFile: String

    init(from: SitePath, ext: String) {
        self.from = from
        self.ext = ext
        fromFile = from.file(ext)
    }

    /// The relative href of `to` (and an anchor in it); an anchor in the page itself is just `#anchor`.
    func href(_ to: SitePath, anchor: String? = nil) -> String {
        if from == to, let anchor { return "#" + anchor }
        let target = SitePath.relative(from: fromFile, to: to.file(ext))
        return anchor.map { target + "#" + $0 } ?? target
    }

    /// A Markdown link with escaped text (`[text](href)`).
    func link(_ plainText: String, _ to: SitePath, anchor: String? = nil) -> String {
        "[" + InlineMarker.text(plainText) + "](" + href(to, anchor: anchor) + ")"
    }

    var html: Bool { ext == "html" }
}
