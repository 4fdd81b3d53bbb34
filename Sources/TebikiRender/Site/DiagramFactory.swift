import TebikiAnalysis
import TebikiModel

/// Makes the diagram blocks of the pages from `DecisionDiagram`'s parts: the graph is built once
/// per block, and only the drawing the page's format shows is made (Mermaid or SVG).
struct DiagramFactory {
    /// A product's decision tree drawn for `lang` and the linker's format, its leaves linked to
    /// their permalink pages.
    func block(_ tree: DecisionTree, product: Product, lang: SiteLanguage, linker: Linker) -> MarkdownDocument.DiagramBlock {
        let language = lang.id
        let from = linker.from, ext = linker.ext
        let graph = DiagramGraph(tree: tree, space: lang.space, language: language) { leaf in
            SitePath.relative(from: from.file(ext), to: SiteTree.leafPath(leaf, language: language).file(ext))
        }
        let text = DiagramText(graph: graph, or: lang.s("diagram.or")).text
        return MarkdownDocument.DiagramBlock(
            drawing: linker.html ? DiagramSVG(graph: graph, description: text).svg : DiagramMermaid(graph: graph).text,
            caption: lang.s("site.diagram-caption", ["product": product.title[language]]),
            textAlternative: text
        )
    }
}
