import TebikiModel

/// A text of the model added, removed or changed (in any language): a reason, a warning's title,
/// a product's summary, a question... `domain` says which kind of text, `id` which one.
package struct TextChange: Sendable, Hashable {
    /// `reason.text`, `warning.title`, `product.summary`, `fact.question`, `action.title`...
    package var domain: String
    /// The element's id (`late-request`; `certificate_status=issued` for a value's label).
    package var id: String
    package var kind: ChangeKind
    /// The text per language on each side (nil on the side it is absent from). Templates keep
    /// their placeholders (`{BTN-REFUND}`): a renamed label shows under `labels`.
    package var before: Localized?
    package var after: Localized?

    /// The languages whose text differs.
    package var changedLanguages: [LanguageID] {
        let langs = Set((before?.values.keys).map(Array.init) ?? []).union((after?.values.keys).map(Array.init) ?? [])
        return langs.filter { before?.values[$0] != after?.values[$0] }.sorted()
    }
}

/// A console label (glossary element) added, removed or renamed.
package struct LabelChange: Sendable, Hashable {
    package var id: String
    package var kind: ChangeKind
    /// The element's kind (`page`, `button`...) on each side.
    package var beforeKind: String?
    package var afterKind: String?
    /// The label per language on each side.
    package var before: Localized?
    package var after: Localized?
}
