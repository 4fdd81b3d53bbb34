import TebikiEngine
import TebikiModel

/// Every scenario class of a model, each with the engine's decision for each of its concrete
/// scenarios (the window's boundaries), computed once on every core. The checker proves them and
/// the site builder writes its pages from them: `tebiki build` decides each class once, not once
/// for the check and again for the pages.
public struct DecidedClasses: Sendable {
    /// One concrete scenario of a class and what the engine made of it.
    public struct Decided: Sendable {
        /// The input scenario (as a person would give it).
        public var input: Scenario
        /// The engine's decision, or why it failed.
        public var decision: Result<Decision, EngineFailure>

        /// Decides `input` with `engine`.
        public init(_ input: Scenario, engine: Engine) {
            self.input = input
            do throws(EngineFailure) { decision = .success(try engine.evaluate(input)) } catch { decision = .failure(error) }
        }
    }

    /// The classes, in `ScenarioClasses.all()` order.
    public let classes: [ScenarioClasses.Class]
    /// Per class, its scenarios in `ScenarioClasses.scenarios(of:)` order (the last day in time first).
    public let decided: [[Decided]]
    /// Class index by key.
    private let byKey: [String: Int]

    /// Enumerates the classes of `space` and decides them with `engine` (an engine over `space.model`).
    public init(space: QuestionSpace, engine: Engine) {
        let enumeration = ScenarioClasses(space: space)
        let classes = enumeration.all()
        self.classes = classes
        decided = ParallelMap.map(classes.count) { i in
            enumeration.scenarios(of: classes[i]).map { Decided($0, engine: engine) }
        }
        var byKey: [String: Int] = [:]
        for (i, c) in classes.enumerated() where byKey[c.key] == nil { byKey[c.key] = i }
        self.byKey = byKey
    }

    /// The decided scenarios of `c`, when it is one of the classes (same key, same answers).
    public func decisions(of c: ScenarioClasses.Class) -> [Decided]? {
        guard let i = byKey[c.key], classes[i].answers == c.answers else { return nil }
        return decided[i]
    }

    /// How many concrete scenarios were decided.
    public var scenarioCount: Int { decided.reduce(0) { $0 + $1.count } }
}
