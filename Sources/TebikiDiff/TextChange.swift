import TebikiModel

/// A text of the model added, removed or changed (in any language): a reason, a warning's title,
/// a product's summary, a question... `domain` says which kind of text, `id` which one.
public struct TextChange: Sendable, Hashable {
    /// `reason.text`, `warning.title`, `product.summary`, `fact.question`, `action.title`...
    public var domain: String
    /// The element's id (`late-request`; `certificate_status=issued` for a value's label).
    public var id: String
    public var kind: ChangeKind
    /// The text per language on each side (nil on the side it is absent from). Templates keep
    /// their placeholders (`{BTN-REFUND}`): a renamed label shows under `labels`.
    public var before: Localized?
    public var after: Localized?

    /// The languages whose text differs.
    public var changedLanguages: [LanguageID] {
        let langs = Set((before?.values.keys).map(Array.init) ?? []).union((after?.values.keys).map(Array.init) ?? [])
        return langs.filter { before?.values[$0] != after?.values[$0] }.sorted()
    }
}

/// A console label (glossary element) added, removed or renamed.
public struct LabelChange: Sendable, Hashable {
    public var id: String
    public var kind: ChangeKind
    /// The element's kind (`page`, `button`...) on each side.
    public var beforeKind: String?
    public var afterKind: String?
    /// The label per language on each side.
    public var before: Localized?
    public var after: Localized?
}
