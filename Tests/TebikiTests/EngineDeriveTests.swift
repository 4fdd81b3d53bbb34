import Testing
import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// The derived facts as the engine defines them: every derived fact of the model, in declaration
/// order, set to its value or to none (the engine visits only those a scenario can have).
private func referenceDerive(_ input: Scenario, model: Model) throws -> Scenario {
    var s = input
    let window = model.edition.window
    for fact in model.facts {
        guard let derivation = fact.derivation else { continue }
        switch derivation {
        case .withinWindow(let dateFact), .dayOfWindow(let dateFact):
            guard case .date(let start)? = s[window.countsFrom], case .date(let date)? = s[dateFact] else { s[fact.id] = nil; continue }
            let day = start.days(to: date)
            if case .withinWindow = derivation { s[fact.id] = .boolean(day >= 0 && day <= window.length) } else { s[fact.id] = .integer(day) }
        case .expression(let e):
            guard e.facts.allSatisfy({ s[$0] != nil }) else { s[fact.id] = nil; continue }
            let v = try e.evaluate(in: s)
            s[fact.id] = fact.type == .integer ? .integer(try #require(Int(exactly: v.numerator))) : .decimal(v)
        }
    }
    return s
}

/// What an input gives the derived facts before the engine runs.
enum StaleDerivedValues: String, CaseIterable, Sendable {
    /// Nothing: the input has no derived fact (as a class's scenarios).
    case none
    /// A wrong value for every derived fact: each must be recomputed or removed.
    case every
}

@Suite("The engine's derived facts")
struct EngineDeriveTests {
    /// Every boundary scenario of every class of `model`, with `stale` values for its derived facts.
    private static func inputs(_ model: Model, stale: StaleDerivedValues) -> [Scenario] {
        let space = QuestionSpace(model: model)
        let enumeration = ScenarioClasses(space: space)
        return enumeration.all().flatMap { enumeration.scenarios(of: $0) }.map { input in
            guard stale == .every else { return input }
            var s = input
            for f in model.facts where f.isDerived { s[f.id] = f.type == .boolean ? .boolean(false) : .integer(-99) }
            return s
        }
    }

    @Test("derive gives every derived fact the value, or the absence of one, that visiting them all gives", arguments: StaleDerivedValues.allCases)
    func matchesReference(_ stale: StaleDerivedValues) throws {
        let engine = Engine(model: realModel)
        let inputs = Self.inputs(realModel, stale: stale)
        #expect(inputs.count > 1000)
        for input in inputs { #expect(try engine.derive(input) == referenceDerive(input, model: realModel)) }
    }

    @Test("a derived fact that repeats an earlier one's id and has no value removes the earlier one's")
    func repeatedID() throws {
        var model = realModel
        let window = try #require(model.facts.first { if case .withinWindow = $0.derivation { true } else { false } })
        // Triggered by the product, which every scenario has, but never a date: visited, and no value.
        var repeated = window
        repeated.derivation = .withinWindow("product")
        model.facts = Catalog(model.facts.elements + [repeated])
        let engine = Engine(model: model)
        var removed = 0
        for input in Self.inputs(realModel, stale: .none) {
            let derived = try engine.derive(input)
            #expect(derived == (try referenceDerive(input, model: model)))
            #expect(derived[window.id] == nil)
            if try Engine(model: realModel).derive(input)[window.id] != nil { removed += 1 }
        }
        #expect(removed > 100)
    }

    @Test("evaluate with the triggers of the input's facts, in any order, decides as evaluate does; so do the decided classes")
    func triggers() throws {
        let engine = Engine(model: realModel)
        var rng = SeededGenerator(seed: 6)
        for input in Self.inputs(realModel, stale: .every).shuffled(using: &rng).prefix(500) {
            let triggers = input.values.keys.compactMap { engine.trigger(of: $0) }.shuffled(using: &rng)
            #expect(try engine.evaluate(input, triggers: triggers) == engine.evaluate(input))
        }
        let space = QuestionSpace(model: realModel)
        let decided = DecidedClasses(space: space, engine: engine)
        let enumeration = ScenarioClasses(space: space)
        for (c, scenarios) in zip(decided.classes, decided.decided) {
            let expected = enumeration.scenarios(of: c)
            #expect(scenarios.count == expected.count)
            for (d, input) in zip(scenarios, expected) { #expect(try d.decision.get() == engine.evaluate(input)) }
        }
        #expect(engine.trigger(of: "no_such_fact") == nil)
    }
}
