import TebikiModel

/// A decision table added, removed or changed, with its rows matched by id.
package struct TableChange: Sendable, Hashable {
    package var id: String
    package var kind: ChangeKind
    /// The table's title on each side (nil on the side it is absent from).
    package var beforeTitle: Localized?
    package var afterTitle: Localized?
    /// Properties of the table that changed (`hit_policy`, `inputs`, `title.ja`...).
    package var fields: [FieldChange]
    /// Rows added, removed or changed, in the later order (removed rows where they stood).
    package var rows: [RowChange]
    /// The rows both sides have are in another order (it matters for a `first` table).
    package var reordered: Bool
}

/// A row of a decision table added, removed or changed.
package struct RowChange: Sendable, Hashable {
    package var id: String
    package var kind: ChangeKind
    /// Cells that differ (for an added or removed row: every cell), by fact.
    package var cells: [FieldChange]
    /// Outputs that differ (`outcome`, `reason`, `procedure`, `next`, `route`...).
    package var outputs: [FieldChange]
    /// The source passage on each side.
    package var beforeSource: SourceCitation?
    package var afterSource: SourceCitation?
}

/// One named value before and after (nil: absent on that side).
package struct FieldChange: Sendable, Hashable {
    package var name: String
    package var before: String?
    package var after: String?
    /// Creates a change.
    package init(name: String, before: String?, after: String?) { self.name = name; self.before = before; self.after = after }
}
