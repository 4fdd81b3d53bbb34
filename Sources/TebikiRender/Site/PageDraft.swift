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

    /// The relative href of `to` (and an anchor in it).
    func href(_ to: SitePath, anchor: String? = nil) -> String {
        let target = from == to ? "" : SitePath.relative(from: from.file(ext), to: to.file(ext))
        let fragment = anchor.map { "#" + $0 } ?? ""
        return target.isEmpty && fragment.isEmpty ? SitePath.relative(from: from.file(ext), to: to.file(ext)) : target + fragment
    }

    /// A Markdown link with escaped text (`[text](href)`).
    func link(_ plainText: String, _ to: SitePath, anchor: String? = nil) -> String {
        "[" + InlineMarker.text(plainText) + "](" + href(to, anchor: anchor) + ")"
    }

    var html: Bool { ext == "html" }
}
