/// A text with placeholders in braces: `{BTN-REFUND}` names a glossary element,
/// `{deadline}` a value the engine supplies. `{{` and `}}` stand for literal braces.
package struct Template: Sendable, Hashable {
    /// A piece of a template.
    package enum Segment: Sendable, Hashable {
        case text(String)
        case placeholder(String)
    }

    /// The pieces in order.
    package var segments: [Segment]

    /// Parses a template. Returns the error and its 0-based scalar offset when malformed.
    ///
    /// Braces, spaces and newlines are ASCII, so the template is scanned byte by byte in its UTF-8
    /// and text and names are cut from it as slices: cut at ASCII bytes, they hold exactly the
    /// scalars between.
    package static func parse(_ source: String) -> Result<Template, TemplateError> {
        var source = source
        return source.withUTF8 { bytes in
            let end = bytes.count
            func slice(_ a: Int, _ b: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self) }
            /// The offset of byte `i` in Unicode scalars (the bytes that do not continue a scalar).
            func offset(_ i: Int) -> Int { bytes[..<i].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }

            var segments: [Segment] = []
            var text = ""               // the text so far, up to `runStart`
            var runStart = 0
            var i = 0
            while i < end {
                let c = bytes[i]
                guard c == UInt8(ascii: "{") || c == UInt8(ascii: "}") else { i += 1; continue }
                if i + 1 < end, bytes[i + 1] == c {
                    // `{{` or `}}`: the run so far with one brace.
                    text += slice(runStart, i + 1)
                    i += 2; runStart = i
                    continue
                }
                if c == UInt8(ascii: "}") {
                    return .failure(TemplateError(message: "a '}' closes no placeholder (write '}}' for a literal brace)", offset: offset(i)))
                }
                text += slice(runStart, i)
                if !text.isEmpty { segments.append(.text(text)); text = "" }
                var j = i + 1
                while j < end, bytes[j] != UInt8(ascii: "}") {
                    let d = bytes[j]
                    if d == UInt8(ascii: "{") || d == UInt8(ascii: " ") || d == UInt8(ascii: "\n") { break }
                    j += 1
                }
                guard j < end, bytes[j] == UInt8(ascii: "}") else {
                    return .failure(TemplateError(message: "a placeholder is not closed with '}'", offset: offset(i)))
                }
                guard j > i + 1 else { return .failure(TemplateError(message: "an empty placeholder '{}'", offset: offset(i))) }
                segments.append(.placeholder(slice(i + 1, j)))
                i = j + 1; runStart = i
            }
            text += slice(runStart, end)
            if !text.isEmpty { segments.append(.text(text)) }
            return .success(Template(segments: segments))
        }
    }

    /// Creates a template from segments.
    package init(segments: [Segment]) { self.segments = segments }

    /// The placeholder names, in order of appearance (with repeats).
    package var placeholders: [String] {
        segments.compactMap { if case .placeholder(let n) = $0 { n } else { nil } }
    }

    /// The text with each placeholder replaced by `value(name)`.
    package func render(_ value: (String) -> String) -> String {
        var s = ""
        for segment in segments {
            switch segment {
            case .text(let t): s += t
            case .placeholder(let n): s += value(n)
            }
        }
        return s
    }
}

/// A malformed template.
package struct TemplateError: Error, Sendable, Hashable {
    /// What is wrong.
    package var message: String
    /// 0-based offset in Unicode scalars from the start of the template.
    package var offset: Int
}

/// A template in every language of the model.
package struct LocalizedTemplate: Sendable, Hashable {
    /// Template by language.
    package var templates: [LanguageID: Template]
    /// The source texts, kept for diagnostics and diffs.
    package var source: Localized

    /// Creates a localized template.
    package init(templates: [LanguageID: Template], source: Localized) {
        self.templates = templates
        self.source = source
    }

    /// The template in `language` (empty when missing).
    package subscript(language: LanguageID) -> Template { templates[language] ?? Template(segments: []) }
}
