import TebikiEngine
import TebikiModel

/// What the class enumeration and the sample scenarios read of a question space, compiled once
/// per space from the model's plan. `QuestionSpace.scenario(for:)` runs for every scenario class
/// (hundreds of thousands with a thousand products), so it works on facts as slots (`Draft`) and
/// visits only the facts the product allows (`ProductGate`); the walk of `ScenarioClasses` skips
/// the questions of other products the same way.
struct QuestionPlan: Sendable {
    /// What `scenario(for:)` reads of each fact of the model (in `model.facts` order), with facts as
    /// slots. A reference, so that reading one in the loops does not copy (and retain) every field.
    final class FactPlan: Sendable {
        let id: FactID
        let slot: Int
        let isInput: Bool
        let type: FactType
        /// The slot of the date fact of a window fact.
        let windowDate: Int?
        /// `applies_when`, each condition on the slot of its fact.
        let conditions: [(slot: Int, test: PlannedTest)]
        let defaultValue: FactValue?
        let required: Bool
        let firstSample: FactValue?

        init(_ fact: Fact, slots: FactSlots, firstSample: FactValue?) {
            id = fact.id
            slot = slots.slot(of: fact.id)!
            isInput = !fact.isDerived
            type = fact.type
            if case .withinWindow(let date)? = fact.derivation { windowDate = slots.slot(of: date) } else { windowDate = nil }
            conditions = fact.appliesWhen.map { (slots.slot(of: $0.fact)!, PlannedTest($0.test, slot: { slots.slot(of: $0)! })) }
            defaultValue = fact.defaultValue
            required = fact.required
            self.firstSample = firstSample
        }
    }

    /// A test of `applies_when` whose comparisons with another fact read that fact's slot.
    indirect enum PlannedTest: Sendable {
        /// A test that reads no other fact.
        case plain(UnaryTest)
        /// `UnaryTest.compare(op, .fact(f))`, with the slot of `f`.
        case compareWithFact(UnaryTest.ComparisonOperator, Int)
        case not(PlannedTest)

        /// `test`, with the slot `slot` gives each fact it compares with.
        init(_ test: UnaryTest, slot: (FactID) -> Int) {
            switch test {
            case .compare(let op, .fact(let f)): self = .compareWithFact(op, slot(f))
            case .not(let t): self = .not(PlannedTest(t, slot: slot))
            default: self = .plain(test)
            }
        }

        /// `UnaryTest.matches(value, in: scenario)` for the scenario `draft` will be.
        func matches(_ value: FactValue?, in draft: Draft) -> Bool {
            switch self {
            case .plain(let test): return test.matches(value, in: Scenario())
            case .compareWithFact(let op, let slot):
                // As `UnaryTest.matches` does: no value on either side fails, else the constant comparison.
                guard value != nil, let other = draft[slot] else { return false }
                return UnaryTest.compare(op, .value(other)).matches(value, in: Scenario())
            case .not(let test): return !test.matches(value, in: draft)
            }
        }
    }

    /// A scenario under construction: values by slot, in the order they were first set (a fact
    /// that lost its value keeps its slot with nil). A scenario holds a few dozen facts: finding
    /// one among them is cheaper than hashing its id, which a `Scenario`'s dictionary does on
    /// every read and write.
    struct Draft {
        private(set) var slots: [Int] = []
        private(set) var values: [FactValue?] = []
        /// The capacity of the scenario it becomes.
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            slots.reserveCapacity(capacity); values.reserveCapacity(capacity)
        }

        subscript(slot: Int) -> FactValue? {
            get { slots.firstIndex(of: slot).flatMap { values[$0] } }
            set {
                if let i = slots.firstIndex(of: slot) { values[i] = newValue }
                else if let newValue { slots.append(slot); values.append(newValue) }
            }
        }

        /// The slots that have a value, in the order they were first set (each once).
        var filledSlots: [Int] {
            var result: [Int] = []
            result.reserveCapacity(slots.count)
            for i in slots.indices where values[i] != nil { result.append(slots[i]) }
            return result
        }

        /// Whether the two become equal scenarios.
        func sameValues(as other: Draft) -> Bool {
            var count = 0
            for (slot, value) in zip(slots, values) {
                guard let value else { continue }
                guard other[slot] == value else { return false }
                count += 1
            }
            return count == other.values.count { $0 != nil }
        }
    }

    let model: Model
    let gate: ProductGate
    let slots: FactSlots
    /// Per fact of the model, in `model.facts` order.
    private let facts: [FactPlan]
    /// The position in `model.facts` of the gate fact.
    private let gatePosition: Int?
    /// Per slot, the position in `model.facts` of its fact, if it has one.
    private let slotFact: [Int?]
    /// Per slot, whether a fact of the model with that id is derived.
    private let derivedSlots: [Bool]
    /// The slot of the window's first day.
    private let countsFromSlot: Int
    /// Room for the facts a draft fills besides the answers: the input facts not gated, and a few.
    private let draftCapacity: Int
    /// Day 0 of the window, and the dates a window fact's answer gives its date fact: in time on
    /// the window's last day or on day 0, and the day after the window.
    private let day0: CalendarDate
    private let windowAnswerDates: (inTimeLate: FactValue, inTimeEarly: FactValue, late: FactValue)
    /// The position in `model.facts` of each answer's fact, by the answer's identity, with the
    /// fact it answers: the classes' answers are these very values, and hashing an identity is
    /// cheaper than hashing the fact's id (the space keeps the answers alive).
    private let factByAnswer: [ObjectIdentifier: (fact: FactID, position: Int)]

    /// Index in `order` by fact id.
    let orderPosition: [FactID: Int]
    /// The index in `order` of the gate fact, if it is asked.
    var gateOrderPosition: Int? { gate.fact.flatMap { orderPosition[$0] } }
    /// Indices of `order` that can apply when the gate fact has a symbol: the ungated ones and
    /// those the symbol allows, in order. A symbol no gate names has only the ungated ones.
    private let orderBySymbol: [String: [Int]]
    private let orderUngated: [Int]
    /// Per index of `order`, what the class enumeration reads of its question.
    let steps: [ScenarioClasses.Step]

    init(plan: ModelPlan, questions: [FactID: Question], order: [FactID], day0: CalendarDate) {
        let model = plan.model
        self.model = model
        gate = plan.gate
        slots = plan.slots
        self.day0 = day0
        facts = model.facts.map { FactPlan($0, slots: plan.slots, firstSample: questions[$0.id]?.answers.first?.sample) }
        let gatePosition = gate.fact.flatMap { model.facts.position(of: $0) }
        self.gatePosition = gatePosition
        draftCapacity = model.facts.indices.count { !model.facts[$0].isDerived && (plan.gate.allowed[$0] == nil || $0 <= gatePosition ?? 0) } + 4
        slotFact = plan.slots.ids.map { model.facts.position(of: $0) }
        var derivedSlots = [Bool](repeating: false, count: plan.slots.count)
        for f in model.facts where f.isDerived { derivedSlots[plan.slots.slot(of: f.id)!] = true }
        self.derivedSlots = derivedSlots
        countsFromSlot = plan.slots.slot(of: model.edition.window.countsFrom)!
        let length = model.edition.window.length
        windowAnswerDates = (.date(day0.adding(days: length)), .date(day0), .date(day0.adding(days: length + 1)))
        var factByAnswer: [ObjectIdentifier: (fact: FactID, position: Int)] = [:]
        for (id, question) in questions {
            guard let i = model.facts.position(of: id) else { continue }
            for answer in question.answers { factByAnswer[answer.identity] = (id, i) }
        }
        self.factByAnswer = factByAnswer

        var orderPosition: [FactID: Int] = [:]
        for (i, id) in order.enumerated() where orderPosition[id] == nil { orderPosition[id] = i }
        self.orderPosition = orderPosition
        var ungated: [Int] = []
        var gated: [(Int, Set<String>)] = []
        for (i, id) in order.enumerated() {
            if let set = model.facts.position(of: id).flatMap({ plan.gate.allowed[$0] }) { gated.append((i, set)) } else { ungated.append(i) }
        }
        var bySymbol: [String: [Int]] = [:]
        for symbol in Set(gated.flatMap(\.1)) {
            bySymbol[symbol] = (ungated + gated.filter { $0.1.contains(symbol) }.map(\.0)).sorted()
        }
        orderUngated = ungated
        orderBySymbol = bySymbol
        steps = order.map { ScenarioClasses.Step($0, model: model, questions: questions, positions: orderPosition) }
    }

    // MARK: The walk's questions

    /// The symbol the gate fact has in a set of answers, if any.
    func symbol(in answers: [FactID: Answer]) -> String? {
        guard let fact = gate.fact, case .symbol(let s)? = answers[fact]?.sample else { return nil }
        return s
    }

    /// The indices of `order` that can apply given the gate fact's symbol (nil: every one).
    func candidates(for symbol: String?) -> [Int]? {
        symbol.map { orderBySymbol[$0] ?? orderUngated }
    }

    /// The next index of `order` after `index` among `candidates` (nil: every index).
    func nextIndex(after index: Int, in candidates: [Int]?, count: Int) -> Int {
        guard let list = candidates else { return index + 1 }
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] <= index { lo = mid + 1 } else { hi = mid } }
        return lo < list.count ? list[lo] : count
    }

    // MARK: Sample scenarios

    /// `QuestionSpace.scenario(for: answers, lastDayInTime: true)` and `(…, false)`, as drafts.
    func drafts(for answers: [FactID: Answer]) -> (late: Draft, early: Draft) {
        let answered = answered(answers)
        let late = draft(answered, lastDayInTime: true)
        // `lastDayInTime` is read only for a window fact answered "in time": without one, the
        // early draft is the late one.
        guard answered.contains(where: { facts[$0.position].windowDate != nil && $0.answer.sample == .boolean(true) }) else { return (late, late) }
        return (late, draft(answered, lastDayInTime: false))
    }

    /// The scenario for `answers` (see `QuestionSpace.scenario(for:lastDayInTime:)`).
    func scenario(for answers: [FactID: Answer], lastDayInTime: Bool) -> Scenario {
        scenario(draft(answered(answers), lastDayInTime: lastDayInTime))
    }

    /// The scenario a draft holds.
    func scenario(_ draft: Draft) -> Scenario {
        var s = Scenario(minimumCapacity: draft.capacity)
        for (slot, value) in zip(draft.slots, draft.values) { if let value { s[slots.ids[slot]] = value } }
        return s
    }

    /// `scenario(draft)`, made from `base`, which is `scenario(baseDraft)`: only the facts whose
    /// values differ are set or removed. A class's two boundary scenarios differ in a date or two.
    func scenario(_ draft: Draft, from base: Scenario, of baseDraft: Draft) -> Scenario {
        var s = base
        for (slot, value) in zip(baseDraft.slots, baseDraft.values) where value != nil && draft[slot] == nil {
            s[slots.ids[slot]] = nil
        }
        for (slot, value) in zip(draft.slots, draft.values) {
            if let value, baseDraft[slot] != value { s[slots.ids[slot]] = value }
        }
        return s
    }

    /// Whether a draft gives a value to a fact that a model's fact of the same id derives.
    func hasDerivedFacts(_ draft: Draft) -> Bool {
        zip(draft.slots, draft.values).contains { derivedSlots[$0.0] && $0.1 != nil }
    }

    /// The answers to facts of the model, with the position of their fact, in declaration order.
    private func answered(_ answers: [FactID: Answer]) -> [(position: Int, answer: Answer)] {
        var answered: [(position: Int, answer: Answer)] = []
        answered.reserveCapacity(answers.count)
        for (id, answer) in answers {
            // An answer of another fact, or made elsewhere, is looked up by its fact's id.
            if let known = factByAnswer[answer.identity], known.fact == id { answered.append((known.position, answer)); continue }
            if let i = model.facts.position(of: id) { answered.append((i, answer)) }
        }
        answered.sort { $0.position < $1.position }
        return answered
    }

    private func draft(_ answered: [(position: Int, answer: Answer)], lastDayInTime: Bool) -> Draft {
        var s = Draft(capacity: answered.count + draftCapacity)
        s[countsFromSlot] = .date(day0)
        for (i, a) in answered {
            let p = facts[i]
            if p.isInput && p.type != .date, let v = a.sample { s[p.slot] = v }
        }
        for (i, a) in answered {
            guard let dateFact = facts[i].windowDate else { continue }
            switch a.sample {
            case .boolean(true)?: s[dateFact] = lastDayInTime ? windowAnswerDates.inTimeLate : windowAnswerDates.inTimeEarly
            case .boolean(false)?: s[dateFact] = windowAnswerDates.late
            default: s[dateFact] = nil
            }
        }
        // Fill what the answers leave open the way a scenario decoder would: defaults where facts
        // apply, a date in the window for required dates, the first answer for required facts.
        // Only the facts that can apply are visited: those the product's value allows (its answer,
        // else the value it will get), and those already set.
        var symbol: String?
        if let g = gatePosition {
            let p = facts[g]
            if case .symbol(let x)? = s[p.slot] ?? p.defaultValue ?? (p.required ? p.firstSample : nil) { symbol = x }
        }
        var visit = gate.inputs(applyingWith: symbol)
        for (slot, value) in zip(s.slots, s.values) where value != nil {
            if let i = slotFact[slot], facts[i].isInput { visit.append(i) }
        }
        visit.sort()
        var last = -1
        for i in visit where i != last {
            last = i
            let p = facts[i]
            let applies = p.conditions.allSatisfy { $0.test.matches(s[$0.slot], in: s) }
            if !applies { s[p.slot] = nil; continue }
            guard s[p.slot] == nil else { continue }
            if let d = p.defaultValue { s[p.slot] = d; continue }
            guard p.required else { continue }
            if p.type == .date { s[p.slot] = .date(day0); continue }
            if let v = p.firstSample { s[p.slot] = v }
        }
        return s
    }
}
