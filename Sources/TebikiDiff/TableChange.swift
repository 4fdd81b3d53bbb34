import TebikiModel

/// A decision table added, removed or changed, with its rows matched by id.
public struct TableChange: Sendable, Hashable {
    public var id: String
    public var kind: ChangeKind
    /// The table's title on each side (nil on the side it is absent from).
    public var beforeTitle: Localized?
    public var afterTitle: Localized?
    /// Properties of the table that changed (`hit_policy`, `inputs`, `title.ja`...).
    public var fields: [FieldChange]
    /// Rows added, removed or changed, in the later order (removed rows where they stood).
    public var rows: [RowChange]
    /// The rows both sides have are in another order (it matters for a `first` table).
    public var reordered: Bool
}

/// A row of a decision table added, removed or changed.
public struct RowChange: Sendable, Hashable {
    public var id: String
    public var kind: ChangeKind
    /// Cells that differ (for an added or removed row: every cell), by fact.
    public var cells: [FieldChange]
    /// Outputs that differ (`outcome`, `reason`, `procedure`, `next`, `route`...).
    public var outputs: [FieldChange]
    /// The source passage on each side.
    public var beforeSource: SourceCitation?
    public var afterSource: SourceCitation?
}

/// One named value before and after (nil: absent on that side).
public struct FieldChange: Sendable, Hashable {
    public var name: String
    public var before: String?
    public var after: String?
    /// Creates a change.
    public init(name: String, before: String?, after: String?) { self.name = name; self.before = before; self.after = after }
}
