import Testing
@testable import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// A test of `applies_when` as the scenario builder evaluates it, with the fact it tests and
/// the fact it may compare with.
struct PlannedTestCase: Sendable, CustomStringConvertible {
    let test: UnaryTest
    let value: FactValue?
    let other: FactValue?
    var description: String { "\(test) on \(value.map(\.description) ?? "nil") with other \(other.map(\.description) ?? "nil")" }
}

@Suite("Scenario classes and their scenarios")
struct ScenarioClassesTests {
    static let plannedCases: [PlannedTestCase] = [
        PlannedTestCase(test: .compare(.lessOrEqual, .fact("other")), value: .integer(3), other: .integer(5)),
        PlannedTestCase(test: .compare(.lessOrEqual, .fact("other")), value: .integer(7), other: .integer(5)),
        PlannedTestCase(test: .compare(.equal, .fact("other")), value: .integer(5), other: .decimal(Exact(integer: 5))),
        PlannedTestCase(test: .compare(.greaterThan, .fact("other")), value: .integer(3), other: nil),
        PlannedTestCase(test: .compare(.greaterThan, .fact("other")), value: nil, other: .integer(3)),
        PlannedTestCase(test: .not(.compare(.greaterThan, .fact("other"))), value: .integer(3), other: nil),
        PlannedTestCase(test: .not(.compare(.greaterThan, .fact("other"))), value: .integer(9), other: .integer(3)),
        PlannedTestCase(test: .not(.not(.compare(.notEqual, .fact("other")))), value: .symbol("a"), other: .symbol("b")),
        PlannedTestCase(test: .oneOf([.symbol("a"), .symbol("b")]), value: .symbol("b"), other: nil),
        PlannedTestCase(test: .oneOf([.symbol("a")]), value: nil, other: nil),
        PlannedTestCase(test: .not(.isNull), value: nil, other: .integer(1)),
        PlannedTestCase(test: .range(.integer(1), .integer(3)), value: .integer(3), other: nil),
        PlannedTestCase(test: .compare(.lessThan, .value(.integer(0))), value: .integer(-1), other: nil),
    ]

    @Test("a planned test reads another fact's slot as the test reads the scenario", arguments: plannedCases)
    func plannedTest(_ c: PlannedTestCase) {
        var scenario = Scenario()
        scenario["fact"] = c.value
        scenario["other"] = c.other
        var draft = QuestionPlan.Draft(capacity: 2)
        draft[0] = c.value
        draft[1] = c.other
        let planned = QuestionPlan.PlannedTest(c.test, slot: { $0 == "fact" ? 0 : 1 })
        #expect(planned.matches(c.value, in: draft) == c.test.matches(c.value, in: scenario))
    }

    @Test("drafts are the same scenario whatever the order their facts were set in, and a fact without value is no fact")
    func sameValues() {
        var a = QuestionPlan.Draft(capacity: 4)
        a[0] = .integer(1); a[1] = .symbol("x"); a[2] = .boolean(true); a[2] = nil
        var b = QuestionPlan.Draft(capacity: 4)
        b[1] = .symbol("x"); b[0] = .integer(1)
        #expect(a.sameValues(as: b) && b.sameValues(as: a))
        b[3] = .integer(0)
        #expect(!a.sameValues(as: b) && !b.sameValues(as: a))
        b[3] = nil; b[0] = .integer(2)
        #expect(!a.sameValues(as: b) && !b.sameValues(as: a))
    }

    /// `fact=answer` for every answer to a question, in question order.
    private static func expectedKey(_ answers: [FactID: Answer], space: QuestionSpace) -> String {
        answers.compactMap { id, a in space.position(of: id).map { ($0, "\(id)=\(a.id)") } }
            .sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ", ")
    }

    @Test("every class's key names its answers in question order, and no two classes share one")
    func keys() {
        let space = QuestionSpace(model: realModel)
        let classes = ScenarioClasses(space: space).all()
        #expect(classes.count > 1000)
        for c in classes { #expect(c.key == Self.expectedKey(c.answers, space: space)) }
        #expect(Set(classes.map(\.key)).count == classes.count)
    }

    /// `a` with storage of its own (equal, another identity).
    private static func copy(_ a: Answer) -> Answer { var b = a; b.id = a.id; return b }

    @Test("a scenario reads each answer for the fact it answers, whether it is the space's own, a copy, or another fact's")
    func answersByIdentity() throws {
        let space = QuestionSpace(model: realModel)
        let classes = ScenarioClasses(space: space).all()
        var rng = SeededGenerator(seed: 4)
        for c in classes.shuffled(using: &rng).prefix(300) {
            let copies = c.answers.mapValues(Self.copy)
            #expect(space.scenario(for: copies) == space.scenario(for: c.answers))
            #expect(space.scenario(for: copies, lastDayInTime: false) == space.scenario(for: c.answers, lastDayInTime: false))
            // Two facts given each other's answers (the space's own values): read as those facts' answers.
            let facts = c.answers.keys.sorted()
            guard facts.count >= 2 else { continue }
            let (f, g) = (facts[0], facts[facts.count - 1])
            var swapped = c.answers
            swapped[f] = c.answers[g]; swapped[g] = c.answers[f]
            let swappedCopies = swapped.mapValues(Self.copy)
            #expect(space.scenario(for: swapped) == space.scenario(for: swappedCopies))
        }
    }

    @Test("a class's boundary scenarios are the scenarios of its answers on the last day in time and on day 0")
    func boundaries() {
        let space = QuestionSpace(model: realModel)
        let enumeration = ScenarioClasses(space: space)
        var twos = 0
        for c in enumeration.all() {
            let late = space.scenario(for: c.answers, lastDayInTime: true)
            let early = space.scenario(for: c.answers, lastDayInTime: false)
            let expected = late == early ? [late] : [late, early]
            let boundary = enumeration.boundaryScenarios(of: c)
            #expect(boundary.map(\.scenario) == expected)
            #expect(boundary.allSatisfy { !$0.hasDerivedFacts })
            // The slots name the facts each scenario has, each once.
            for b in boundary {
                #expect(b.slots.map { space.plan.slots.ids[$0] }.sorted() == b.scenario.values.keys.sorted())
            }
            if expected.count == 2 { twos += 1 }
        }
        #expect(twos > 100)
    }
}

@Suite("The engine's walk of the tables")
struct EngineTableWalkTests {
    /// The real model with the entry table's rows handing over to `next`.
    private static func model(entryRowsGoTo next: String) -> Model {
        var model = realModel
        let entry = model.edition.entryTable
        model.tables = Catalog(model.tables.map { table in
            guard table.id == entry else { return table }
            var t = table
            for k in t.rules.indices { t.rules[k].result = .next(next) }
            return t
        })
        return model
    }

    /// The message of the engine's failure in `body`, nil when it succeeds.
    private static func failure<T>(_ body: () throws -> T) -> String? {
        do { _ = try body(); return nil } catch { return (error as? EngineFailure)?.message ?? "\(error)" }
    }

    @Test("a table that hands over to a table already run, or to no table, fails with its id", arguments: [
        ("entry", "tables loop back to "),
        ("no-such-table", "no table no-such-table"),
    ])
    func failures(_ next: String, _ message: String) throws {
        let entry = realModel.edition.entryTable
        let model = Self.model(entryRowsGoTo: next == "entry" ? entry : next)
        let space = QuestionSpace(model: model)
        let c = try #require(ScenarioClasses(space: space).all().first)
        #expect(Self.failure { try Engine(model: model).evaluate(space.scenario(for: c.answers)) } == (next == "entry" ? message + entry : message))
    }

    @Test("the engine fires the rows the real model's tables give, and reads their row indexes")
    func fireByID() throws {
        let engine = Engine(model: realModel)
        let space = QuestionSpace(model: realModel)
        let c = try #require(ScenarioClasses(space: space).all().first)
        let scenario = try engine.derive(space.scenario(for: c.answers))
        let entry = realModel.edition.entryTable
        let rule = try engine.fire(entry, scenario: scenario)
        #expect(try engine.evaluate(space.scenario(for: c.answers)).trace.first?.rule == rule.id)
        #expect(engine.rowIndex(of: entry) != nil && engine.rowIndex(of: "no-such-table") == nil)
        #expect(Self.failure { try engine.fire("no-such-table", scenario: scenario) } == "no table no-such-table")
    }
}
