/// A text with placeholders in braces: `{BTN-REFUND}` names a glossary element,
/// `{deadline}` a value the engine supplies. `{{` and `}}` stand for literal braces.
public struct Template: Sendable, Hashable {
    /// A piece of a template.
    public enum Segment: Sendable, Hashable {
        case text(String)
        case placeholder(String)
    }

    /// The pieces in order.
    public var segments: [Segment]

    /// Parses a template. Returns the error and its 0-based scalar offset when malformed.
    public static func parse(_ source: String) -> Result<Template, TemplateError> {
        var segments: [Segment] = []
        var text = ""
        var name: String?
        var offset = 0, openedAt = 0
        let scalars = Array(source.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if name == nil {
                if c == "{" {
                    if i + 1 < scalars.count, scalars[i + 1] == "{" { text.unicodeScalars.append("{"); i += 2; offset += 2; continue }
                    if !text.isEmpty { segments.append(.text(text)); text = "" }
                    name = ""; openedAt = offset
                } else if c == "}" {
                    if i + 1 < scalars.count, scalars[i + 1] == "}" { text.unicodeScalars.append("}"); i += 2; offset += 2; continue }
                    return .failure(TemplateError(message: "a '}' closes no placeholder (write '}}' for a literal brace)", offset: offset))
                } else {
                    text.unicodeScalars.append(c)
                }
            } else {
                if c == "}" {
                    guard let n = name, !n.isEmpty else {
                        return .failure(TemplateError(message: "an empty placeholder '{}'", offset: openedAt))
                    }
                    segments.append(.placeholder(n)); name = nil
                } else if c == "{" || c == " " || c == "\n" {
                    return .failure(TemplateError(message: "a placeholder is not closed with '}'", offset: openedAt))
                } else {
                    name!.unicodeScalars.append(c)
                }
            }
            i += 1; offset += 1
        }
        if name != nil { return .failure(TemplateError(message: "a placeholder is not closed with '}'", offset: openedAt)) }
        if !text.isEmpty { segments.append(.text(text)) }
        return .success(Template(segments: segments))
    }

    /// Creates a template from segments.
    public init(segments: [Segment]) { self.segments = segments }

    /// The placeholder names, in order of appearance (with repeats).
    public var placeholders: [String] {
        segments.compactMap { if case .placeholder(let n) = $0 { n } else { nil } }
    }

    /// The text with each placeholder replaced by `value(name)`.
    public func render(_ value: (String) -> String) -> String {
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
public struct TemplateError: Error, Sendable, Hashable {
    /// What is wrong.
    public var message: String
    /// 0-based offset in Unicode scalars from the start of the template.
    public var offset: Int
}

/// A template in every language of the model.
public struct LocalizedTemplate: Sendable, Hashable {
    /// Template by language.
    public var templates: [LanguageID: Template]
    /// The source texts, kept for diagnostics and diffs.
    public var source: Localized

    /// Creates a localized template.
    public init(templates: [LanguageID: Template], source: Localized) {
        self.templates = templates
        self.source = source
    }

    /// The template in `language` (empty when missing).
    public subscript(language: LanguageID) -> Template { templates[language] ?? Template(segments: []) }
}
