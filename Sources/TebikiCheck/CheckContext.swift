import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// What every checker shares, computed once per check: the question space, the scenario
/// classes, and each class's concrete scenarios with their derived facts and the engine's decision.
struct CheckContext: Sendable {
    /// One concrete scenario of a class.
    struct Case: Sendable {
        /// The class it belongs to (`product=ssl-certificate, …`).
        var classKey: String
        /// The input scenario (as a person would give it).
        var input: Scenario
        /// The scenario with derived facts, or nil when they cannot be computed.
        var derived: Scenario?
        /// The engine's decision, or why it failed.
        var decision: Result<Decision, EngineFailure>
    }

    let model: Model
    let engine: Engine
    let space: QuestionSpace
    let classes: [ScenarioClasses.Class]
    let cases: [Case]

    init(model: Model) {
        self.model = model
        engine = Engine(model: model)
        space = QuestionSpace(model: model)
        let enumeration = ScenarioClasses(space: space)
        classes = enumeration.all()
        // Each class's scenarios decided on every core, kept in class order.
        let classes = self.classes, engine = self.engine
        let perClass = ParallelMap.map(classes.count) { i -> [Case] in
            let c = classes[i]
            return enumeration.scenarios(of: c).map { input in
                do throws(EngineFailure) {
                    let decision = try engine.evaluate(input)
                    return Case(classKey: c.key, input: input, derived: decision.scenario, decision: .success(decision))
                } catch {
                    return Case(classKey: c.key, input: input, derived: try? engine.derive(input), decision: .failure(error))
                }
            }
        }
        let cases = perClass.flatMap { $0 }
        self.cases = cases
    }

    /// The counterexample text of a scenario.
    func counterexample(_ scenario: Scenario) -> String { ScenarioJSON.text(scenario, model: model) }
}
