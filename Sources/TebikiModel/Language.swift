/// A language identifier such as `ja`, `en` or `zh-Hans` (BCP 47).
package typealias LanguageID = String

/// A language the model is written in. Languages are data: adding one needs no Swift change.
package struct Language: Sendable, Hashable, Identifiable {
    /// Source language (the one the policy is written in) or a translation of it.
    package enum Role: String, Sendable, Hashable { case source, translation }

    /// BCP 47 tag.
    package var id: LanguageID
    /// The language's name in itself (日本語, English), for language switchers.
    package var name: String
    /// Source or translation.
    package var role: Role
    /// How a date is written, with `{year}`, `{month}`, `{day}` and `{month_name}`.
    package var dateFormat: String
    /// Month names, January first, for `{month_name}`.
    package var monthNames: [String]
    /// How a UI label is set off in plain text (`「` `」`, or `"` `"`).
    package var uiLabelOpen: String
    package var uiLabelClose: String
    /// Whether the marks replace the spaces around a label in plain text (`「OK」をクリック`, not `「OK」 をクリック`).
    package var uiLabelTight: Bool
    /// Where it was declared.
    package var location: SourceLocation

    /// Creates a language.
    package init(
        id: LanguageID, name: String, role: Role, dateFormat: String, monthNames: [String],
        uiLabelOpen: String, uiLabelClose: String, uiLabelTight: Bool = false, location: SourceLocation = .unknown
    ) {
        self.id = id; self.name = name; self.role = role; self.dateFormat = dateFormat
        self.monthNames = monthNames; self.uiLabelOpen = uiLabelOpen; self.uiLabelClose = uiLabelClose
        self.uiLabelTight = uiLabelTight
        self.location = location
    }

    /// A date written the way this language writes dates: `{year}`, `{month_name}`, `{month}` and
    /// `{day}` replaced, in that order (a month name that holds a placeholder is replaced too).
    /// Placeholders are found by their bytes, whatever follows them (a combining mark too).
    ///
    /// Every explanation formats its deadline, so this runs once per decided scenario and
    /// language: four passes over the format's bytes, not four searches by Character.
    package func format(_ date: CalendarDate) -> String {
        let monthName = monthNames.indices.contains(date.month - 1) ? monthNames[date.month - 1] : String(date.month)
        var bytes = Array(dateFormat.utf8)
        bytes = Self.replacing("{year}", with: String(date.year), in: bytes)
        bytes = Self.replacing("{month_name}", with: monthName, in: bytes)
        bytes = Self.replacing("{month}", with: String(date.month), in: bytes)
        bytes = Self.replacing("{day}", with: String(date.day), in: bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every occurrence of an ASCII `target` in UTF-8 `bytes` replaced (`ByteScan`: an ASCII
    /// byte is never part of another scalar's encoding, so no match splits a scalar).
    private static func replacing(_ target: StaticString, with replacement: String, in bytes: [UInt8]) -> [UInt8] {
        target.withUTF8Buffer { ByteScan.replacing($0, with: replacement.utf8, in: bytes) }
    }
}

/// A text in every language of the model. The loader guarantees that every declared
/// language is present and non-empty.
package struct Localized: Sendable, Hashable {
    /// Text by language.
    package var values: [LanguageID: String]
    /// Where each language's text was written, when read from content.
    package var locations: [LanguageID: SourceLocation]

    /// Creates a localized text.
    package init(_ values: [LanguageID: String], locations: [LanguageID: SourceLocation] = [:]) {
        self.values = values
        self.locations = locations
    }

    /// The text in `language`, or an empty string when it is missing.
    package subscript(language: LanguageID) -> String { values[language] ?? "" }

    /// Localized equality ignores where the texts were written.
    package static func == (a: Localized, b: Localized) -> Bool { a.values == b.values }
    package func hash(into hasher: inout Hasher) { hasher.combine(values) }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    package func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Index>? {
        guard let first = target.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first, self[i...].hasPrefix(target) {
                return i..<index(i, offsetBy: target.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
