import TebikiModel

/// A problem with a scenario, naming the field.
package struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field (fact id), or nil for the scenario as a whole.
    package var field: String?
    /// What is wrong and what is expected.
    package var message: String
    /// Creates an error.
    package init(field: String?, message: String) { self.field = field; self.message = message }
    package var description: String { field.map { "field \"\($0)\": \(message)" } ?? message }
}

/// Every problem found in one scenario.
package struct ScenarioErrors: Error, Sendable, Hashable {
    package var errors: [ScenarioError]
    /// Wraps errors.
    package init(_ errors: [ScenarioError]) { self.errors = errors }
}

/// Reads a scenario from JSON or from `fact=value` text and checks it against the model's facts:
/// types, allowed values, bounds, where each fact applies and which are required.
/// Everything it knows about fields comes from facts.yaml.
package struct ScenarioDecoder: Sendable {
    package let model: Model
    /// Which facts can apply once the product is known.
    private let gate: ProductGate

    /// Creates a decoder for a model.
    package init(model: Model) { self.init(plan: ModelPlan(model)) }

    /// Creates a decoder over a compiled model (shared with the engine and the question space).
    package init(plan: ModelPlan) {
        model = plan.model
        gate = plan.gate
    }

    /// The input facts that may apply or have a value in `scenario`, as positions in `model.facts`
    /// in declaration order: those that have a value, and those the product allows (its value, or
    /// its default when it has none). Every other input fact has no value and does not apply.
    private func candidates(_ scenario: Scenario) -> [Int] {
        var symbol = gate.symbol(in: scenario)
        if symbol == nil, let fact = gate.fact, case .symbol(let s)? = model.facts[id: fact]?.defaultValue { symbol = s }
        let found = gate.inputs(applyingWith: symbol)
        let given = scenario.values.keys.compactMap { model.facts.position(of: $0) }
        return given.isEmpty ? found : Set(found).union(given).sorted()
    }

    /// A raw value before typing: from JSON, text from a command-line flag, or a value already
    /// typed (a probe of the semantic diff), checked as its text would be.
    package enum Raw: Sendable {
        case json(JSON)
        case text(String)
        case value(FactValue)
    }

    /// Decodes a JSON text. Every problem found is returned, in field order.
    package func decode(json text: String) -> Result<Scenario, ScenarioErrors> {
        let value: JSON
        do { value = try JSON.parse(text) } catch {
            return .failure(ScenarioErrors([ScenarioError(field: nil, message: "the scenario is not valid JSON (\(error)); expected one JSON object")]))
        }
        guard case .object(let members) = value else {
            return .failure(ScenarioErrors([ScenarioError(field: nil, message: "the scenario must be one JSON object, such as {\"product\": \"ssl-certificate\", …}")]))
        }
        return decode(members.map { ($0.0, Raw.json($0.1)) })
    }

    /// Decodes fields given in order (flags, or a JSON object's members).
    package func decode(_ fields: [(String, Raw)]) -> Result<Scenario, ScenarioErrors> {
        var errors: [ScenarioError] = []
        var scenario = Scenario()
        for (key, raw) in fields {
            guard let fact = model.facts[id: key], !fact.isDerived else {
                let inputs = model.facts.filter { !$0.isDerived }.map(\.id)
                let hint = nearestName(to: key, in: inputs).map { " (did you mean \"\($0)\"?)" } ?? ""
                errors.append(ScenarioError(field: key, message: "unknown field\(hint); expected one of: \(inputs.joined(separator: ", "))"))
                continue
            }
            switch typed(raw, for: fact) {
            case .success(let v): scenario[key] = v
            case .failure(let e): errors.append(e)
            }
        }
        if !errors.isEmpty { return .failure(ScenarioErrors(errors)) }

        // Where facts apply, in declaration order, so that `product` decides before the rest.
        for i in candidates(scenario) {
            let fact = model.facts[i]
            guard !fact.isDerived else { continue }
            let applies = fact.appliesWhen.allHold(in: scenario)
            if scenario[fact.id] != nil {
                if !applies {
                    errors.append(ScenarioError(field: fact.id, message: "does not apply here: it is asked only when \(describe(fact.appliesWhen)); remove it"))
                    scenario[fact.id] = nil
                }
            } else if applies {
                if let d = fact.defaultValue { scenario[fact.id] = d }
                else if fact.required { errors.append(ScenarioError(field: fact.id, message: "is required here; expected \(expectation(for: fact))")) }
            }
        }
        if !errors.isEmpty { return .failure(ScenarioErrors(errors)) }

        // Bounds, once every value is known (only the facts with a value, in declaration order).
        for i in scenario.values.keys.compactMap({ model.facts.position(of: $0) }).sorted() {
            let fact = model.facts[i]
            guard let value = scenario[fact.id] else { continue }
            if let min = fact.minimum, let bound = resolve(min, in: scenario), value < bound {
                errors.append(ScenarioError(field: fact.id, message: "\(value) is below \(label(min, bound)); expected at least \(bound)"))
            }
            if let max = fact.maximum, let bound = resolve(max, in: scenario), bound < value {
                errors.append(ScenarioError(field: fact.id, message: "\(value) is above \(label(max, bound)); expected at most \(bound)"))
            }
            if let other = fact.notBefore, let bound = scenario[other], value < bound {
                errors.append(ScenarioError(field: fact.id, message: "\(value) is before \(other) (\(bound)); expected a date on or after \(other)"))
            }
        }
        return errors.isEmpty ? .success(scenario) : .failure(ScenarioErrors(errors))
    }

    private func resolve(_ operand: UnaryTest.Operand, in scenario: Scenario) -> FactValue? {
        switch operand {
        case .value(let v): return v
        case .fact(let f): return scenario[f]
        }
    }

    private func label(_ operand: UnaryTest.Operand, _ bound: FactValue) -> String {
        if case .fact(let f) = operand { return "\(f) (\(bound))" }
        return "the limit"
    }

    private func describe(_ conditions: [Condition]) -> String {
        conditions.map { "\($0.fact) is \($0.test)" }.joined(separator: " and ")
    }

    /// What a value of the fact looks like, for messages.
    package func expectation(for fact: Fact) -> String {
        switch fact.type {
        case .boolean: return "true or false"
        case .integer: return "a whole number"
        case .decimal: return "a decimal string such as \"12.00\""
        case .date: return "a date \"YYYY-MM-DD\""
        case .enumeration: return "one of: " + fact.values.ids.joined(separator: ", ")
        }
    }

    private func typed(_ raw: Raw, for fact: Fact) -> Result<FactValue, ScenarioError> {
        let fail = { (got: String) in Result<FactValue, ScenarioError>.failure(ScenarioError(field: fact.id, message: "\(got); expected \(self.expectation(for: fact))")) }
        switch (fact.type, raw) {
        case (.boolean, .json(.bool(let b))): return .success(.boolean(b))
        case (.boolean, .text(let t)):
            if t == "true" { return .success(.boolean(true)) }
            if t == "false" { return .success(.boolean(false)) }
            return fail("\"\(t)\" is not a boolean")
        case (.integer, .json(.number(let n))), (.integer, .text(let n)):
            guard let i = Int(n), n.count < 16 else { return fail("\(n) is not a whole number") }
            return .success(.integer(i))
        case (.decimal, .json(.string(let s))), (.decimal, .text(let s)):
            guard let d = Exact(decimal: s) else { return fail("\"\(s)\" is not a decimal number") }
            if d.isNegative { return .failure(ScenarioError(field: fact.id, message: "\(s) is negative; expected an amount of 0 or more")) }
            if let problem = d.amountProblem(places: model.edition.currencyPlaces) { return .failure(ScenarioError(field: fact.id, message: "\(s) \(problem)")) }
            return .success(.decimal(d))
        case (.decimal, .json(.number(let n))):
            return fail("\(n) is a JSON number (amounts are exact decimals, written as strings)")
        case (.date, .json(.string(let s))), (.date, .text(let s)):
            guard let d = CalendarDate(iso: s) else { return fail("\"\(s)\" is not a valid date between \(CalendarDate.earliest) and \(CalendarDate.latest)") }
            return .success(.date(d))
        case (.enumeration, .json(.string(let s))), (.enumeration, .text(let s)):
            guard fact.values.contains(id: s) else {
                let hint = nearestName(to: s, in: fact.values.ids).map { " (did you mean \"\($0)\"?)" } ?? ""
                return .failure(ScenarioError(field: fact.id, message: "unknown value \"\(s)\"\(hint); expected one of: \(fact.values.ids.joined(separator: ", "))"))
            }
            return .success(.symbol(s))
        case (_, .json(let j)):
            return fail("\(Self.describe(j)) is the wrong type")
        case (_, .value(let v)):
            return typed(v, for: fact)
        }
    }

    /// A typed value, accepted as is when its text would be read back as the same value and pass
    /// every check; any other value is checked as its text (the same messages).
    private func typed(_ value: FactValue, for fact: Fact) -> Result<FactValue, ScenarioError> {
        switch (fact.type, value) {
        case (.boolean, .boolean):
            return .success(value)
        case (.integer, .integer(let i)) where (-99_999_999_999_999...999_999_999_999_999).contains(i):
            return .success(value)
        case (.decimal, .decimal(let d)) where !d.isNegative && d.amountProblem(places: model.edition.currencyPlaces) == nil:
            return .success(value)
        case (.date, .date(let d)) where CalendarDate.earliest <= d && d <= CalendarDate.latest:
            return .success(value)
        case (.enumeration, .symbol(let s)) where fact.values.contains(id: s):
            return .success(value)
        default:
            return typed(.text(value.description), for: fact)
        }
    }

    private static func describe(_ j: JSON) -> String {
        switch j {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return "\"\(s)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
