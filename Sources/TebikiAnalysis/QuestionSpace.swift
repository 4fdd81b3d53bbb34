import Synchronization
import TebikiModel

/// One answer to a question: a class of values of a fact that the rules treat alike.
///
/// The fields live in one shared, immutable box: every scenario class holds an answer per
/// question, and with a thousand products there are hundreds of thousands of classes (a class's
/// answers take a pointer each, not a copy of every field).
public struct Answer: Sendable, Hashable {
    private final class Storage: Sendable {
        let id: String, test: UnaryTest, sample: FactValue?, label: Localized?, stringKey: String?
        init(id: String, test: UnaryTest, sample: FactValue?, label: Localized?, stringKey: String?) {
            self.id = id; self.test = test; self.sample = sample; self.label = label; self.stringKey = stringKey
        }
    }
    private var storage: Storage

    /// Creates an answer.
    public init(id: String, test: UnaryTest, sample: FactValue?, label: Localized?, stringKey: String?) {
        storage = Storage(id: id, test: test, sample: sample, label: label, stringKey: stringKey)
    }

    /// A short id, stable across builds, for URLs (`issued`, `yes`, `gt-0`, `unknown`).
    public var id: String {
        get { storage.id }
        set { storage = Storage(id: newValue, test: test, sample: sample, label: label, stringKey: stringKey) }
    }
    /// Which values belong to the class.
    public var test: UnaryTest {
        get { storage.test }
        set { storage = Storage(id: id, test: newValue, sample: sample, label: label, stringKey: stringKey) }
    }
    /// A value of the class; nil for "unknown" (no value).
    public var sample: FactValue? {
        get { storage.sample }
        set { storage = Storage(id: id, test: test, sample: newValue, label: label, stringKey: stringKey) }
    }
    /// The answer in words, per language; nil when the tool's own yes/no/unknown words apply.
    public var label: Localized? {
        get { storage.label }
        set { storage = Storage(id: id, test: test, sample: sample, label: newValue, stringKey: stringKey) }
    }
    /// The tool string key for the label when `label` is nil (`answer.yes`).
    public var stringKey: String? {
        get { storage.stringKey }
        set { storage = Storage(id: id, test: test, sample: sample, label: label, stringKey: newValue) }
    }

    /// The identity of the answer's storage (answers made apart have different ones, even when equal).
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    public static func == (a: Answer, b: Answer) -> Bool {
        a.storage === b.storage || (a.id == b.id && a.test == b.test && a.sample == b.sample && a.label == b.label && a.stringKey == b.stringKey)
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(test); h.combine(sample); h.combine(label); h.combine(stringKey)
    }
}

/// A question: a fact and its answers.
public struct Question: Sendable, Hashable {
    public var fact: Fact
    public var answers: [Answer]
}

/// The facts a person answers, each with its classes of answers, derived from the model:
/// enumeration values, yes/no, declared partitions, and "is it within the window?" for dates.
public struct QuestionSpace: Sendable {
    public let model: Model
    /// Questions by fact id.
    public let questions: [FactID: Question]
    /// Question facts in declaration order.
    public let order: [FactID]
    /// The sample date of day 0 of the window (a Monday: the Monday on or before the edition's date).
    public let day0: CalendarDate
    /// The decision tree of the entry table, once made; shared by the copies of this space.
    private let entryTree = EntryTree()

    /// The decision tree from the entry table with no answers given (`TreeBuilder.tree()`), made
    /// once per space: the checker's table check and the site's guide both need it, and `tebiki
    /// build` hands the checker's space to the site builder.
    public var decisionTree: DecisionTree {
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
    public init(model: Model) {
        self.model = model
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
        // Slots: the model's facts by id, then every other fact the plan reads or writes.
        var slotIndex: [FactID: Int] = [:]
        var slotIDs: [FactID] = []
        func slot(_ id: FactID) -> Int {
            if let i = slotIndex[id] { return i }
            slotIndex[id] = slotIDs.count
            slotIDs.append(id)
            return slotIDs.count - 1
        }
        for f in model.facts { _ = slot(f.id) }
        plan = model.facts.map { f in
            var windowDate: Int?
            if case .withinWindow(let date)? = f.derivation { windowDate = slot(date) }
            return FactPlan(id: f.id, slot: slot(f.id), isInput: !f.isDerived, type: f.type, windowDate: windowDate,
                            appliesWhen: f.appliesWhen, conditions: f.appliesWhen.map { (slot($0.fact), PlannedTest($0.test, slot: slot)) },
                            defaultValue: f.defaultValue, required: f.required, firstSample: questions[f.id]?.answers.first?.sample)
        }
        gate = QuestionSpace.Gate(facts: model.facts.elements, plan: plan, order: order)
        var planByAnswer: [ObjectIdentifier: (fact: FactID, plan: Int)] = [:]
        for (id, question) in questions {
            guard let i = gate.planIndex[id] else { continue }
            for answer in question.answers { planByAnswer[answer.identity] = (id, i) }
        }
        self.planByAnswer = planByAnswer
        countsFromSlot = slot(model.edition.window.countsFrom)
        var slotPlan = [Int?](repeating: nil, count: slotIDs.count)
        for (id, i) in gate.planIndex { slotPlan[slotIndex[id]!] = i }
        var derivedSlots = [Bool](repeating: false, count: slotIDs.count)
        for f in model.facts where f.isDerived { derivedSlots[slotIndex[f.id]!] = true }
        self.slotIDs = slotIDs
        self.slotPlan = slotPlan
        self.derivedSlots = derivedSlots
        let length = model.edition.window.length
        windowAnswerDates = (inTimeLate: .date(d.adding(days: length)), inTimeEarly: .date(d.adding(days: 0)), late: .date(d.adding(days: length + 1)))
        let positions = gate.orderPosition
        steps = order.map { ScenarioClasses.Step($0, model: model, questions: questions, positions: positions) }
    }

    /// Per index of `order`, what the class enumeration reads of its question.
    let steps: [ScenarioClasses.Step]

    /// Facts that apply only for some values of one enumeration (`applies_when: {product: [a, b]}`),
    /// grouped by those values, so that a scenario visits its own product's facts and the general
    /// ones, not every fact of the model (which made the checker quadratic in the products).
    struct Gate: Sendable {
        /// The enumeration fact the most facts are gated on: input, not a date, applying everywhere.
        let fact: FactID?
        /// Its position in `plan`.
        let position: Int
        /// Per plan index: the symbols of `fact` for which the fact can apply (nil: not gated).
        let allowed: [Set<String>?]
        /// Input plan indices that are not gated (or come before `fact`), in plan order.
        let always: [Int]
        /// Gated input plan indices after `fact`, by allowed symbol, in plan order.
        let bySymbol: [String: [Int]]

        /// The symbols a condition list allows for `fact`, when one of its conditions is a plain
        /// `oneOf` of symbols on it (every such condition must hold, so their sets intersect).
        static func allowedSymbols(_ conditions: [Condition], on fact: FactID) -> Set<String>? {
            var result: Set<String>?
            for c in conditions where c.fact == fact {
                guard case .oneOf(let values) = c.test else { continue }
                var symbols = Set<String>()
                var plain = true
                for v in values { if case .symbol(let s) = v { symbols.insert(s) } else { plain = false } }
                guard plain else { continue }
                result = result.map { $0.intersection(symbols) } ?? symbols
            }
            return result
        }

        /// Plan index by fact id.
        let planIndex: [FactID: Int]
        /// Index in `order` by fact id.
        let orderPosition: [FactID: Int]
        /// Per index of `order`: the symbols of `fact` for which the question can apply (nil: not gated).
        let orderAllowed: [Set<String>?]
        /// Indices of `order` that can apply when `fact` has a symbol: the ungated ones and those
        /// the symbol allows, in order. A symbol no gate names has only the ungated ones (`orderUngated`).
        let orderBySymbol: [String: [Int]]
        let orderUngated: [Int]

        init(facts: [Fact], plan: [FactPlan], order: [FactID]) {
            var counts: [FactID: Int] = [:]
            let candidates = Set(facts.filter { !$0.isDerived && $0.type == .enumeration && $0.appliesWhen.isEmpty }.map(\.id))
            for f in facts {
                for c in f.appliesWhen where candidates.contains(c.fact) {
                    if case .oneOf = c.test { counts[c.fact, default: 0] += 1 }
                }
            }
            let chosen = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
            let position = chosen.flatMap { id in plan.firstIndex { $0.id == id } } ?? plan.count
            let gateFact = position < plan.count ? chosen : nil
            fact = gateFact
            self.position = position
            var allowed: [Set<String>?] = []
            var always: [Int] = []
            var bySymbol: [String: [Int]] = [:]
            for (i, p) in plan.enumerated() {
                let set = i > position ? gateFact.flatMap { Gate.allowedSymbols(p.appliesWhen, on: $0) } : nil
                allowed.append(set)
                guard p.isInput else { continue }
                if let set { for s in set { bySymbol[s, default: []].append(i) } } else { always.append(i) }
            }
            self.allowed = allowed
            self.always = always
            self.bySymbol = bySymbol
            var planIndex: [FactID: Int] = [:]
            for (i, p) in plan.enumerated() { planIndex[p.id] = i }
            self.planIndex = planIndex
            var orderPosition: [FactID: Int] = [:]
            for (i, id) in order.enumerated() where orderPosition[id] == nil { orderPosition[id] = i }
            self.orderPosition = orderPosition
            var orderAllowed: [Set<String>?] = []
            var orderUngated: [Int] = []
            var gated: [(Int, Set<String>)] = []
            for (i, id) in order.enumerated() {
                let set: Set<String>? = id == gateFact ? nil : gateFact.flatMap { g in planIndex[id].flatMap { Gate.allowedSymbols(plan[$0].appliesWhen, on: g) } }
                orderAllowed.append(set)
                if let set { gated.append((i, set)) } else { orderUngated.append(i) }
            }
            var orderBySymbol: [String: [Int]] = [:]
            for symbol in Set(gated.flatMap(\.1)) {
                orderBySymbol[symbol] = (orderUngated + gated.filter { $0.1.contains(symbol) }.map(\.0)).sorted()
            }
            self.orderAllowed = orderAllowed
            self.orderUngated = orderUngated
            self.orderBySymbol = orderBySymbol
        }

        /// The symbol `fact` has in a set of answers, if any.
        func symbol(in answers: [FactID: Answer]) -> String? {
            guard let fact, case .symbol(let s)? = answers[fact]?.sample else { return nil }
            return s
        }

        /// The indices of `order` that can apply given `fact`'s symbol (nil: every one).
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
    }
    let gate: Gate
    /// The plan index of each answer's fact, by the answer's identity, with the fact it answers:
    /// the classes' answers are these very values, and hashing an identity is cheaper than hashing
    /// the fact's id (`questions` keeps the answers alive, so no other answer can take an identity).
    private let planByAnswer: [ObjectIdentifier: (fact: FactID, plan: Int)]

    /// What `scenario(for:)` reads of each fact, in declaration order, with facts as slots (see
    /// `Draft`). A reference, so that reading one in the loops of `scenario(for:)` does not copy
    /// (and retain) every field.
    final class FactPlan: Sendable {
        let id: FactID
        let slot: Int
        let isInput: Bool
        let type: FactType
        /// The slot of the date fact of a window fact.
        let windowDate: Int?
        let appliesWhen: [Condition]
        /// `appliesWhen`, each condition on the slot of its fact.
        let conditions: [(slot: Int, test: PlannedTest)]
        let defaultValue: FactValue?
        let required: Bool
        let firstSample: FactValue?

        init(id: FactID, slot: Int, isInput: Bool, type: FactType, windowDate: Int?, appliesWhen: [Condition],
             conditions: [(slot: Int, test: PlannedTest)], defaultValue: FactValue?, required: Bool, firstSample: FactValue?) {
            self.id = id; self.slot = slot; self.appliesWhen = appliesWhen; self.isInput = isInput; self.type = type; self.windowDate = windowDate
            self.conditions = conditions; self.defaultValue = defaultValue; self.required = required
            self.firstSample = firstSample
        }
    }
    private let plan: [FactPlan]

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

    /// The fact id of each slot: the model's facts (a repeated id has one slot), then the other
    /// facts the plan names.
    let slotIDs: [FactID]
    /// Per slot, the index in `plan` of its fact (`gate.planIndex`), if it has one.
    private let slotPlan: [Int?]
    /// Per slot, whether a fact of the model with that id is derived.
    private let derivedSlots: [Bool]
    /// The slot of the window's first day.
    private let countsFromSlot: Int
    /// The dates a window fact's answer gives its date fact: in time on the window's last day or
    /// on day 0, and the day after the window.
    private let windowAnswerDates: (inTimeLate: FactValue, inTimeEarly: FactValue, late: FactValue)

    /// A scenario under construction: values by slot, in the order they were first set (a fact
    /// that lost its value keeps its slot with nil). A scenario holds a few dozen facts: finding
    /// one among them is cheaper than hashing its id, which a `Scenario`'s dictionary does on
    /// every read and write (that hashing was most of the time `scenario(for:)` took).
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
    public func position(of fact: FactID) -> Int? { gate.orderPosition[fact] }

    /// The answer's words in `language`.
    public func label(_ answer: Answer, fact: FactID, language: LanguageID) -> String {
        if let l = answer.label { return l[language] }
        if let key = answer.stringKey { return model.string(key, language) }
        return answer.sample?.description ?? answer.id
    }

    /// Whether a fact applies given the answers so far (its `applies_when` holds on the samples).
    public func applies(_ fact: Fact, given scenario: Scenario) -> Bool {
        fact.appliesWhen.allSatisfy { c in
            guard scenario[c.fact] != nil || model.facts[id: c.fact]?.isDerived == false else { return true }
            return c.holds(in: scenario)
        }
    }

    /// A concrete scenario for answers: samples for input facts, dates chosen so that each window
    /// fact has its answer (`lastDayInTime`: day N for "in time", else day 0), defaults elsewhere.
    public func scenario(for answers: [FactID: Answer], lastDayInTime: Bool = true) -> Scenario {
        scenario(draft(answered(answers), lastDayInTime: lastDayInTime))
    }

    /// `scenario(for: answers, lastDayInTime: true)` and `(…, false)`, as drafts.
    func drafts(for answers: [FactID: Answer]) -> (late: Draft, early: Draft) {
        let answered = answered(answers)
        let late = draft(answered, lastDayInTime: true)
        // `lastDayInTime` is read only for a window fact answered "in time": without one, the
        // early draft is the late one.
        guard answered.contains(where: { plan[$0.plan].windowDate != nil && $0.answer.sample == .boolean(true) }) else { return (late, late) }
        return (late, draft(answered, lastDayInTime: false))
    }

    /// The scenario a draft holds.
    func scenario(_ draft: Draft) -> Scenario {
        var s = Scenario(minimumCapacity: draft.capacity)
        for (slot, value) in zip(draft.slots, draft.values) { if let value { s[slotIDs[slot]] = value } }
        return s
    }

    /// `scenario(draft)`, made from `base`, which is `scenario(baseDraft)`: only the facts whose
    /// values differ are set or removed. A class's two boundary scenarios differ in a date or two,
    /// and hashing every fact id again was most of the cost of the second.
    func scenario(_ draft: Draft, from base: Scenario, of baseDraft: Draft) -> Scenario {
        var s = base
        for (slot, value) in zip(baseDraft.slots, baseDraft.values) where value != nil && draft[slot] == nil {
            s[slotIDs[slot]] = nil
        }
        for (slot, value) in zip(draft.slots, draft.values) {
            if let value, baseDraft[slot] != value { s[slotIDs[slot]] = value }
        }
        return s
    }

    /// Whether a draft gives a value to a fact that a model's fact of the same id derives.
    func hasDerivedFacts(_ draft: Draft) -> Bool {
        zip(draft.slots, draft.values).contains { derivedSlots[$0.0] && $0.1 != nil }
    }

    /// The answers to facts of the model, with their index in `plan`, in declaration order.
    private func answered(_ answers: [FactID: Answer]) -> [(plan: Int, answer: Answer)] {
        var answered: [(plan: Int, answer: Answer)] = []
        answered.reserveCapacity(answers.count)
        for (id, answer) in answers {
            // An answer of another fact, or made elsewhere, is looked up by its fact's id.
            let known = planByAnswer[answer.identity]
            if let known, known.fact == id { answered.append((known.plan, answer)); continue }
            if let i = gate.planIndex[id] { answered.append((i, answer)) }
        }
        answered.sort { $0.plan < $1.plan }
        return answered
    }

    private func draft(_ answered: [(plan: Int, answer: Answer)], lastDayInTime: Bool) -> Draft {
        // Reads the facts through `plan` (small values made once), not `model.facts`: this runs
        // for every scenario class, and copying whole facts dominated the checker's time.
        var s = Draft(capacity: answered.count + gate.always.count + 4)
        s[countsFromSlot] = .date(day0)
        for (i, a) in answered {
            let p = plan[i]
            if p.isInput && p.type != .date, let v = a.sample { s[p.slot] = v }
        }
        for (i, a) in answered {
            guard let dateFact = plan[i].windowDate else { continue }
            switch a.sample {
            case .boolean(true)?: s[dateFact] = lastDayInTime ? windowAnswerDates.inTimeLate : windowAnswerDates.inTimeEarly
            case .boolean(false)?: s[dateFact] = windowAnswerDates.late
            default: s[dateFact] = nil
            }
        }
        // Fill what the answers leave open the way a scenario decoder would: defaults where facts
        // apply, a date in the window for required dates, the first answer for required facts.
        // Only the facts that can apply are visited: those not gated on `gate.fact`, those its
        // value allows, and those already set (a gated fact that is unset and cannot apply stays unset).
        var symbol: String?
        if gate.fact != nil {
            let p = plan[gate.position]
            if case .symbol(let x)? = s[p.slot] ?? p.defaultValue ?? (p.required ? p.firstSample : nil) { symbol = x }
        }
        var visit = gate.always
        if let symbol, let more = gate.bySymbol[symbol] { visit += more }
        for (slot, value) in zip(s.slots, s.values) where value != nil {
            if let i = slotPlan[slot], plan[i].isInput { visit.append(i) }
        }
        visit.sort()
        var last = -1
        for i in visit where i != last {
            last = i
            let p = plan[i]
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
