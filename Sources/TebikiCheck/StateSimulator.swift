import TebikiModel

/// The resources of one order and their states, moved by console actions exactly as the state
/// machines allow. Independent of the engine: it only reads the machines and the product.
struct StateSimulator {
    /// One resource instance: a machine and its current state.
    struct Instance: Hashable {
        var machine: String
        var state: String
        /// Whether a step has moved it.
        var moved = false
    }

    /// Why an action cannot be taken.
    enum Refusal: Error, Hashable {
        case unknownAction(String)
        case notAllowed(action: String, machine: String, needs: [String], found: [String])
        case requirement(action: String, needs: StateReference, found: [String])
    }

    let model: Model
    private(set) var instances: [Instance]

    /// The resources `product` creates in `scenario` (with derived facts).
    init?(model: Model, product: Product, scenario: Scenario) {
        self.model = model
        var instances: [Instance] = []
        for resource in product.resources where resource.when.allHold(in: scenario) {
            var count = 1
            if let e = resource.count {
                guard let v = try? e.evaluate(in: scenario), v.denominator == 1, let n = Int(exactly: v.numerator), n >= 0 else { return nil }
                count = n
            }
            let state: String?
            if let fact = resource.stateFact {
                guard case .symbol(let s)? = scenario[fact], let ref = model.facts[id: fact]?.values[id: s]?.state,
                      ref.machine == resource.machine else { return nil }
                state = ref.state
            } else {
                state = resource.initialState
            }
            guard let state else { return nil }
            for _ in 0..<count { instances.append(Instance(machine: resource.machine, state: state)) }
        }
        self.instances = instances
    }

    /// Takes `actionID`: on the first instance of its machine in a state it may be taken in,
    /// after checking what it requires of the other resources.
    mutating func take(_ actionID: String) throws(Refusal) -> ConsoleAction {
        guard let action = model.action(actionID) else { throw .unknownAction(actionID) }
        guard let i = instances.firstIndex(where: { $0.machine == action.machine && action.from.contains($0.state) }) else {
            throw .notAllowed(action: actionID, machine: action.machine, needs: action.from,
                              found: instances.filter { $0.machine == action.machine }.map(\.state))
        }
        for need in action.requires {
            let others = instances.filter { $0.machine == need.machine }
            if others.contains(where: { $0.state != need.state }) {
                throw .requirement(action: actionID, needs: need, found: others.map(\.state))
            }
        }
        instances[i].state = action.to
        instances[i].moved = true
        return action
    }

    /// The instances of machines the product's refund requirements name that are in no required
    /// state. A resource the steps never touched and no console action can move is the rules'
    /// business, not the procedure's (the GRCQ-consumed gateway of D10, refunded by hand); one the
    /// steps moved must end in a required state.
    func unmet(_ requirements: [StateReference]) -> [Instance] {
        var allowed: [String: Set<String>] = [:]
        for r in requirements { allowed[r.machine, default: []].insert(r.state) }
        return instances.filter { instance in
            guard let states = allowed[instance.machine], !states.contains(instance.state) else { return false }
            if instance.moved { return true }
            return model.machines[id: instance.machine]?.actions.contains { $0.from.contains(instance.state) } ?? false
        }
    }
}
