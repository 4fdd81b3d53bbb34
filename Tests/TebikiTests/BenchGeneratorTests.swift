import Foundation
import Testing
import TebikiAnalysis
import TebikiBench
import TebikiCheck
import TebikiContent
import TebikiEngine
import TebikiModel

/// The benchmark's synthetic models (issue 6): they load clean, every scenario class of them is
/// decided, their citations hold, and the same N always gives the same bytes.
@Suite struct BenchGeneratorTests {
    static let strings: String = (try? String(contentsOfFile: repositoryRoot + "/content/strings.yaml", encoding: .utf8)) ?? ""

    static func generate(_ n: Int) -> [String: String] {
        BenchGenerator(products: n, strings: strings).files()
    }

    static func load(_ files: [String: String]) -> LoadResult {
        ContentLoader.load(from: InMemoryContentSource(files))
    }

    @Test("a synthetic model loads with no diagnostic at all", arguments: [1, 2, 4, 9, 40])
    func loadsClean(products: Int) throws {
        let result = Self.load(Self.generate(products))
        #expect(result.diagnostics.map(\.oneLine) == [])
        let model = try #require(result.model)
        #expect(model.products.count == products)
        #expect(model.facts[id: "product"]?.values.count == products)
        // The entry table: three general rows, then one hand-over per product.
        #expect(model.tables[id: "refund"]?.rules.count == 3 + products)
        // Every product's texts exist in both languages (the loader refuses a missing one; check a sample).
        for product in model.products {
            #expect(!product.title["ja"].isEmpty && !product.title["en"].isEmpty && product.title["ja"] != product.title["en"])
        }
    }

    @Test("the model has every shape of the real content: irreversible actions, waits, repeats, variants, a prorated formula")
    func hasTheRealShapes() throws {
        let model = try #require(Self.load(Self.generate(8)).model)
        let actions = model.machines.flatMap(\.actions)
        #expect(actions.filter(\.irreversible).count == 6)       // 2 revocations, 2 instance resets, 2 unit resets
        #expect(actions.filter { $0.wait?.mustEndInWindow == true }.count == 2)
        #expect(actions.filter { $0.irreversible }.allSatisfy { $0.caution != nil })
        #expect(model.procedures.contains { $0.items.contains { $0.repeatCount != nil } })
        #expect(model.action("request-refund")?.variants.count == 2)
        #expect(model.formulas.count == 1 + 2)
        #expect(Set(model.tables.map(\.hitPolicy)) == [.first, .unique])
    }

    @Test("the engine decides every scenario class, and every row of every table fires")
    func decidesEveryClass() throws {
        let model = try #require(Self.load(Self.generate(8)).model)
        let engine = Engine(model: model)
        let classes = ScenarioClasses(space: QuestionSpace(model: model))
        var fired = Set<String>()
        var outcomes = Set<String>()
        var waitWarnings = 0
        let all = classes.all()
        #expect(all.count > 8 * 3)
        for c in all {
            for scenario in classes.scenarios(of: c) {
                let decision: Decision
                do { decision = try engine.evaluate(scenario) } catch {
                    Issue.record("class \(c.key): \(error)")
                    continue
                }
                fired.formUnion(decision.trace.map { "\($0.table)/\($0.rule)" })
                outcomes.insert(decision.outcome)
                waitWarnings += decision.warnings.filter { $0.warning.hasSuffix("-may-end-late") }.count
            }
        }
        let rows = Set(model.tables.flatMap { table in table.rules.map { "\(table.id)/\($0.id)" } })
        #expect(rows.subtracting(fired).sorted() == [])
        #expect(outcomes == ["full-refund", "prorated-refund", "no-refund", "promotion-terms"])
        #expect(waitWarnings > 0)
    }

    @Test("the checker (tables, steps simulated on the machines, texts) finds nothing to report")
    func passesTheChecker() throws {
        let model = try #require(Self.load(Self.generate(4)).model)
        #expect(Checker(model: model).checkModel().map(\.oneLine) == [])
    }

    @Test("every citation's line of the synthetic page holds its quote")
    func citationsHold() throws {
        let files = Self.generate(9)
        let model = try #require(Self.load(files).model)
        let page = try #require(files[BenchGenerator.pagePath]).split(separator: "\n", omittingEmptySubsequences: false)
        var citations = model.tables.flatMap { $0.rules.map(\.source) }
        citations += model.machines.flatMap(\.actions).compactMap(\.source)
        citations += model.products.compactMap(\.source)
        #expect(citations.count > 9 * 3)
        for c in citations {
            #expect(c.page == "001")
            #expect(c.line >= 1 && c.line <= page.count && page[c.line - 1].contains(c.quote), "line \(c.line): \(c.quote)")
        }
    }

    @Test("the same N gives byte-identical files, and a product's ids do not depend on N")
    func deterministic() {
        let a = Self.generate(12), b = Self.generate(12)
        #expect(a == b)
        #expect(a.keys.sorted() == b.keys.sorted())
        let small = Self.generate(4)
        let rules = "editions/\(BenchGenerator.editionID)/rules.yaml"
        #expect(small[rules].map { $0.contains("id: p0003-") } == true)
        #expect(a[rules].map { $0.contains("id: p0003-") } == true)
        #expect(SyntheticProduct(number: 3).id == BenchGenerator(products: 12, strings: "").products[2].id)
    }
}
