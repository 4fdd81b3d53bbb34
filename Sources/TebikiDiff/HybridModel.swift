import TebikiModel

/// "Old steps against new rules" as a model: the later model's facts, rules, outcomes and products
/// with the earlier model's procedures, state machines and glossary. A product keeps its later
/// resources and gains the earlier product's resources on machines the later one does not have
/// (a console session the earlier steps log in to), so that the earlier actions can be taken.
/// Each earlier machine also gains the later machine's states and actions it lacks (the console
/// now offers Delete on a revoked certificate): the earlier steps still do not take them, and a
/// checker sees that a state the steps leave could have been released.
/// The diff simulates the earlier actions on it; `Checker(model:)` of TebikiCheck proves it too.
package enum HybridModel {
    /// The later rules with the earlier steps.
    package static func make(earlierSteps earlier: Model, laterRules later: Model) -> Model {
        var hybrid = later
        var machines = Catalog(earlier.machines.map { machine -> StateMachine in
            guard let newer = later.machines[id: machine.id] else { return machine }
            var m = machine
            for state in newer.states where !m.states.contains(id: state.id) { m.states.append(state) }
            for action in newer.actions where !m.actions.contains(id: action.id) && earlier.action(action.id) == nil { m.actions.append(action) }
            return m
        })
        for machine in later.machines where !machines.contains(id: machine.id) { machines.append(machine) }
        hybrid.machines = machines
        hybrid.procedures = earlier.procedures
        hybrid.glossary = earlier.glossary
        hybrid.products = Catalog(later.products.map { product in
            var p = product
            let machines = Set(product.resources.map(\.machine))
            p.resources += earlier.products[id: product.id]?.resources.filter { !machines.contains($0.machine) && $0.stateFact == nil } ?? []
            return p
        })
        return hybrid
    }
}
