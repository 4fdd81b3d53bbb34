import Synchronization
import TebikiEngine
import TebikiModel

/// A question: a fact and its answers.
package struct Question: Sendable, Hashable {
    package var fact: Fact
    package var answers: [Answer]
}

/// The facts a person answers, each with its classes of answers, derived from the model:
/// enumeration values, yes/no, declared partitions, and "is it within the window?" for dates.
package struct QuestionSpace: Sendable {
    package let model: Model
    /// Questions by fact id.
    package let questions: [FactID: Question]
    /// Question facts in declaration order.
    package let order: [FactID]
    /// The sample date of day 0 of the window (a Monday: the Monday on or before the edition's date).
    package let day0: CalendarDate
    /// The model compiled (shared with the engine and the decoder built from it).
    package let plan: ModelPlan
    /// The questions compiled for the class enumeration and the sample scenarios.
    let questionPlan: QuestionPlan
    /// The decision tree of the entry table, once made; shared by the copies of this space.
    private let entryTree = EntryTree()

    /// The decision tree from the entry table with no answers given (`TreeBuilder.tree()`), made
    /// once per space: the checker's table check and the site's guide both need it, and `tebiki
    /// build` hands the checker's space to the site builder.
    package var decisionTree: DecisionTree {
        if let tree = entryTree.tree.withLock({ $0 }) { return tree }
        // Made outside the lock; two threads that both make it make the same tree.
        let tree = TreeBuilder(space: self).tree()
        entryTree.tree.withLock { $0 = tree }
        return tree
    }

    /// Where `decisionTree` keeps the tree.
    private final class EntryTree: Sendable {
        let tree = Mutex<DecisionTree?>(nil)
    }

    /// Builds the space for a model.
    package init(model: Model) { self.init(plan: ModelPlan(model)) }

    /// Builds the space for a compiled model (shared with the engine and the decoder).
    package init(plan: ModelPlan) {
        let model = plan.model
        self.model = model
        self.plan = plan
        var questions: [FactID: Question] = [:]
        var order: [FactID] = []
        for fact in model.facts {
            if fact.type == .date { continue }  // dates are asked through their window facts
            if case .expression? = fact.derivation { continue }
            if case .dayOfWindow? = fact.derivation { continue }
            var answers = QuestionSpace.answers(for: fact, model: model)
            if case .withinWindow(let date)? = fact.derivation, let dateFact = model.facts[id: date], !dateFact.required {
                answers.append(Answer(id: "unknown", test: .isNull, sample: nil, label: nil, stringKey: "answer.unknown"))
            }
            guard !answers.isEmpty else { continue }
            questions[fact.id] = Question(fact: fact, answers: answers)
            order.append(fact.id)
        }
        self.questions = questions
        self.order = order
        var d = model.edition.date
        while d.isoWeekday != 1 { d = d.adding(days: -1) }
        day0 = d
        questionPlan = QuestionPlan(plan: plan, questions: questions, order: order, day0: d)
    }

    private static func answers(for fact: Fact, model: Model) -> [Answer] {
        if !fact.partitions.isEmpty {
            return fact.partitions.map {
                Answer(id: slug($0.test), test: $0.test, sample: $0.sample, label: $0.label, stringKey: nil)
            }
        }
        switch fact.type {
        case .enumeration:
            return fact.values.map { Answer(id: $0.id, test: .oneOf([.symbol($0.id)]), sample: .symbol($0.id), label: $0.label, stringKey: nil) }
        case .boolean:
            return [
                Answer(id: "yes", test: .oneOf([.boolean(true)]), sample: .boolean(true), label: nil, stringKey: "answer.yes"),
                Answer(id: "no", test: .oneOf([.boolean(false)]), sample: .boolean(false), label: nil, stringKey: "answer.no"),
            ]
        case .integer:
            if case .value(.integer(let lo))? = fact.minimum, case .value(.integer(let hi))? = fact.maximum, hi >= lo, hi - lo < 12 {
                return (lo...hi).map { Answer(id: String($0), test: .oneOf([.integer($0)]), sample: .integer($0), label: nil, stringKey: nil) }
            }
            if let d = fact.defaultValue { return [Answer(id: "default", test: .any, sample: d, label: nil, stringKey: nil)] }
            return []
        case .decimal:
            if let d = fact.defaultValue { return [Answer(id: "default", test: .any, sample: d, label: nil, stringKey: nil)] }
            return []
        case .date:
            return []
        }
    }

    /// A URL-safe id for a test: `> 0` → `gt-0`.
    static func slug(_ test: UnaryTest) -> String {
        var s = test.description
        if s == "-" { return "any" }
        for (a, b) in [(">=", "ge-"), ("<=", "le-"), ("!=", "ne-"), (">", "gt-"), ("<", "lt-"), ("=", "eq-"), (", ", "-or-"), ("[", "in-"), ("..", "-to-"), ("]", ""), ("(", "-"), (")", ""), (" ", "")] {
            s = s.replacingAll(a, with: b)
        }
        while s.contains("--") { s = s.replacingAll("--", with: "-") }
        while s.hasSuffix("-") { s.removeLast() }
        return s.isEmpty ? "any" : s
    }

    /// Where a question comes in `order`, or nil when `fact` is not asked.
    package func position(of fact: FactID) -> Int? { questionPlan.orderPosition[fact] }

    /// The answer's words in `language`.
    package func label(_ answer: Answer, fact: FactID, language: LanguageID) -> String {
        if let l = answer.label { return l[language] }
        if let key = answer.stringKey { return model.string(key, language) }
        return answer.sample?.description ?? answer.id
    }

    /// Whether a fact applies given the answers so far (its `applies_when` holds on the samples).
    package func applies(_ fact: Fact, given scenario: Scenario) -> Bool {
        fact.appliesWhen.allSatisfy { c in
            guard scenario[c.fact] != nil || model.facts[id: c.fact]?.isDerived == false else { return true }
            return c.holds(in: scenario)
        }
    }

    /// A concrete scenario for answers: samples for input facts, dates chosen so that each window
    /// fact has its answer (`lastDayInTime`: day N for "in time", else day 0), defaults elsewhere,
    /// the way a scenario decoder fills them.
    package func scenario(for answers: [FactID: Answer], lastDayInTime: Bool = true) -> Scenario {
        questionPlan.scenario(for: answers, lastDayInTime: lastDayInTime)
    }
}
