@testable import TebikiCheck
import TebikiModel
import Testing

/// The table walk split into chunks of scenario classes, walked in parallel and merged, says
/// exactly what one walk in class order says: the same diagnostics in the same order.
@Suite("Check: the table walk in chunks")
struct TableWalkChunkTests {
    /// A model and what it must give at least (so that the comparison compares something).
    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var expected: [String]
        var model: @Sendable () -> Model
        var testDescription: String { name }
    }

    /// Adds, at the end of every table but the entry table, a copy of its first row under a new
    /// id: with hit policy first, a shadowed row in each (witnesses found all over the classes).
    static func shadowEveryTable(_ model: Model) -> Model {
        var model = model
        var tables = model.tables.elements
        for t in tables.indices where tables[t].id != model.edition.entryTable && tables[t].hitPolicy == .first {
            var row = tables[t].rules[0]
            row.id += "-copy"
            tables[t].rules.append(row)
        }
        model.tables = Catalog(tables)
        return model
    }

    /// Widens the first row of every table to every value: with hit policy unique, overlaps.
    static func overlapEveryTable(_ model: Model) -> Model {
        var model = model
        var tables = model.tables.elements
        for t in tables.indices where tables[t].hitPolicy == .unique {
            tables[t].rules[0].conditions = []
        }
        model.tables = Catalog(tables)
        return model
    }

    static func loaded(_ patches: [Patch]) -> Model {
        guard let model = RealContent.load(patches).model else { fatalError("the patched content does not load") }
        return model
    }

    static func synthetic(_ n: Int) -> Model {
        guard let model = BenchGeneratorTests.load(BenchGeneratorTests.generate(n)).model else { fatalError("N=\(n) does not load") }
        return model
    }

    static let examples: [Example] = [
        Example(name: "the real content", expected: []) { realModel },
        Example(name: "an overlapping row", expected: ["check.table.overlap"]) {
            loaded([Patch("rules.yaml", "      - id: P-2-reset\n        when: {ca_status: reset}", "      - id: P-2-reset\n        when: {ca_status: \"enabled, reset\"}")])
        },
        Example(name: "a gap", expected: ["check.table.gap"]) {
            loaded([Patch("rules.yaml", "      - id: H-unused\n        when: {domain_added: false}", "      - id: H-unused\n        when: {domain_added: false, grcq_consumed: 0}")])
        },
        Example(name: "a shadowed row", expected: ["check.table.shadowed-row"]) {
            loaded([Patch("rules.yaml", "        when: {certificate_status: none}", "        when: {certificate_status: \"none, removed\"}")])
        },
        Example(name: "the real content, a shadowed row in every table", expected: ["check.table.shadowed-row"]) { shadowEveryTable(realModel) },
        Example(name: "the real content, overlaps in every table", expected: ["check.table.overlap"]) { overlapEveryTable(realModel) },
        Example(name: "40 synthetic products", expected: []) { synthetic(40) },
        Example(name: "40 synthetic products, a shadowed row in every table", expected: ["check.table.shadowed-row"]) { shadowEveryTable(synthetic(40)) },
        Example(name: "40 synthetic products, overlaps in every table", expected: ["check.table.overlap"]) { overlapEveryTable(synthetic(40)) },
    ]

    @Test("any number of chunks gives the diagnostics of one walk, in its order", arguments: examples)
    func sameAsOneWalk(_ example: Example) {
        let checker = TableChecker(context: CheckContext(model: example.model()))
        let one = checker.run(chunks: 1)
        for id in example.expected { #expect(one.contains { $0.id == id }, "expected \(id); got \(one.map(\.oneLine))") }
        for chunks in [2, 3, 7, 16, 1_000_000] {
            let split = checker.run(chunks: chunks)
            #expect(split == one, "\(chunks) chunks: \(split.map(\.oneLine)) instead of \(one.map(\.oneLine))")
        }
    }
}
