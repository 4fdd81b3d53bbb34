import Testing
import TebikiAnalysis
import TebikiModel
import TebikiRender

/// The decision-tree diagrams of the real content, one per product and language.
let realProductDiagrams: [(product: String, language: Language, diagram: DecisionDiagram)] = {
    let space = QuestionSpace(model: realModel)
    let builder = TreeBuilder(space: space)
    guard let product = space.questions["product"] else { return [] }
    return realModel.languages.flatMap { language in
        product.answers.map { answer in
            let tree = builder.tree(given: ["product": answer])
            let diagram = DecisionDiagram(tree: tree, space: space, language: language,
                                          leafLink: { "../outcomes/\($0.id).html" })
            return (answer.id, language, diagram)
        }
    }
}()

/// Every product × language, as test arguments ("ssl-certificate/ja").
let realDiagramCases: [String] = realProductDiagrams.map { "\($0.product)/\($0.language.id)" }

func realDiagram(_ name: String) -> DecisionDiagram {
    realProductDiagrams.first { "\($0.product)/\($0.language.id)" == name }!.diagram
}

@Suite("Diagram layout")
struct DiagramLayoutTests {
    @Test("there is a diagram per product and language")
    func everyProduct() {
        #expect(realProductDiagrams.count == realModel.facts[id: "product"]!.values.count * realModel.languages.count)
        #expect(realProductDiagrams.count >= 14)
    }

    @Test("no two boxes or answer labels overlap, and everything lies inside the drawing", arguments: realDiagramCases)
    func noOverlapReal(_ name: String) {
        let diagram = realDiagram(name)
        let layout = DiagramSVG(graph: diagram.graph, description: "").layout()
        expectTidy(layout, children: diagram.graph.nodes.map(\.children))
    }

    @Test("random trees with random box sizes never overlap", arguments: 0..<40)
    func noOverlapRandom(_ seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 17)
        var items: [TreeLayout.Item] = [TreeLayout.Item(width: 400 + Int.random(in: 0...2000, using: &rng), height: 300)]
        var depth = [0]
        let count = Int.random(in: 1...60, using: &rng)
        for _ in 1..<max(count, 2) {
            // Attach to a random earlier node, biased to the deep end, up to 7 levels.
            var parent = Int.random(in: 0..<items.count, using: &rng)
            if depth[parent] >= 6 { parent = 0 }
            let hasLabel = Bool.random(using: &rng)
            items.append(TreeLayout.Item(width: Int.random(in: 100...3000, using: &rng), height: Int.random(in: 200...900, using: &rng),
                                         labelWidth: hasLabel ? Int.random(in: 100...2500, using: &rng) : 0,
                                         labelHeight: hasLabel ? Int.random(in: 150...600, using: &rng) : 0))
            items[parent].children.append(items.count - 1)
            depth.append(depth[parent] + 1)
        }
        // Children must be numbered after their parents for pre-order pictures; the layout must
        // not care: it takes any tree rooted at 0.
        let layout = TreeLayout(items)
        expectTidy(layout, children: items.map(\.children))
        for (i, item) in items.enumerated() {
            #expect(layout.boxes[i].width == item.width && layout.boxes[i].height == item.height)
            #expect(layout.labels[i].width == item.labelWidth && layout.labels[i].height == item.labelHeight)
        }
    }

    @Test("a parent is centred over its first and last child")
    func centred() {
        let items = [
            TreeLayout.Item(width: 500, height: 300, children: [1, 2, 3]),
            TreeLayout.Item(width: 800, height: 300, labelWidth: 300, labelHeight: 200),
            TreeLayout.Item(width: 800, height: 300, labelWidth: 1200, labelHeight: 200),
            TreeLayout.Item(width: 800, height: 300, labelWidth: 300, labelHeight: 200),
        ]
        let layout = TreeLayout(items)
        let first = layout.boxes[1].midX, last = layout.boxes[3].midX
        #expect(abs(layout.boxes[0].midX - (first + last) / 2) <= 1)
        // The wide label of the middle child pushes its neighbours apart.
        #expect(layout.labels[2].x >= layout.boxes[1].maxX)
        #expect(layout.boxes[3].x >= layout.labels[2].maxX)
        // Rows: every child's box is below the parent's, labels between.
        for c in 1...3 {
            #expect(layout.labels[c].y > layout.boxes[0].maxY)
            #expect(layout.boxes[c].y > layout.labels[c].maxY)
        }
    }

    @Test("a single node is laid out with its margin")
    func single() {
        let layout = TreeLayout([TreeLayout.Item(width: 1000, height: 400)])
        #expect(layout.boxes == [TreeLayout.Rect(x: 80, y: 80, width: 1000, height: 400)])
        #expect(layout.width == 1160 && layout.height == 560)
    }

    /// No overlaps among boxes and labels; everything inside; children below their parents.
    func expectTidy(_ layout: TreeLayout, children: [[Int]], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var rects: [(String, TreeLayout.Rect)] = []
        for (i, box) in layout.boxes.enumerated() { rects.append(("box \(i)", box)) }
        for (i, label) in layout.labels.enumerated() where label.width > 0 { rects.append(("label \(i)", label)) }
        for a in rects.indices {
            let r = rects[a].1
            #expect(r.x >= 0 && r.y >= 0 && r.maxX <= layout.width && r.maxY <= layout.height,
                    "\(rects[a].0) lies outside the drawing", sourceLocation: sourceLocation)
            for b in rects.indices where b > a {
                #expect(!r.overlaps(rects[b].1), "\(rects[a].0) overlaps \(rects[b].0)", sourceLocation: sourceLocation)
            }
        }
        for (p, kids) in children.enumerated() {
            for c in kids {
                #expect(layout.boxes[c].y > layout.boxes[p].maxY, "child \(c) is not below \(p)", sourceLocation: sourceLocation)
                if layout.labels[c].width > 0 {
                    #expect(abs(layout.labels[c].midX - layout.boxes[c].midX) <= 1, sourceLocation: sourceLocation)
                }
            }
        }
    }
}
