import TebikiModel

/// What goes wrong when a customer follows the earlier edition's console steps under the later
/// edition's rules: the later rules pick a procedure, its actions come from the earlier edition,
/// and the resources end in a state the later product does not accept before a refund.
package struct OldStepsFinding: Sendable, Hashable {
    /// What is wrong.
    package enum Problem: Sendable, Hashable {
        /// The earlier edition has no procedure with the id the later rules name.
        case missingProcedure
        /// An action of the earlier steps cannot be taken: no resource of its machine is in a state it starts from.
        case actionNotPossible(action: String)
        /// After the earlier steps, a resource is in `state`; the later rules require one of `required`
        /// before the refund. `missing` are the later edition's actions that lead there.
        case requirementUnmet(machine: String, state: String, required: [String], missing: [String])
    }

    package var product: String
    /// The procedure the later rules name.
    package var procedure: String
    package var problem: Problem
    /// The earlier edition's actions for it, in order.
    package var actions: [String]
    /// The answers every scenario of the finding shares.
    package var when: [AnswerRef]
    /// How many concrete scenarios show it.
    package var count: Int
    /// One scenario that shows it.
    package var example: Scenario
}
