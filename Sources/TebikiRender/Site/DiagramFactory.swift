import TebikiAnalysis
import TebikiModel

/// Makes the diagram blocks of the pages from `DecisionDiagram` (Mermaid, SVG, text alternative).
struct DiagramFactory {
    /// A product's decision tree drawn for `lang`, its leaves linked to their permalink pages.
    func block(_ tree: DecisionTree, product: Product, lang: SiteLanguage, linker: Linker) -> MarkdownDocument.DiagramBlock {
        let language = lang.id
        let from = linker.from, ext = linker.ext
        let diagram = DecisionDiagram(tree: tree, space: lang.space, language: lang.language) { leaf in
            SitePath.relative(from: from.file(ext), to: SiteTree.leafPath(leaf, language: language).file(ext))
        }
        return MarkdownDocument.DiagramBlock(
            mermaid: diagram.mermaid,
            svg: diagram.svg,
            caption: lang.s("site.diagram-caption", ["product": product.title[language]]),
            textAlternative: diagram.textAlternative
        )
    }
}
