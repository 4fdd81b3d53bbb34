import Testing
import TebikiModel
import TebikiRender

/// A Mermaid flowchart read back line by line: declarations, edges, classes.
struct MermaidReading {
    var header = ""
    var declared: [(id: String, shape: String, label: String)] = []
    var edges: [(from: String, label: String, to: String)] = []
    var classes: [(ids: [String], name: String)] = []
    var classDefs: [String] = []
    var unknown: [String] = []

    init(_ text: String) throws {
        let node = try Regex(#"^    ([A-Za-z][A-Za-z0-9_]*)(\[|\(\[|\{\{)"([^"]*)"(\]|\]\)|\}\})$"#)
        let edge = try Regex(#"^    ([A-Za-z][A-Za-z0-9_]*) -->\|"([^"]*)"\| ([A-Za-z][A-Za-z0-9_]*)$"#)
        let classLine = try Regex(#"^    class ([A-Za-z0-9_,]+) ([A-Za-z]+)$"#)
        let classDef = try Regex(#"^    classDef ([A-Za-z]+) [a-z-]+:[^ ]+( [0-9]+)?$"#)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let s = String(line)
            if i == 0 { header = s; continue }
            if s.isEmpty { continue }
            if let m = s.wholeMatch(of: node) {
                declared.append((String(m.output[1].substring!), String(m.output[2].substring!), String(m.output[3].substring!)))
            } else if let m = s.wholeMatch(of: edge) {
                edges.append((String(m.output[1].substring!), String(m.output[2].substring!), String(m.output[3].substring!)))
            } else if let m = s.wholeMatch(of: classLine) {
                classes.append((m.output[1].substring!.split(separator: ",").map(String.init), String(m.output[2].substring!)))
            } else if let m = s.wholeMatch(of: classDef) {
                classDefs.append(String(m.output[1].substring!))
            } else {
                unknown.append(s)
            }
        }
    }
}

@Suite("Diagram Mermaid")
struct DiagramMermaidTests {
    /// Words Mermaid reads as keywords; a node id must not be one.
    static let reserved: Set<String> = ["end", "graph", "flowchart", "subgraph", "class", "classDef", "click", "style", "linkStyle", "direction", "default"]

    @Test("a flowchart: every node declared once, every edge between declared nodes", arguments: realDiagramCases)
    func syntax(_ name: String) throws {
        let diagram = realDiagram(name)
        let text = diagram.mermaid
        let m = try MermaidReading(text)
        #expect(m.header == "flowchart TD")
        #expect(m.unknown.isEmpty, "lines Mermaid would not read as intended: \(m.unknown)")
        let ids = m.declared.map(\.id)
        #expect(Set(ids).count == ids.count, "a node is declared twice")
        #expect(ids.count == diagram.graph.nodes.count)
        #expect(ids.allSatisfy { !Self.reserved.contains($0.lowercased()) })
        // A tree: one edge into every node but the root, none into the root.
        #expect(m.edges.count == ids.count - 1)
        let declared = Set(ids)
        for e in m.edges {
            #expect(declared.contains(e.from) && declared.contains(e.to), "edge \(e.from) → \(e.to) to an undeclared node")
        }
        #expect(Set(m.edges.map(\.to)) == declared.subtracting([ids[0]]))
        // Every edge is labelled; outcomes are stadiums in a class.
        #expect(m.edges.allSatisfy { !$0.label.isEmpty })
        let outcomeIDs = m.declared.filter { $0.shape == "([" }.map(\.id)
        #expect(outcomeIDs.count == diagram.tree.leaves.count)
        let classed = Set(m.classes.flatMap(\.ids))
        #expect(Set(outcomeIDs).isSubset(of: classed))
        #expect(classed.isSubset(of: declared))
        #expect(Set(m.classes.map(\.name)).isSubset(of: Set(m.classDefs)))
        #expect(text.hasSuffix("\n"))
    }

    @Test("labels carry the questions, answers and outcomes", arguments: realDiagramCases)
    func labels(_ name: String) throws {
        let diagram = realDiagram(name)
        let m = try MermaidReading(diagram.mermaid)
        let unwrap = { (s: String) in s.replacingOccurrences(of: "<br>", with: "").replacingOccurrences(of: " ", with: "") }
        for (node, decl) in zip(diagram.graph.nodes, m.declared) {
            #expect(decl.id == node.id)
            let expected = MermaidEscape.expected(node.caption + node.text)
            #expect(unwrap(decl.label) == expected, "\(decl.label)")
        }
        for leaf in diagram.tree.leaves {
            let title = realModel.outcomes[id: leaf.decision.outcome]!.title[diagram.language.id]
            #expect(m.declared.contains { unwrap($0.label).hasSuffix(MermaidEscape.expected(title)) })
        }
    }

    @Test("node ids are stable: made of the answers on the way, not of positions")
    func stableIDs() throws {
        let m = try MermaidReading(realDiagram("ssl-certificate/en").mermaid)
        #expect(m.declared[0].id == "q")
        #expect(m.declared.contains { $0.id == "q_no" })
        #expect(m.declared.filter { $0.id.hasPrefix("r_") }.count == realDiagram("ssl-certificate/en").tree.leaves.count)
        // The same ids in both languages.
        let ja = try MermaidReading(realDiagram("ssl-certificate/ja").mermaid)
        #expect(ja.declared.map(\.id) == m.declared.map(\.id))
    }

    @Test("labels are escaped for Mermaid", arguments: [
        ("say \"hi\"", "say #quot;hi#quot;"),
        ("<b>bold</b> & co", "#lt;b#gt;bold#lt;/b#gt; #amp; co"),
        ("a | b # c", "a #124; b #35; c"),
        ("`code`", "#96;code#96;"),
        ("line\nbreak", "line break"),
    ])
    func escaping(_ input: String, _ expected: String) throws {
        let graph = DiagramGraph(nodes: [
            .init(id: "q", kind: .question, text: input, children: [1], depth: 0),
            .init(id: "r_x", kind: .outcome(id: "x", refunds: false, determinable: true), text: input, answers: [input], depth: 1),
        ], title: input)
        let text = DiagramMermaid(graph: graph).text
        let m = try MermaidReading(text)
        #expect(m.unknown.isEmpty, "\(m.unknown)")
        #expect(m.declared.map(\.label) == [expected, expected])
        #expect(m.edges.map(\.label) == [expected])
    }
}

/// What a label becomes once escaped, without line breaks or spaces (to compare wrapped labels).
enum MermaidEscape {
    static func expected(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "|": out += "#124;"
            case "`": out += "#96;"
            case " ", "\n": continue
            default: out.append(c)
            }
        }
        return out
    }
}
