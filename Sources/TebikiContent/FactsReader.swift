import TebikiModel

/// Reads facts.yaml in two passes: first every fact's id, type and values (so that conditions,
/// defaults and bounds anywhere can be typed), then the rest.
struct FactsReader {
    let ctx: LoadContext

    /// A fact after the first pass: its fields, and the id, type and values read from them.
    struct Partial {
        var fields: Fields
        var id: Located<String>?
        var type: FactType?
        var values: Catalog<Fact.Value>?
    }

    private static let keys = ["values", "applies_when", "required", "default", "min", "max", "not_before", "question", "help", "derive", "partitions"]

    func read(_ node: YNode?, file: SourceFile) -> Catalog<Fact> {
        finish(sign(node, file: file))
    }

    /// The first pass over the whole file: every fact's signature is in `ctx.facts` afterwards,
    /// so the other files (and `finish`) can be read, on any core, with every fact typed.
    func sign(_ node: YNode?, file: SourceFile) -> [Partial] {
        let root = ctx.root(node, file: file, required: ["facts"])
        return ctx.items(root, "facts", kinds: [.fact]).compactMap(signature)
    }

    /// The second pass: the facts, read from what `sign` gave.
    func finish(_ partials: [Partial]) -> Catalog<Fact> {
        Catalog(partials.compactMap(fact))
    }

    /// First pass: id, type, values; registers the fact's signature.
    private func signature(_ node: YNode) -> Partial? {
        guard var f = ctx.fields(node, "a fact", required: ["id", "type"], optional: FactsReader.keys) else { return nil }
        let id = ctx.id(f, "id", .snake)
        let isFirst = id.map { ctx.declare(.fact, $0) } ?? false
        f = f.named("fact", id)
        let type = ctx.choice(f, "type", as: FactType.self)
        var values: Catalog<Fact.Value>?
        if type == .enumeration {
            if let n = f["values"] {
                values = enumValues(n, f.what)
            } else {
                ctx.error(.contentMissingKey, at: f.location, "\(f.what) is an enum and lacks the required key 'values'")
            }
        } else if let type, let key = f.keyLocation("values") {
            ctx.error(.contentInvalidValue, at: key, "\(f.what) is a \(type.rawValue) fact; only enum facts have 'values'")
        }
        if let id, isFirst {
            ctx.facts[id.value] = FactSignature(type: type, values: values?.ids ?? [])
        }
        return Partial(fields: f, id: id, type: type, values: values)
    }

    private func enumValues(_ node: YNode, _ what: String) -> Catalog<Fact.Value>? {
        guard let items = ctx.sequence(node, "'values' of \(what)") else { return nil }
        var seen: [String: SourceLocation] = [:]
        var values: [Fact.Value] = []
        for item in items {
            guard var f = ctx.fields(item, "a value of \(what)", required: ["id", "label"], optional: ["state"]) else { continue }
            let id = ctx.id(f, "id")
            if let id {
                if let first = seen[id.value] {
                    ctx.error(.contentDuplicateID, at: id.location,
                              "\(what) already has the value '\(id.value)' on line \(first.line); values are unique within their fact")
                } else {
                    seen[id.value] = id.location
                }
            }
            f = f.named("value", id)
            let label = ctx.localized(f, "label")
            let state = ctx.stateReference(f, "state")
            if let id, let label { values.append(Fact.Value(id: id.value, label: label, state: state, location: f.location)) }
        }
        return Catalog(values)
    }

    /// Second pass: everything that may name other facts.
    private func fact(_ p: Partial) -> Fact? {
        let f = p.fields
        let signature = FactSignature(type: p.type, values: p.values?.ids ?? [])
        let appliesWhen = ctx.conditions(f, "applies_when")
        let required = ctx.bool(f, "required")
        var defaultValue: FactValue?
        if let n = f["default"], let t = ctx.text(n, "'default' of \(f.what)"), p.type != nil {
            switch FactValueText.parse(t.value, for: signature) {
            case .success(let v): defaultValue = v
            case .failure(.unknownValue):
                ctx.error(.contentUnknownReference, at: t.location,
                          "'default' of \(f.what) is '\(t.value)', which is not one of its values (\(signature.values.joined(separator: ", ")))",
                          suggestion: nearestName(to: t.value, in: signature.values))
            case .failure(.wrongType(let expected)):
                ctx.error(.contentInvalidValue, at: t.location, "'default' of \(f.what) must be \(expected), found '\(t.value)'")
            }
        }
        if required == true, f.has("default"), let key = f.keyLocation("required") {
            ctx.error(.contentInvalidValue, at: key, "\(f.what) has a default, so it is never required; remove 'required' or 'default'")
        }
        let minimum = bound(f, "min", signature)
        let maximum = bound(f, "max", signature)
        var notBefore: FactID?
        if let n = f["not_before"], let other = ctx.id(n, "'not_before' of \(f.what)") {
            if p.type != nil && p.type != .date {
                ctx.error(.contentInvalidValue, at: other.location, "'not_before' applies to date facts; \(f.what) is not one")
            } else if let s = ctx.fact(other.value, at: other.location, "'not_before' of \(f.what)"), let t = s.type, t != .date {
                ctx.error(.contentInvalidValue, at: other.location, "'not_before' of \(f.what) must name a date fact; '\(other.value)' is \(t.rawValue)")
            } else {
                notBefore = other.value
            }
        }
        let question = ctx.localized(f, "question")
        let help = ctx.localized(f, "help")
        let derivation = f["derive"].flatMap { derive($0, f.what, type: p.type) }
        if !f.has("derive") && !f.has("question") {
            ctx.error(.contentMissingKey, at: f.location, "\(f.what) is an input fact and lacks the required key 'question'")
        }
        let partitions = ctx.sequence(f, "partitions")?.compactMap { partition($0, f.what, fact: p.id?.value, signature) }
        guard let id = p.id, let type = p.type else { return nil }
        if type == .enumeration && p.values == nil { return nil }
        return Fact(
            id: id.value, type: type, values: p.values ?? Catalog(), defaultValue: defaultValue, appliesWhen: appliesWhen ?? [],
            required: required ?? false, minimum: minimum, maximum: maximum, notBefore: notBefore, question: question,
            help: help, derivation: derivation, partitions: partitions ?? [], location: f.location)
    }

    /// A class of values offered as one answer: `{test: "> 0", sample: "1.6", label: {ja, en}}`.
    private func partition(_ node: YNode, _ what: String, fact: FactID?, _ signature: FactSignature) -> Fact.Partition? {
        guard let f = ctx.fields(node, "a partition of \(what)", required: ["test", "sample", "label"]) else { return nil }
        let test = f["test"].flatMap { n in fact.flatMap { ctx.cellTest(n, fact: $0, signature: signature, f.what) } }
        var sample: FactValue?
        if let t = ctx.text(f, "sample"), signature.type != nil {
            switch FactValueText.parse(t.value, for: signature) {
            case .success(let v): sample = v
            case .failure(.unknownValue):
                ctx.error(.contentUnknownReference, at: t.location, "'sample' of \(f.what) is '\(t.value)', which is not a value of the fact",
                          suggestion: nearestName(to: t.value, in: signature.values))
            case .failure(.wrongType(let expected)):
                ctx.error(.contentInvalidValue, at: t.location, "'sample' of \(f.what) must be \(expected), found '\(t.value)'")
            }
            if let test, let sample, let fact, test.factsCompared.isEmpty, !test.matches(sample, in: Scenario([fact: sample])) {
                ctx.error(.contentInvalidValue, at: t.location, "'sample' of \(f.what) is \(sample), which does not pass its test '\(test)'")
            }
        }
        let label = ctx.localized(f, "label")
        guard let test, let sample, let label else { return nil }
        return Fact.Partition(test: test, sample: sample, label: label, location: f.location)
    }

    /// `min` or `max`: a constant of the fact's type or another fact of a comparable type.
    private func bound(_ f: Fields, _ key: String, _ signature: FactSignature) -> UnaryTest.Operand? {
        guard let n = f[key], let t = ctx.text(n, "'\(key)' of \(f.what)"), let type = signature.type else { return nil }
        guard type == .integer || type == .decimal else {
            ctx.error(.contentInvalidValue, at: f.keyLocation(key) ?? t.location,
                      "'\(key)' applies to integer and decimal facts; \(f.what) is \(type == .enumeration ? "an enum" : type.rawValue)")
            return nil
        }
        if let other = ctx.facts[t.value] {
            if let ot = other.type, ot != .integer && ot != .decimal {
                ctx.error(.contentInvalidValue, at: t.location, "'\(key)' of \(f.what) names '\(t.value)', which is not a number fact")
                return nil
            }
            return .fact(t.value)
        }
        if case .success(let v) = FactValueText.parse(t.value, for: signature) { return .value(v) }
        if let c = t.value.unicodeScalars.first, c.properties.isAlphabetic || c == "_" {
            _ = ctx.fact(t.value, at: t.location, "'\(key)' of \(f.what)")
        } else {
            ctx.error(.contentInvalidValue, at: t.location,
                      "'\(key)' of \(f.what) must be \(FactValueText.expectation(type)) or a fact id, found '\(t.value)'")
        }
        return nil
    }

    private func derive(_ node: YNode, _ what: String, type: FactType?) -> Fact.Derivation? {
        let kinds = ["within_window", "day_of_window", "expression"]
        guard let f = ctx.fields(node, "'derive' of \(what)", required: [], optional: kinds) else { return nil }
        let present = kinds.filter { f.has($0) }
        guard present.count == 1 else {
            ctx.error(.contentInvalidValue, at: f.location,
                      "'derive' of \(what) must have exactly one of \(ctx.list(kinds)); found \(present.isEmpty ? "none" : ctx.list(present))")
            return nil
        }
        func needs(_ t: FactType, _ why: String) {
            if let type, type != t, let key = f.keyLocation(present[0]) {
                ctx.error(.contentInvalidValue, at: key, "\(what) is \(type == .enumeration ? "an enum" : type.rawValue) but \(why) gives \(t.rawValue == "enum" ? "an enum" : t.rawValue) values")
            }
        }
        switch present[0] {
        case "expression":
            if let type, type != .integer, type != .decimal, let key = f.keyLocation("expression") {
                ctx.error(.contentInvalidValue, at: key, "\(what) is derived by an expression, so it must be an integer or decimal fact")
            }
            return ctx.expression(f, "expression").map { .expression($0) }
        default:
            let key = present[0]
            needs(key == "within_window" ? .boolean : .integer, key)
            guard let date = ctx.id(f, key) else { return nil }
            if let s = ctx.fact(date.value, at: date.location, "'\(key)' of \(what)"), let t = s.type, t != .date {
                ctx.error(.contentInvalidValue, at: date.location, "'\(key)' of \(what) must name a date fact; '\(date.value)' is \(t.rawValue)")
                return nil
            }
            return key == "within_window" ? .withinWindow(date.value) : .dayOfWindow(date.value)
        }
    }
}
