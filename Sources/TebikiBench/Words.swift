/// A text in both languages of the synthetic content (ja, the source, and en).
package struct Words: Sendable, Hashable {
    /// The Japanese text.
    package var ja: String
    /// The English text.
    package var en: String

    /// Creates a text from its two languages.
    package init(_ ja: String, _ en: String) {
        self.ja = ja
        self.en = en
    }

    /// The YAML flow mapping `{ja: "…", en: "…"}`.
    var yaml: String { "{ja: \(YAML.quoted(ja)), en: \(YAML.quoted(en))}" }
}
