import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TebikiAnalysis
import TebikiModel
import TebikiRender

/// An SVG document read back with an XML parser: well-formedness, elements and texts.
final class SVGReading: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String; var ancestors: [String] }
    var elements: [Element] = []
    var stack: [Int] = []
    var error: String?

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "not well-formed" }
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, text: "", ancestors: stack.map { elements[$0].name }))
        stack.append(elements.count - 1)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    /// The `<text>` lines of the node groups, in document order, grouped per group.
    var nodeTexts: [[String]] {
        var groups: [[String]] = []
        var current: [String] = []
        var inside = false
        for e in elements {
            if e.name == "g", e.attributes["class"]?.contains("tdg-node") == true {
                if inside { groups.append(current) }
                current = []; inside = true
            } else if e.name == "text", inside, e.ancestors.contains("g") {
                current.append(e.text)
            }
        }
        if inside { groups.append(current) }
        return groups
    }
}

@Suite("Diagram SVG")
struct DiagramSVGTests {
    @Test("well-formed, accessible, self-contained", arguments: realDiagramCases)
    func wellFormed(_ name: String) throws {
        let diagram = realDiagram(name)
        let svg = diagram.svg
        let read = SVGReading(svg)
        #expect(read.error == nil, "\(read.error ?? "")")
        let root = try #require(read.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        // Outcomes are links here, so the drawing is a labelled group of links, not one image.
        #expect(root.attributes["role"] == "group")
        #expect(root.attributes["aria-label"] == diagram.title)
        #expect(read.elements[1].name == "title" && read.elements[1].text == diagram.title)
        #expect(read.elements[2].name == "desc" && read.elements[2].text == diagram.textAlternative)
        // Nothing from outside: no scripts, images, imported or remote fonts, remote URLs.
        for bad in ["<script", "<image", "@import", "@font-face", "url(", "https://", "xlink:"] {
            #expect(!svg.contains(bad), "the SVG contains \(bad)")
        }
        #expect(!svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http:"))
    }

    @Test("without links the drawing is an image", arguments: ["ssl-certificate/en", "private-ca/ja"])
    func imageRole(_ name: String) {
        let linked = realDiagram(name)
        let diagram = DecisionDiagram(tree: linked.tree, space: linked.space, language: linked.language)
        let read = SVGReading(diagram.svg)
        #expect(read.elements.first?.attributes["role"] == "img")
        #expect(read.all("a").isEmpty)
    }

    @Test("every question and outcome appears, in its box, each outcome linked", arguments: realDiagramCases)
    func everyNode(_ name: String) throws {
        let diagram = realDiagram(name)
        let graph = diagram.graph
        let read = SVGReading(diagram.svg)
        let texts = read.nodeTexts
        try #require(texts.count == graph.nodes.count)
        for (node, lines) in zip(graph.nodes, texts) {
            let expected = (node.caption.isEmpty ? "" : node.caption) + node.text
            #expect(lines.joined().filter { $0 != " " } == expected.filter { $0 != " " })
        }
        // Every leaf of the tree: an outcome group, with its title, inside a link to its permalink.
        let leaves = diagram.tree.leaves
        #expect(!leaves.isEmpty)
        let links = read.all("a").map { $0.attributes["href"] ?? "" }
        #expect(links.sorted() == leaves.map { "../outcomes/\($0.id).html" }.sorted())
        let outcomes = read.all("g").filter { $0.attributes["class"]?.contains("tdg-outcome") == true }
        #expect(outcomes.count == leaves.count)
        #expect(outcomes.allSatisfy { $0.ancestors.last == "a" })
        for leaf in leaves {
            let title = realModel.outcomes[id: leaf.decision.outcome]!.title[diagram.language.id]
            #expect(read.all("text").contains { $0.text == title }, "outcome \(title) is not drawn")
        }
        // Every question of the tree, and every answer on an edge.
        func questions(_ t: DecisionTree) -> [FactID] {
            if case .question(let f, _, let branches) = t { return [f] + branches.flatMap { questions($0.node) } }
            return []
        }
        let asked = questions(diagram.tree)
        #expect(graph.nodes.filter { $0.kind == .question }.count == asked.count)
        let answerTexts = read.all("g").filter { $0.attributes["class"] == "tdg-answer" }.count
        #expect(answerTexts == graph.nodes.count - 1)
    }

    @Test("outcomes differ from questions by shape and caption, not only colour", arguments: ["ssl-certificate/ja", "private-ca/en"])
    func outcomesDistinguished(_ name: String) {
        let diagram = realDiagram(name)
        let read = SVGReading(diagram.svg)
        let caption = realModel.string("explain.outcome", diagram.language.id)
        let groups = read.all("g").filter { $0.attributes["class"]?.contains("tdg-node") == true }
        let rects = read.all("rect").filter { $0.attributes["class"] == "tdg-box" }
        #expect(groups.count == rects.count)
        for (g, r) in zip(groups, rects) {
            let rx = Double(r.attributes["rx"] ?? "0") ?? 0
            if g.attributes["class"]!.contains("tdg-outcome") {
                #expect(rx >= 15, "an outcome box is a stadium")
            } else {
                #expect(rx < 10, "a question box has square-ish corners")
            }
        }
        #expect(read.all("text").filter { $0.attributes["class"] == "tdg-caption" && $0.text == caption }.count == diagram.tree.leaves.count)
    }

    @Test("numbers have one fixed decimal and the output is deterministic", arguments: realDiagramCases)
    func deterministic(_ name: String) throws {
        let diagram = realDiagram(name)
        let a = diagram.svg
        let again = DecisionDiagram(tree: diagram.tree, space: QuestionSpace(model: realModel), language: diagram.language,
                                    leafLink: { "../outcomes/\($0.id).html" })
        #expect(again.svg == a)
        #expect(again.mermaid == diagram.mermaid)
        let read = SVGReading(a)
        let numeric = ["x", "y", "width", "height", "rx"]
        let pattern = try Regex("^-?[0-9]+\\.[0-9]$")
        for e in read.elements {
            for key in numeric { if let v = e.attributes[key] { #expect(v.wholeMatch(of: pattern) != nil, "\(key)=\(v)") } }
            if let d = e.attributes["d"] {
                for number in d.split(whereSeparator: { "MVHLZ ".contains($0) }) {
                    #expect(String(number).wholeMatch(of: pattern) != nil, "d has \(number)")
                }
            }
        }
    }

    @Test("text from the model is escaped", arguments: ["<b>&amp;\"x\"</b>", "A & B < C > D 'E'", "]]><script>alert(1)</script>"])
    func escaping(_ evil: String) throws {
        let graph = DiagramGraph(nodes: [
            .init(id: "q", kind: .question, text: "Q " + evil, children: [1, 2], depth: 0),
            .init(id: "r_a", kind: .outcome(id: "a", refunds: true, determinable: true), caption: evil, text: evil,
                  answers: [evil], link: "x.html?a=1&b=\"2\"", depth: 1),
            .init(id: "r_b", kind: .gap, text: "gap", answers: ["no " + evil], depth: 1),
        ], title: "T " + evil)
        let svg = DiagramSVG(graph: graph, description: "D " + evil).svg
        let read = SVGReading(svg)
        #expect(read.error == nil)
        #expect(!svg.contains("<b>") && !svg.contains("<script"))
        #expect(read.all("title").first?.text == "T " + evil)
        #expect(read.all("desc").first?.text == "D " + evil)
        #expect(read.all("a").first?.attributes["href"] == "x.html?a=1&b=\"2\"")
        // Every text drawn, put back together, is the model's text.
        let drawn = read.all("text").map(\.text).joined()
        #expect(drawn.filter { $0 != " " }.contains(("Q " + evil).filter { $0 != " " }))
        #expect(read.elements.allSatisfy { ["svg", "title", "desc", "style", "g", "path", "rect", "text", "a"].contains($0.name) })
    }

    @Test("a product's diagram is titled with the product")
    func titled() {
        #expect(realDiagram("ssl-certificate/en").title == "Decision tree: SSL Certificate")
        #expect(realDiagram("private-ca/ja").title == "判定の流れ：プライベート認証局 (PCA)")
    }

    @Test("the text alternative has a line per node, the answers and the outcomes", arguments: realDiagramCases)
    func textAlternative(_ name: String) {
        let diagram = realDiagram(name)
        let graph = diagram.graph
        let lines = diagram.textAlternative.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == graph.nodes.count + 1)
        #expect(lines.first.map(String.init) == diagram.title)
        for node in graph.nodes.dropFirst() {
            #expect(lines.contains { $0.contains(node.text) && $0.contains(node.answers[0]) && $0.hasPrefix(String(repeating: "  ", count: node.depth) + "- ") })
        }
    }
}
