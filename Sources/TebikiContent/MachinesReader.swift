import TebikiModel

/// Reads machines.yaml: state machines, their states, and the console actions with their steps.
struct MachinesReader {
    let ctx: LoadContext

    func read(_ node: YNode?, file: SourceFile) -> Catalog<StateMachine> {
        let root = ctx.root(node, file: file, required: ["machines"])
        let items = ctx.items(root, "machines", kinds: [.machine, .action])
        return Catalog(items.compactMap(machine))
    }

    private func machine(_ node: YNode) -> StateMachine? {
        guard var f = ctx.fields(node, "a state machine", required: ["id", "title", "states", "actions"]) else { return nil }
        let id = ctx.id(f, "id", .kebab)
        if let id { ctx.declare(.machine, id) }
        f = f.named("machine", id)
        let title = ctx.localized(f, "title")
        var states: [StateMachine.State] = []
        var statesReadable = false
        if let list = ctx.sequence(f, "states") {
            statesReadable = true
            var seen: [String: SourceLocation] = [:]
            for item in list {
                guard let state = state(item, f.what, &seen) else { continue }
                states.append(state)
            }
            if let id { ctx.states[id.value, default: [:]].merge(seen) { first, _ in first } }
        }
        let actions = (ctx.sequence(f, "actions") ?? []).compactMap { action($0, machine: id?.value, f.what) }
        guard let id, let title, statesReadable else { return nil }
        return StateMachine(id: id.value, title: title, states: Catalog(states), actions: Catalog(actions), location: f.location)
    }

    private func state(_ node: YNode, _ what: String, _ seen: inout [String: SourceLocation]) -> StateMachine.State? {
        guard var f = ctx.fields(node, "a state of \(what)", required: ["id", "title"], optional: ["status"]) else { return nil }
        let id = ctx.id(f, "id", .kebab)
        if let id {
            if let first = seen[id.value] {
                ctx.error(.contentDuplicateID, at: id.location,
                          "\(what) already has the state '\(id.value)' on line \(first.line); states are unique within their machine")
            } else {
                seen[id.value] = id.location
            }
        }
        f = f.named("state", id)
        let title = ctx.localized(f, "title")
        let status = ctx.reference(f, "status", to: .glossary)
        guard let id, let title else { return nil }
        return StateMachine.State(id: id.value, title: title, status: status?.value, location: f.location)
    }

    private func action(_ node: YNode, machine: String?, _ what: String) -> ConsoleAction? {
        guard var f = ctx.fields(
            node, "an action of \(what)", required: ["id", "title", "from", "to", "steps"],
            optional: ["requires", "irreversible", "caution", "source", "variants", "wait"])
        else { return nil }
        let id = ctx.id(f, "id", .kebab)
        if let id { ctx.declare(.action, id) }
        f = f.named("action", id)
        let title = ctx.localized(f, "title")
        let from = ctx.idList(f, "from")
        let to = ctx.id(f, "to")
        if let machine {
            for state in (from ?? []) + (to.map { [$0] } ?? []) {
                ctx.referState(machine: machine, state: state.value, at: state.location, .inMachine(f.what, machine: machine))
            }
        }
        let requires = ctx.stateReferences(f, "requires")
        let irreversible = ctx.bool(f, "irreversible")
        let caution = ctx.reference(f, "caution", to: .warning)
        let source = ctx.citation(f, "source")
        let steps = self.steps(f, "steps")
        let variants = ctx.sequence(f, "variants")?.compactMap { variant($0, f.what) }
        let wait = f["wait"].flatMap { self.wait($0, f.what) }
        guard let machine, let id, let title, let from, let to, let steps else { return nil }
        return ConsoleAction(
            id: id.value, machine: machine, title: title, from: from.map(\.value), to: to.value, requires: requires ?? [],
            irreversible: irreversible ?? false, caution: caution?.value, steps: steps, variants: variants ?? [], wait: wait,
            source: source, location: f.location)
    }

    private func steps(_ f: Fields, _ key: String) -> [Step]? {
        guard let items = ctx.sequence(f, key) else { return nil }
        return items.enumerated().compactMap { i, item in
            ctx.template(item, "step \(i + 1) of \(f.what)").map { Step(text: $0, location: item.location) }
        }
    }

    private func variant(_ node: YNode, _ what: String) -> ConsoleAction.Variant? {
        guard let f = ctx.fields(node, "a variant of \(what)", required: ["when", "steps"], optional: ["source"]) else { return nil }
        let when = ctx.conditions(f, "when")
        let steps = self.steps(f, "steps")
        let source = ctx.citation(f, "source")
        guard let when, let steps else { return nil }
        return ConsoleAction.Variant(when: when, steps: steps, source: source, location: f.location)
    }

    private func wait(_ node: YNode, _ what: String) -> Wait? {
        guard let f = ctx.fields(node, "'wait' of \(what)", required: ["max", "unit"], optional: ["must_end_in_window", "warning"]) else { return nil }
        let maximum = ctx.integer(f, "max")
        if let maximum, maximum < 0, let n = f["max"] {
            ctx.error(.contentInvalidValue, at: n.location, "'max' of \(f.what) must be 0 or more, found \(maximum)")
        }
        let unit = ctx.choice(f, "unit", as: Wait.Unit.self)
        let mustEnd = ctx.bool(f, "must_end_in_window")
        let warning = ctx.reference(f, "warning", to: .warning)
        guard let maximum, let unit else { return nil }
        return Wait(maximum: maximum, unit: unit, mustEndInWindow: mustEnd ?? false, warning: warning?.value)
    }
}
