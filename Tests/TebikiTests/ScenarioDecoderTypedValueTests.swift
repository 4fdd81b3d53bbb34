import Testing
import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// The semantic diff gives the decoder typed values (`Raw.value`) instead of their text: a typed
/// value must be decoded exactly as its text would be, to the same scenario or the same errors.
@Suite("ScenarioDecoder: a typed value decodes as its text")
struct ScenarioDecoderTypedValueTests {
    /// Values of every kind, valid and not for each fact type: out of range, negative, too many
    /// decimal places, too large, unknown symbols, wrong kinds.
    static let values: [FactValue] = [
        .boolean(true), .boolean(false),
        .integer(0), .integer(1), .integer(3), .integer(99), .integer(-1),
        .integer(999_999_999_999_999), .integer(1_000_000_000_000_000),
        .integer(-99_999_999_999_999), .integer(-100_000_000_000_000), .integer(Int.max), .integer(Int.min),
        .decimal(Exact(decimal: "100.00")!), .decimal(Exact(decimal: "0")!), .decimal(Exact(decimal: "-5")!),
        .decimal(Exact(decimal: "0.005")!), .decimal(Exact(decimal: "1000000000000")!), .decimal(Exact(decimal: "1000000000000.01")!),
        .decimal(try! Exact(1, over: 3)),
        .date(CalendarDate(iso: "2025-12-01")!), .date(CalendarDate(iso: "1900-01-01")!), .date(CalendarDate(iso: "9899-12-31")!),
        .date(CalendarDate(year: 1899, month: 12, day: 31)!), .date(CalendarDate(year: 9900, month: 1, day: 1)!),
        .symbol("true"), .symbol("12"), .symbol("2025-12-01"), .symbol("no-such-value"), .symbol(""),
    ]

    /// Real scenarios of the model (the concrete scenarios of its first classes).
    static func scenarios(_ model: Model) -> [Scenario] {
        let classes = ScenarioClasses(space: QuestionSpace(model: model))
        return classes.all().prefix(8).flatMap { classes.scenarios(of: $0) }
    }

    @Test("every value in every input fact of real scenarios", arguments: ScenarioDecoderProductTests.models().map(\.0))
    func sameAsText(model name: String) {
        let model = ScenarioDecoderProductTests.models().first { $0.0 == name }!.1
        let decoder = ScenarioDecoder(model: model)
        let inputs = model.facts.filter { !$0.isDerived }.map(\.id)
        let scenarios = Self.scenarios(model)
        #expect(!scenarios.isEmpty)
        var decoded = 0
        for base in scenarios {
            let fields = inputs.compactMap { id in base[id].map { (id, $0) } }
            // The scenario as it is, then with each input fact set to each value in turn.
            var cases = [fields]
            for fact in inputs {
                for value in Self.values { cases.append(fields.filter { $0.0 != fact } + [(fact, value)]) }
            }
            for c in cases {
                let typed = decoder.decode(c.map { ($0.0, .value($0.1)) })
                let text = decoder.decode(c.map { ($0.0, .text($0.1.description)) })
                #expect(typed == text, "\(c)")
                if case .success = typed { decoded += 1 }
            }
        }
        #expect(decoded > 0, "no case decodes")
    }

    @Test("each value alone in each input fact")
    func aloneSameAsText() {
        let model = realModel
        let decoder = ScenarioDecoder(model: model)
        for fact in model.facts where !fact.isDerived {
            for value in Self.values {
                let typed = decoder.decode([(fact.id, .value(value))])
                let text = decoder.decode([(fact.id, .text(value.description))])
                #expect(typed == text, "\(fact.id) = \(value)")
            }
        }
    }
}
