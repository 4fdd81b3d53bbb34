import TebikiModel

/// The console steps for one product and situation, before and after, with what changed:
/// actions added, removed or moved, and steps added, removed or reworded within an action.
public struct ProcedureChange: Sendable, Hashable {
    /// The product.
    public var product: String
    /// The procedure each side's rules name (nil: the scenario is not covered there).
    public var beforeProcedure: String?
    public var afterProcedure: String?
    /// The answers the scenarios of this entry share (the situation: a status, a validity...).
    public var when: [AnswerRef]
    /// How many concrete scenarios get these steps.
    public var count: Int
    /// The action ids on each side, in order, repeats included.
    public var beforeActions: [String]
    public var afterActions: [String]
    /// Actions added, removed or moved.
    public var actions: [ActionChange]
    /// Steps added, removed or reworded, in the later order.
    public var steps: [StepChange]
}

/// An action added, removed or moved within a procedure.
public struct ActionChange: Sendable, Hashable {
    /// `moved` when the action is on both sides at another place.
    public enum Kind: String, Sendable, Hashable { case added, removed, moved }
    public var action: String
    public var kind: Kind
    /// The action it now follows (added, moved) or followed (removed); nil: the first.
    public var follows: String?
    /// Creates a change.
    public init(action: String, kind: Kind, follows: String?) { self.action = action; self.kind = kind; self.follows = follows }
}

/// A step of an action added, removed or reworded, per language, as the reader sees it
/// (labels filled in, plain text).
public struct StepChange: Sendable, Hashable {
    public var action: String
    public var kind: ChangeKind
    public var before: Localized?
    public var after: Localized?
}
