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

    /// Builds the space for a model.
    public init(model: Model) {
        self.model = model
        var questions: [FactID: Question] = [:]
        var order: [FactID] = []
        let windowDates = Set(model.facts.compactMap { f -> FactID? in
            if case .withinWindow(let d)? = f.derivation { return d }
            return nil
        })
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
        _ = windowDates
        self.questions = questions
        self.order = order
        var d = model.edition.date
        while d.isoWeekday != 1 { d = d.adding(days: -1) }
        day0 = d
        plan = model.facts.map { f in
            var windowDate: FactID?
            if case .withinWindow(let date)? = f.derivation { windowDate = date }
            return FactPlan(id: f.id, isInput: !f.isDerived, type: f.type, windowDate: windowDate, appliesWhen: f.appliesWhen,
                            defaultValue: f.defaultValue, required: f.required, firstSample: questions[f.id]?.answers.first?.sample)
        }
        gate = QuestionSpace.Gate(facts: model.facts.elements, plan: plan, order: order)
    }

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

        /// The next index of `order` after `index` that can apply given `fact`'s symbol.
        func nextIndex(after index: Int, symbol: String?, count: Int) -> Int {
            guard let symbol else { return index + 1 }
            let list = orderBySymbol[symbol] ?? orderUngated
            var lo = 0, hi = list.count
            while lo < hi { let mid = (lo + hi) / 2; if list[mid] <= index { lo = mid + 1 } else { hi = mid } }
            return lo < list.count ? list[lo] : count
        }
    }
    let gate: Gate

    /// What `scenario(for:)` reads of each fact, in declaration order. A reference, so that
    /// reading one in the loops of `scenario(for:)` does not copy (and retain) every field.
    final class FactPlan: Sendable {
        let id: FactID
        let isInput: Bool
        let type: FactType
        let windowDate: FactID?
        let appliesWhen: [Condition]
        let defaultValue: FactValue?
        let required: Bool
        let firstSample: FactValue?

        init(id: FactID, isInput: Bool, type: FactType, windowDate: FactID?, appliesWhen: [Condition],
             defaultValue: FactValue?, required: Bool, firstSample: FactValue?) {
            self.id = id; self.isInput = isInput; self.type = type; self.windowDate = windowDate
            self.appliesWhen = appliesWhen; self.defaultValue = defaultValue; self.required = required
            self.firstSample = firstSample
        }
    }
    private let plan: [FactPlan]

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
        // Reads the facts through `plan` (small values made once), not `model.facts`: this runs
        // for every scenario class, and copying whole facts dominated the checker's time.
        var s = Scenario(minimumCapacity: answers.count + gate.always.count + 4)
        let window = model.edition.window
        s[window.countsFrom] = .date(day0)
        // The answered facts in declaration order (what the loops over every fact used to find).
        var answered: [Int] = []
        answered.reserveCapacity(answers.count)
        for id in answers.keys { if let i = gate.planIndex[id] { answered.append(i) } }
        answered.sort()
        for i in answered {
            let p = plan[i]
            if p.isInput && p.type != .date, let v = answers[p.id]?.sample { s[p.id] = v }
        }
        for i in answered {
            let p = plan[i]
            guard let dateFact = p.windowDate, let a = answers[p.id] else { continue }
            switch a.sample {
            case .boolean(true)?: s[dateFact] = .date(day0.adding(days: lastDayInTime ? window.length : 0))
            case .boolean(false)?: s[dateFact] = .date(day0.adding(days: window.length + 1))
            default: s[dateFact] = nil
            }
        }
        // Fill what the answers leave open the way a scenario decoder would: defaults where facts
        // apply, a date in the window for required dates, the first answer for required facts.
        // Only the facts that can apply are visited: those not gated on `gate.fact`, those its
        // value allows, and those already set (a gated fact that is unset and cannot apply stays unset).
        var symbol: String?
        if let f = gate.fact {
            let p = plan[gate.position]
            if case .symbol(let x)? = s[f] ?? p.defaultValue ?? (p.required ? p.firstSample : nil) { symbol = x }
        }
        var visit = gate.always
        if let symbol, let more = gate.bySymbol[symbol] { visit += more }
        for id in s.values.keys { if let i = gate.planIndex[id], plan[i].isInput { visit.append(i) } }
        visit.sort()
        var last = -1
        for i in visit where i != last {
            last = i
            let p = plan[i]
            let applies = p.appliesWhen.allHold(in: s)
            if !applies { s[p.id] = nil; continue }
            guard s[p.id] == nil else { continue }
            if let d = p.defaultValue { s[p.id] = d; continue }
            guard p.required else { continue }
            if p.type == .date { s[p.id] = .date(day0); continue }
            if let v = p.firstSample { s[p.id] = v }
        }
        return s
    }
}
