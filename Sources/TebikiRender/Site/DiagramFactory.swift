import TebikiAnalysis
import TebikiModel

/// Makes the diagram blocks of the pages from `DecisionDiagram`'s parts. A product's tree is on
/// two pages (the refund-rules page and the product's page) in two formats; what does not depend
/// on the page (the graph, the Mermaid, the SVG's layout, the text alternative) is made once per
/// product and language, and only the hrefs of the outcomes, relative to the page, per page.
struct DiagramFactory {
    /// The drawings made, by product and language. The factory serves the trees of one site.
    private let made = MadeOnce<Key, Drawings>()

    private struct Key: Hashable, Sendable {
        var product: String
        var language: LanguageID
    }

    /// A product's tree drawn in one language, whatever page it is on.
    private struct Drawings: Sendable {
        /// The leaves the drawing links to, in the order of its links.
        var leaves: [DecisionTree.Leaf]
        /// The block as a Markdown page has it (Mermaid has no links).
        var markdown: String
        /// The SVG, with a gap for each link.
        var svg: DiagramSVG.LinkSlots
        var caption: String
        var textAlternative: String
    }

    /// A product's decision tree (`tree`, the product's tree in the site the factory serves) drawn
    /// for `lang` and the linker's format, its leaves linked to their permalink pages.
    func block(_ tree: DecisionTree, product: Product, lang: SiteLanguage, linker: Linker) -> MarkdownDocument.DiagramBlock {
        let language = lang.id
        let drawings = made.value(for: Key(product: product.id, language: language)) {
            var leaves: [DecisionTree.Leaf] = []
            // Every outcome is linked; the page's hrefs go in the SVG's gaps.
            let graph = DiagramGraph(tree: tree, space: lang.space, language: language) { leaf in
                leaves.append(leaf)
                return leaf.id
            }
            let text = DiagramText(graph: graph, or: lang.s("diagram.or")).text
            return Drawings(
                leaves: leaves,
                markdown: MarkdownDocument.diagramMarkdown(drawing: DiagramMermaid(graph: graph).text, textAlternative: text),
                svg: DiagramSVG(graph: graph, description: text).linkSlots,
                caption: lang.s("site.diagram-caption", ["product": product.title[language]]),
                textAlternative: text
            )
        }
        let drawing: String
        if linker.html {
            let from = linker.from.file(linker.ext)
            drawing = drawings.svg.filled(drawings.leaves.map { leaf in
                SitePath.relative(from: from, to: SiteTree.leafPath(leaf, language: language).file(linker.ext))
            })
        } else {
            drawing = drawings.markdown
        }
        return MarkdownDocument.DiagramBlock(drawing: drawing, caption: drawings.caption, textAlternative: drawings.textAlternative)
    }
}
