import TebikiModel

/// The console steps for one product and situation, before and after, with what changed:
/// actions added, removed or moved, and steps added, removed or reworded within an action.
package struct ProcedureChange: Sendable, Hashable {
    /// The product.
    package var product: String
    /// The procedure each side's rules name (nil: the scenario is not covered there).
    package var beforeProcedure: String?
    package var afterProcedure: String?
    /// The answers the scenarios of this entry share (the situation: a status, a validity...).
    package var when: [AnswerRef]
    /// How many concrete scenarios get these steps.
    package var count: Int
    /// The action ids on each side, in order, repeats included.
    package var beforeActions: [String]
    package var afterActions: [String]
    /// Actions added, removed or moved.
    package var actions: [ActionChange]
    /// Steps added, removed or reworded, in the later order.
    package var steps: [StepChange]
}

/// An action added, removed or moved within a procedure.
package struct ActionChange: Sendable, Hashable {
    /// `moved` when the action is on both sides at another place.
    package enum Kind: String, Sendable, Hashable { case added, removed, moved }
    package var action: String
    package var kind: Kind
    /// The action it now follows (added, moved) or followed (removed); nil: the first.
    package var follows: String?
    /// Creates a change.
    package init(action: String, kind: Kind, follows: String?) { self.action = action; self.kind = kind; self.follows = follows }
}

/// A step of an action added, removed or reworded, per language, as the reader sees it
/// (labels filled in, plain text).
package struct StepChange: Sendable, Hashable {
    package var action: String
    package var kind: ChangeKind
    package var before: Localized?
    package var after: Localized?
}
