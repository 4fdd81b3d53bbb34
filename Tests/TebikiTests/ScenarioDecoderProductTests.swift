import Testing
import TebikiAnalysis
import Foundation
import TebikiContent
import TebikiEngine
import TebikiModel

/// Where a fact applies does not depend on how the decoder finds the facts to check: it visits
/// only the facts the product allows (`ProductGate`), and must decode as if it checked every fact
/// of the model. The same model with its product conditions written so that no fact is gated
/// (`[a, b]` as `not(not([a, b]))`, which matches the same values) is checked fact by fact: both
/// must give the same scenario, or the same errors in the same order, for any fields.
@Suite("ScenarioDecoder: where facts apply, whatever the product")
struct ScenarioDecoderProductTests {
    /// `model` with every plain list of values in an `applies_when` written as a double negation,
    /// and the descriptions the decoder's messages give of the two.
    static func ungated(_ model: Model) -> (model: Model, descriptions: [(String, String)]) {
        var facts = model.facts.elements
        var descriptions: [(String, String)] = []
        for i in facts.indices {
            for k in facts[i].appliesWhen.indices {
                guard case .oneOf = facts[i].appliesWhen[k].test else { continue }
                let test = facts[i].appliesWhen[k].test
                facts[i].appliesWhen[k].test = .not(.not(test))
                descriptions.append(("not(not(\(test)))", "\(test)"))
            }
        }
        var result = model
        result.facts = Catalog(facts)
        return (result, descriptions)
    }

    /// `result` with the descriptions of the double negations read back as the lists they stand for.
    static func readBack(_ result: Result<Scenario, ScenarioErrors>, _ descriptions: [(String, String)]) -> Result<Scenario, ScenarioErrors> {
        result.mapError { e in
            ScenarioErrors(e.errors.map { error in
                var message = error.message
                for (long, short) in descriptions { message = message.replacingOccurrences(of: long, with: short) }
                return ScenarioError(field: error.field, message: message)
            })
        }
    }

    static func models() -> [(String, Model)] {
        var models: [(String, Model)] = [("content/", realModel)]
        if let synthetic = BenchGeneratorTests.load(BenchGeneratorTests.generate(5)).model { models.append(("5 synthetic products", synthetic)) }
        return models
    }

    /// Texts a field of `fact` may take: its values, valid and not.
    static func samples(_ fact: Fact) -> [String] {
        switch fact.type {
        case .enumeration: return fact.values.map(\.id) + ["no-such-value"]
        case .boolean: return ["true", "false"]
        case .date: return ["2025-12-01", "2025-12-08", "2025-11-20"]
        case .integer: return ["1", "2", "3", "0", "99"]
        case .decimal: return ["100.00", "0", "-5"]
        }
    }

    @Test("random fields on the real and a synthetic model")
    func sameAsCheckingEveryFact() throws {
        let models = Self.models()
        #expect(models.count == 2, "the synthetic model does not load")
        for (name, model) in models {
            let gated = ScenarioDecoder(model: model)
            let (ungatedModel, descriptions) = Self.ungated(model)
            #expect(ModelPlan(ungatedModel).gate.fact == nil && ModelPlan(model).gate.fact == "product")
            let checkingEveryFact = ScenarioDecoder(model: ungatedModel)
            let inputs = model.facts.filter { !$0.isDerived }
            let product = try #require(model.facts[id: "product"])
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
            var decided = 0, refused = 0
            for round in 0..<600 {
                // Every product in turn, with a random share of the other facts (from none to all).
                let p = product.values[round % product.values.count].id
                let share = next(5)
                var fields: [(String, ScenarioDecoder.Raw)] = [("product", .text(p))]
                for fact in inputs where fact.id != "product" && next(4) < share {
                    let options = Self.samples(fact)
                    fields.append((fact.id, .text(options[next(options.count) % options.count])))
                }
                let a = gated.decode(fields), b = Self.readBack(checkingEveryFact.decode(fields), descriptions)
                #expect(a == b, "\(name): \(fields.map { "\($0.0)=\($0.1)" })")
                if case .success = b { decided += 1 } else { refused += 1 }
            }
            #expect(refused > 0, "\(name): no scenario was refused")
            // Valid scenarios: those of the model's scenario classes, as fields.
            let space = QuestionSpace(model: model)
            for c in ScenarioClasses(space: space).all().prefix(400) {
                let scenario = space.scenario(for: c.answers)
                let fields = scenario.values.keys.sorted().map { ($0, ScenarioDecoder.Raw.text(scenario.values[$0]!.description)) }
                let a = gated.decode(fields), b = Self.readBack(checkingEveryFact.decode(fields), descriptions)
                #expect(a == b, "\(name): \(fields.map { "\($0.0)=\($0.1)" })")
                if case .success = b { decided += 1 }
            }
            #expect(decided > 100, "\(name): too few scenarios were decoded (\(decided))")
        }
    }
}
