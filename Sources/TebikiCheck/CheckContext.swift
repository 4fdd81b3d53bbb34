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
        var decided: DecidedClasses.Decided
        /// The scenario with derived facts, or nil when they cannot be computed.
        var derived: Scenario?
        /// The input scenario (as a person would give it).
        var input: Scenario { decided.input }
        /// The engine's decision, or why it failed.
        var decision: Result<Decision, EngineFailure> { decided.decision }
    }

    let model: Model
    let engine: Engine
    let space: QuestionSpace
    /// The classes and their decisions (shared with the site builder by `tebiki build`).
    let decided: DecidedClasses
    var classes: [ScenarioClasses.Class] { decided.classes }

    init(model: Model) {
        self.model = model
        let plan = ModelPlan(model)
        let engine = Engine(plan: plan)
        self.engine = engine
        space = QuestionSpace(plan: plan)
        decided = DecidedClasses(space: space, engine: engine)
    }

    /// Every concrete scenario of every class, in class order, made on the fly from `decided`
    /// (not stored: with a thousand products there are hundreds of thousands).
    var cases: some Sequence<Case> {
        decided.classes.indices.lazy.flatMap { i in cases(ofClass: i) }
    }

    /// The concrete scenarios of class `i`.
    func cases(ofClass i: Int) -> [Case] {
        decided.decided[i].map { d -> Case in
            switch d.decision {
            case .success(let decision):
                return Case(classKey: decided.classes[i].key, decided: d, derived: decision.scenario)
            case .failure:
                return Case(classKey: decided.classes[i].key, decided: d, derived: try? engine.derive(d.input))
            }
        }
    }

    /// The counterexample text of a scenario.
    func counterexample(_ scenario: Scenario) -> String { ScenarioJSON.text(scenario, model: model) }
}
