import TebikiModel

/// What goes wrong when a customer follows the earlier edition's console steps under the later
/// edition's rules: the later rules pick a procedure, its actions come from the earlier edition,
/// and the resources end in a state the later product does not accept before a refund.
public struct OldStepsFinding: Sendable, Hashable {
    /// What is wrong.
    public enum Problem: Sendable, Hashable {
        /// The earlier edition has no procedure with the id the later rules name.
        case missingProcedure
        /// An action of the earlier steps cannot be taken: no resource of its machine is in a state it starts from.
        case actionNotPossible(action: String)
        /// After the earlier steps, a resource is in `state`; the later rules require one of `required`
        /// before the refund. `missing` are the later edition's actions that lead there.
        case requirementUnmet(machine: String, state: String, required: [String], missing: [String])
    }

    public var product: String
    /// The procedure the later rules name.
    public var procedure: String
    public var problem: Problem
    /// The earlier edition's actions for it, in order.
    public var actions: [String]
    /// The answers every scenario of the finding shares.
    public var when: [AnswerRef]
    /// How many concrete scenarios show it.
    public var count: Int
    /// One scenario that shows it.
    public var example: Scenario
}
