import TebikiModel

/// Reads outcomes.yaml: outcomes, reasons, warnings, channels, routes and formulas.
struct OutcomesReader {
    let ctx: LoadContext

    /// Everything outcomes.yaml declares.
    struct Outcomes {
        var outcomes = Catalog<Outcome>()
        var reasons = Catalog<Message>()
        var warnings = Catalog<Message>()
        var channels = Catalog<Message>()
        var routes = Catalog<Message>()
        var formulas = Catalog<Formula>()
    }

    func read(_ node: YNode?, file: SourceFile) -> Outcomes {
        let root = ctx.root(node, file: file, required: ["outcomes", "reasons"], optional: ["warnings", "channels", "routes", "formulas"])
        var result = Outcomes()
        result.outcomes = Catalog(ctx.items(root, "outcomes", kinds: [.outcome]).compactMap(outcome))
        result.reasons = messages(root, "reasons", .reason, required: true, titled: false)
        result.warnings = messages(root, "warnings", .warning, required: false, titled: true)
        result.channels = messages(root, "channels", .channel, required: false, titled: false)
        result.routes = messages(root, "routes", .route, required: false, titled: false)
        result.formulas = Catalog(ctx.items(root, "formulas", required: false, kinds: [.formula]).compactMap(formula))
        return result
    }

    private func outcome(_ node: YNode) -> Outcome? {
        guard var f = ctx.fields(node, "an outcome", required: ["id", "title", "refunds"], optional: ["determinable"]) else { return nil }
        let id = ctx.id(f, "id", .kebab)
        if let id { ctx.declare(.outcome, id) }
        f = f.named("outcome", id)
        let title = ctx.localized(f, "title")
        let refunds = ctx.bool(f, "refunds")
        let determinable = ctx.bool(f, "determinable")
        guard let id, let title, let refunds else { return nil }
        return Outcome(id: id.value, title: title, refunds: refunds, determinable: determinable ?? true, location: f.location)
    }

    private func messages(_ root: Fields?, _ key: String, _ kind: ElementKind, required: Bool, titled: Bool) -> Catalog<Message> {
        let items = ctx.items(root, key, required: required, kinds: [kind])
        return Catalog(items.compactMap { node -> Message? in
            guard var f = ctx.fields(node, kind.phrase, required: titled ? ["id", "title", "text"] : ["id", "text"]) else { return nil }
            let id = ctx.id(f, "id")
            if let id { ctx.declare(kind, id) }
            f = f.named(kind.noun, id)
            let title = titled ? ctx.localized(f, "title") : nil
            let text = ctx.template(f, "text")
            guard let id, let text, !titled || title != nil else { return nil }
            return Message(id: id.value, title: title, text: text, location: f.location)
        })
    }

    private func formula(_ node: YNode) -> Formula? {
        guard var f = ctx.fields(node, "a formula", required: ["id", "expression", "text"], optional: ["example"]) else { return nil }
        let id = ctx.id(f, "id")
        if let id { ctx.declare(.formula, id) }
        f = f.named("formula", id)
        let expression = ctx.expression(f, "expression")
        let text = ctx.localized(f, "text")
        let example = f["example"].flatMap { self.example($0, f.what, expression) }
        guard let id, let expression, let text else { return nil }
        return Formula(id: id.value, expression: expression, text: text, example: example, location: f.location)
    }

    /// A worked example; its expression must give `result` exactly.
    private func example(_ node: YNode, _ what: String, _ expression: Expression?) -> Formula.Example? {
        guard let f = ctx.fields(node, "the example of \(what)", required: ["facts", "result", "text"], optional: ["source"]) else { return nil }
        var scenario = Scenario()
        var complete = true
        if let n = f["facts"], let entries = ctx.entries(n, "'facts' of \(f.what)", expected: "a mapping of fact ids to values") {
            for (key, value) in entries {
                guard let signature = ctx.fact(key.value, at: key.location, "'facts' of \(f.what)"),
                      let t = ctx.text(value, "the value of '\(key.value)' in \(f.what)")
                else { complete = false; continue }
                switch FactValueText.parse(t.value, for: signature) {
                case .success(let v): scenario[key.value] = v
                case .failure(.unknownValue):
                    complete = false
                    ctx.error(.contentUnknownReference, at: t.location, "'\(t.value)' is not a value of fact '\(key.value)' (in \(f.what))",
                              suggestion: nearestName(to: t.value, in: signature.values))
                case .failure(.wrongType(let expected)):
                    complete = false
                    ctx.error(.contentInvalidValue, at: t.location, "the value of '\(key.value)' in \(f.what) must be \(expected), found '\(t.value)'")
                }
            }
        } else {
            complete = false
        }
        var result: Exact?
        if let t = ctx.text(f, "result") {
            result = Exact(decimal: t.value)
            if result == nil {
                ctx.error(.contentInvalidValue, at: t.location, "'result' of \(f.what) must be a decimal number such as 1.28, found '\(t.value)'")
            }
        }
        let text = ctx.localized(f, "text")
        let source = ctx.citation(f, "source")
        if complete, let expression, let result, let location = f["result"]?.location {
            do throws(Expression.EvaluationError) {
                let value = try expression.evaluate(in: scenario)
                if value != result {
                    ctx.error(.contentInvalidValue, at: location,
                              "the expression of \(what) gives \(value) for its example, not \(result); the example's result must be exact")
                }
            } catch {
                switch error {
                case .missingFact(let fact):
                    ctx.error(.contentInvalidValue, at: f.location, "\(f.what) gives no value for '\(fact)', which the expression reads")
                case .notANumber(let fact):
                    ctx.error(.contentInvalidValue, at: f.location, "\(f.what) gives '\(fact)' a value that is not a number")
                case .arithmetic(let failure):
                    ctx.error(.contentInvalidValue, at: location, "the expression of \(what) fails on its example: \(failure)")
                }
            }
        }
        guard let result, let text else { return nil }
        return Formula.Example(facts: scenario, result: result, text: text, source: source)
    }
}
