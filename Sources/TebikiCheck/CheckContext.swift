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
    /// The classes and their decisions (shared with the site builder by `tebiki build`).
    let decided: DecidedClasses
    var classes: [ScenarioClasses.Class] { decided.classes }
    let cases: [Case]

    init(model: Model) {
        self.model = model
        let engine = Engine(model: model)
        self.engine = engine
        space = QuestionSpace(model: model)
        decided = DecidedClasses(space: space, engine: engine)
        var cases: [Case] = []
        cases.reserveCapacity(decided.scenarioCount)
        for (c, scenarios) in zip(decided.classes, decided.decided) {
            for d in scenarios {
                switch d.decision {
                case .success(let decision):
                    cases.append(Case(classKey: c.key, input: d.input, derived: decision.scenario, decision: d.decision))
                case .failure:
                    cases.append(Case(classKey: c.key, input: d.input, derived: try? engine.derive(d.input), decision: d.decision))
                }
            }
        }
        self.cases = cases
    }

    /// The counterexample text of a scenario.
    func counterexample(_ scenario: Scenario) -> String { ScenarioJSON.text(scenario, model: model) }
}
