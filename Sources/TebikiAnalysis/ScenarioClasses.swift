import TebikiConcurrency
import TebikiModel

/// The classes of scenarios: every combination of the answers of the questions that apply,
/// each with concrete scenarios at the window's boundaries. The checker proves every class,
/// and the diff compares decisions class by class.
package struct ScenarioClasses: Sendable {
    package let space: QuestionSpace

    /// One class: an answer per question that applies.
    package struct Class: Sendable, Hashable {
        package var answers: [FactID: Answer]
        /// `product=ssl-certificate, certificate_status=issued, …` in question order.
        package var key: String
    }

    /// Creates the enumeration.
    package init(space: QuestionSpace) { self.space = space }

    /// Every class, in a stable order (question order, answers in content order).
    package func all() -> [Class] {
        var walk = Walk(space: space)
        walk.expand(index: 0, candidates: nil)
        return walk.result
    }

    /// `all()`, the same classes in the same order, enumerated on every core: the first levels of
    /// the walk are cut into subtrees, which are walked in parallel and joined in walk order (with a
    /// thousand products, the serial walk was a long stretch on one core before the deciding).
    package func allInParallel() -> [Class] {
        // Deepen the cut until there are enough subtrees to share out (or the cut stops growing).
        let wanted = 64
        var tasks: [Walk.Task] = []
        for depth in 1...max(1, space.questionPlan.steps.count) {
            let deeper = subtrees(cutAt: depth)
            let grew = deeper.count > tasks.count
            tasks = deeper
            if tasks.count >= wanted || !grew { break }
        }
        return classes(below: tasks)
    }

    /// The subtrees of the walk where `depth` answers are given (or every question is passed), in walk order.
    func subtrees(cutAt depth: Int) -> [Walk.Task] {
        var walk = Walk(space: space)
        walk.cutDepth = depth
        walk.expand(index: 0, candidates: nil)
        return walk.tasks
    }

    /// The classes of the subtrees, walked in parallel, joined in order.
    func classes(below tasks: [Walk.Task]) -> [Class] {
        let parts = ParallelMap.map(tasks.count) { i in
            var walk = Walk(space: space, resuming: tasks[i])
            walk.expand(index: tasks[i].index, candidates: tasks[i].candidates)
            return walk.result
        }
        var result: [Class] = []
        result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { result.append(contentsOf: part) }
        return result
    }

    /// What one question of `space.order` needs in the enumeration, made once per question space
    /// (with a thousand products there are hundreds of thousands of classes, and looking the
    /// question, its position and its conditions up again by fact id per class was most of the time).
    final class Step: Sendable {
        let factID: FactID
        let question: Question
        /// Where answers to the fact go in `order`: its first position.
        let slot: Int
        /// Per answer, its part of a class's key: `fact=answer`, in UTF-8.
        let pieces: [[UInt8]]
        /// Whether the question applies everywhere (its fact has no `applies_when`).
        let appliesEverywhere: Bool
        /// The conditions of `applies_when` as (slot of the question they test, test), when whether
        /// the question applies can be read from the answers alone (see `quickApplies`); nil when it
        /// always needs a full sample scenario.
        let quick: [(slot: Int, test: UnaryTest)]?

        init(_ factID: FactID, model: Model, questions: [FactID: Question], positions: [FactID: Int]) {
            self.factID = factID
            question = questions[factID]!
            slot = positions[factID]!
            pieces = question.answers.map { Array("\(factID)=\($0.id)".utf8) }
            appliesEverywhere = question.fact.appliesWhen.isEmpty
            var quick: [(slot: Int, test: UnaryTest)]? = []
            for c in question.fact.appliesWhen {
                // The sample scenario keeps a fact's answer when the fact applies everywhere; and only
                // a test that compares with no other fact can be read without the whole scenario.
                guard let p = positions[c.fact], questions[c.fact]?.fact.appliesWhen.isEmpty == true,
                      model.facts[id: c.fact]?.isDerived == false, c.test.factsCompared.isEmpty else { quick = nil; break }
                quick?.append((p, c.test))
            }
            self.quick = quick
        }
    }

    /// The state of one enumeration: the answers so far, both as the classes hold them (by fact
    /// id) and as a stack by position in `order` with their key parts, which the walk reads.
    struct Walk {
        let space: QuestionSpace
        let steps: [Step]
        /// The position of `gate.fact` in `order`, if it is asked.
        let gateSlot: Int?
        var current: [FactID: Answer]
        /// The answers so far, one per level of the walk: their positions in `order`, samples and key parts.
        var slots: [Int] = []
        var samples: [FactValue?] = []
        var pieces: [[UInt8]] = []
        var result: [Class] = []
        /// When set, the walk stops where this many answers are given (or every question is
        /// passed) and keeps the state there as a task, instead of walking on (see `allInParallel`).
        var cutDepth: Int?
        /// The subtrees cut off, in walk order.
        var tasks: [Task] = []

        /// Where a walk was cut: enough to walk the subtree below on its own.
        struct Task: Sendable {
            let index: Int
            let candidates: [Int]?
            let current: [FactID: Answer]
            let slots: [Int]
            let samples: [FactValue?]
            let pieces: [[UInt8]]
        }

        /// A walk from the first question, with no answer given.
        init(space: QuestionSpace) {
            self.space = space
            steps = space.questionPlan.steps
            gateSlot = space.questionPlan.gateOrderPosition
            current = [:]
        }

        /// A walk that goes on from `task`.
        init(space: QuestionSpace, resuming task: Task) {
            self.space = space
            steps = space.questionPlan.steps
            gateSlot = space.questionPlan.gateOrderPosition
            current = task.current
            slots = task.slots; samples = task.samples; pieces = task.pieces
        }

        /// The sample of the answer at `slot`, as `.some(nil)` for an answer without one; nil when unanswered.
        func sample(at slot: Int) -> FactValue?? {
            guard let i = slots.firstIndex(of: slot) else { return nil }
            return .some(samples[i])
        }

        mutating func expand(index: Int, candidates: [Int]?) {
            let count = steps.count
            if let cutDepth, index == count || slots.count == cutDepth {
                tasks.append(Task(index: index, candidates: candidates, current: current, slots: slots, samples: samples, pieces: pieces))
                return
            }
            if index == count {
                result.append(Class(answers: current, key: key()))
                return
            }
            // Questions gated on another value of the gating fact (another product's) cannot apply: skip them.
            let next = space.questionPlan.nextIndex(after: index, in: candidates, count: count)
            let step = steps[index]
            // A repeated fact id is asked once, at its first position.
            if sample(at: step.slot) != nil { expand(index: next, candidates: candidates); return }
            // A fact that applies everywhere needs no sample scenario (building one per node was most of the time).
            if !step.appliesEverywhere {
                let applies = quickApplies(step) ?? space.applies(step.question.fact, given: space.scenario(for: current))
                guard applies else { expand(index: next, candidates: candidates); return }
            }
            slots.append(step.slot); samples.append(nil); pieces.append([])
            for (k, answer) in step.question.answers.enumerated() {
                current[step.factID] = answer
                samples[samples.count - 1] = answer.sample
                pieces[pieces.count - 1] = step.pieces[k]
                // Answering the gating fact decides which questions can follow.
                var after = candidates
                if step.slot == gateSlot {
                    var symbol: String?
                    if case .symbol(let s)? = answer.sample { symbol = s }
                    after = space.questionPlan.candidates(for: symbol)
                }
                expand(index: space.questionPlan.nextIndex(after: index, in: after, count: count), candidates: after)
            }
            slots.removeLast(); samples.removeLast(); pieces.removeLast()
            current[step.factID] = nil
        }

        /// `fact=answer` for every answer in question order, joined by `, `.
        func key() -> String {
            // Local copies: a closure that read `self` would copy the whole walk.
            let slots = self.slots, pieces = self.pieces
            let order = slots.indices.sorted { slots[$0] < slots[$1] }
            var length = 0
            for piece in pieces { length += piece.count + 2 }
            // The bytes copied once into the string (appending the parts one by one took longer than the rest of the walk).
            return String(unsafeUninitializedCapacity: length) { buffer in
                var n = 0
                for (k, i) in order.enumerated() {
                    if k > 0 { buffer[n] = UInt8(ascii: ","); buffer[n + 1] = UInt8(ascii: " "); n += 2 }
                    let piece = pieces[i]
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[n..<n + piece.count]).initialize(from: piece)
                    n += piece.count
                }
                return n
            }
        }

        /// Whether `step`'s question applies, read from the answers alone when that gives the same
        /// result as a full sample scenario: every fact its conditions test is answered with a value,
        /// applies everywhere (so the sample keeps the answer), and no test compares with another
        /// fact. Nil when the full sample is needed.
        func quickApplies(_ step: Step) -> Bool? {
            guard let conditions = step.quick else { return nil }
            var values: [FactValue] = []
            values.reserveCapacity(conditions.count)
            for c in conditions {
                guard case .some(.some(let v)) = sample(at: c.slot) else { return nil }
                values.append(v)
            }
            // The tests read no other fact, so the scenario they are given is never read.
            for (c, v) in zip(conditions, values) where !c.test.matches(v, in: Scenario()) { return false }
            return true
        }
    }

    /// Concrete scenarios of a class: the window's last day in time and day 0 (boundaries).
    package func scenarios(of c: Class) -> [Scenario] {
        boundaryScenarios(of: c).map(\.scenario)
    }

    /// `scenarios(of:)`, each with whether it gives a value to a derived fact and the slots of
    /// the facts it gives a value to (`FactSlots`).
    func boundaryScenarios(of c: Class) -> [(scenario: Scenario, hasDerivedFacts: Bool, slots: [Int])] {
        let plan = space.questionPlan
        let (late, early) = plan.drafts(for: c.answers)
        let lateScenario = plan.scenario(late)
        let first = (lateScenario, plan.hasDerivedFacts(late), late.filledSlots)
        guard !late.sameValues(as: early) else { return [first] }
        return [first, (plan.scenario(early, from: lateScenario, of: late), plan.hasDerivedFacts(early), early.filledSlots)]
    }
}
