import Mustache
import Synchronization

/// The values a page's layout is rendered with: texts, flags and lists of nested values. Fields
/// keep the order the code gives them, so that two pages of one shape list their texts alike.
struct LayoutValues {
    enum Value {
        case text(String)
        case flag(Bool)
        case list([LayoutValues])
    }

    private(set) var fields: [(key: String, value: Value)] = []

    init() {}

    /// A field; a key is given once.
    mutating func set(_ key: String, _ value: Value) { fields.append((key, value)) }
    mutating func set(_ key: String, _ text: String) { fields.append((key, .text(text))) }
    mutating func set(_ key: String, _ flag: Bool) { fields.append((key, .flag(flag))) }
    mutating func set(_ key: String, _ list: [LayoutValues]) { fields.append((key, .list(list))) }

    /// What swift-mustache is given: strings, `Bool`s and arrays of dictionaries.
    var mustacheContext: [String: Any] {
        var context: [String: Any] = [:]
        for (key, value) in fields {
            switch value {
            case .text(let s): context[key] = s
            case .flag(let b): context[key] = b
            case .list(let items): context[key] = items.map(\.mustacheContext)
            }
        }
        return context
    }

    /// Everything but the texts' contents (keys, flags, list lengths, and where the texts are),
    /// as bytes, and the texts in the same walk order.
    func shape(into key: inout [UInt8], texts: inout [String]) {
        for (name, value) in fields {
            withUnsafeBytes(of: name.utf8.count) { key.append(contentsOf: $0) }
            key.append(contentsOf: name.utf8)
            switch value {
            case .text(let s): key.append(UInt8(ascii: "s")); texts.append(s)
            case .flag(let b): key.append(UInt8(ascii: b ? "t" : "f"))
            case .list(let items):
                key.append(UInt8(ascii: "["))
                withUnsafeBytes(of: items.count) { key.append(contentsOf: $0) }
                for item in items { item.shape(into: &key, texts: &texts); key.append(UInt8(ascii: ";")) }
            }
        }
    }

    /// The same shape with the `i`-th text replaced by `sentinel(i)`.
    func replacingTexts(_ next: inout Int, _ sentinel: (Int) -> String) -> LayoutValues {
        var copy = LayoutValues()
        for (name, value) in fields {
            switch value {
            case .text: copy.set(name, .text(sentinel(next))); next += 1
            case .flag: copy.set(name, value)
            case .list(let items): copy.set(name, .list(items.map { $0.replacingTexts(&next, sentinel) }))
            }
        }
        return copy
    }
}

/// The layout template rendered as swift-mustache renders it, but for most pages by a few string
/// appends: per shape of the values (keys, flags, list lengths) the layout is rendered once with
/// a unique sentinel in place of every text, and the output is cut into literal pieces and texts,
/// raw or escaped. A page of that shape is then its pieces with its own texts put in.
///
/// This is exact because, for the tags it allows, swift-mustache's output depends on a text only
/// by writing it (`{{x}}` escaped, `{{{x}}}` raw): a section or an inverted section over a string
/// takes it whatever it holds, and a dotted name into a string finds nothing. Sentinels carry a
/// private-use character and the five characters HTML escaping changes, so each one is found
/// and whether it was escaped is known; one that does not come through whole (written as part of a
/// list's description, for instance) makes the shape fall back to swift-mustache, as does a
/// layout whose source holds the sentinels' marks. Transforms (`{{upper(x)}}`), partials, blocks
/// and content-type pragmas make a layout fall back entirely: their output can depend on a text
/// in other ways (case, emptiness, a final newline before an indented line).
final class CompiledLayout: Sendable {
    /// A piece of a page: literal text, or the `index`-th text, escaped or raw.
    enum Piece: Equatable {
        case literal(String)
        case text(Int, escaped: Bool)
    }

    let template: LayoutTemplate
    /// Whether the layout uses only tags whose output the pieces reproduce.
    let compilable: Bool
    /// Pieces by shape; nil where the sentinels did not come through.
    private let shapes = Mutex<[ShapeKey: [Piece]?]>([:])

    /// A shape's bytes, hashed as one block (an array of bytes hashes byte by byte).
    struct ShapeKey: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    init(_ template: LayoutTemplate) {
        self.template = template
        let source = template.description
        compilable = !source.unicodeScalars.contains { $0 == Self.open || $0 == Self.close }
            && template.parts.allSatisfy(Self.onlyPlainTags)
    }

    /// The page: the same bytes as `template.render(values.mustacheContext)`.
    func render(_ values: LayoutValues) -> String {
        guard compilable else { return template.render(values.mustacheContext) }
        var key: [UInt8] = []
        key.reserveCapacity(1024)
        var texts: [String] = []
        texts.reserveCapacity(64)
        values.shape(into: &key, texts: &texts)
        let shape = ShapeKey(bytes: key)
        let pieces = shapes.withLock { $0[shape] } ?? {
            let compiled = compile(values, count: texts.count)
            shapes.withLock { $0[shape] = compiled }
            return compiled
        }()
        guard let pieces else { return template.render(values.mustacheContext) }
        var size = 0
        for piece in pieces {
            switch piece {
            case .literal(let s): size += s.utf8.count
            case .text(let i, _): size += texts[i].utf8.count
            }
        }
        var out = ""
        out.reserveCapacity(size + size / 16)
        for piece in pieces {
            switch piece {
            case .literal(let s): out += s
            case .text(let i, escaped: false): out += texts[i]
            case .text(let i, escaped: true): MustacheEscape.append(texts[i], to: &out)
            }
        }
        return out
    }

    /// The pieces of one shape, from swift-mustache's output for sentinel texts (nil if a sentinel
    /// is not found whole, raw or escaped, or a mark is left over).
    func compile(_ values: LayoutValues, count: Int) -> [Piece]? {
        var next = 0
        let probe = values.replacingTexts(&next, Self.sentinel)
        return Self.pieces(of: template.render(probe.mustacheContext), count: count)
    }

    /// The marks around a sentinel (private use, reserved for this; `InlineMarker` uses U+E000…).
    static let open: Unicode.Scalar = "\u{F8F0}"
    static let close: Unicode.Scalar = "\u{F8F1}"
    /// Between the marks: letters that case transforms change, the characters HTML escaping
    /// changes, and the text's number.
    static let body = "aA<&\"'>"

    static func sentinel(_ i: Int) -> String { "\(open)\(body)\(i)\(close)" }

    /// `output` cut into literal pieces and sentinels of texts `0..<count`.
    static func pieces(of output: String, count: Int) -> [Piece]? {
        let openBytes = Array(String(open).utf8), closeBytes = Array(String(close).utf8)
        let raw = openBytes + Array(body.utf8)
        var escapedBody = ""
        MustacheEscape.append(body, to: &escapedBody)
        let escaped = openBytes + Array(escapedBody.utf8)
        let bytes = Array(output.utf8)
        var pieces: [Piece] = []
        var literalStart = 0
        var i = 0
        func matches(_ pattern: [UInt8], at j: Int) -> Bool {
            j + pattern.count <= bytes.count && bytes[j..<(j + pattern.count)].elementsEqual(pattern)
        }
        while i < bytes.count {
            if matches(closeBytes, at: i) { return nil }
            guard matches(openBytes, at: i) else { i += 1; continue }
            let isEscaped: Bool
            var j: Int
            if matches(raw, at: i) { isEscaped = false; j = i + raw.count }
            else if matches(escaped, at: i) { isEscaped = true; j = i + escaped.count }
            else { return nil }
            let digitsStart = j
            var number = 0
            while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]), j - digitsStart < 9 {
                number = number * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                j += 1
            }
            guard j > digitsStart, number < count, String(number).utf8.count == j - digitsStart, matches(closeBytes, at: j) else { return nil }
            if literalStart < i { pieces.append(.literal(String(decoding: bytes[literalStart..<i], as: UTF8.self))) }
            pieces.append(.text(number, escaped: isEscaped))
            i = j + closeBytes.count
            literalStart = i
        }
        if literalStart < bytes.count { pieces.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self))) }
        return pieces
    }

    /// Whether every tag of the template is text, a variable, a section or an inverted section,
    /// none with a transform. swift-mustache keeps its tokens internal, so they are read by
    /// reflection; a shape it does not recognise counts as not plain (the layout falls back).
    static func onlyPlainTags(_ template: MustacheTemplate) -> Bool {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else { return false }
        let list = Mirror(reflecting: tokens)
        guard list.displayStyle == .collection else { return false }
        for token in list.children {
            let mirror = Mirror(reflecting: token.value)
            guard mirror.displayStyle == .enum, let tag = mirror.children.first else {
                // A case without a payload is none of the plain ones.
                return false
            }
            switch tag.label {
            case "text":
                continue
            case "variable", "unescapedVariable", "section", "invertedSection":
                let fields = Mirror(reflecting: tag.value).children
                guard let transforms = fields.first(where: { $0.label == "transforms" })?.value as? [String], transforms.isEmpty else { return false }
                if tag.label == "section" || tag.label == "invertedSection" {
                    guard let inner = fields.first(where: { $0.label == "template" })?.value as? MustacheTemplate,
                          onlyPlainTags(inner) else { return false }
                }
            default:
                return false
            }
        }
        return true
    }
}

/// swift-mustache's HTML escaping, byte for byte: it replaces `<`, `>`, `&`, `"` and `'` when the
/// character (grapheme cluster) is exactly one of them, so one joined to a neighbouring combining
/// mark or prepended scalar stays as it is.
enum MustacheEscape {
    static func append(_ text: String, to out: inout String) {
        var text = text
        // true: nothing to escape; false: escape by bytes; nil: a special character has a
        // non-ASCII neighbour and may be part of a larger cluster.
        let plain: Bool? = text.withUTF8 { b in
            var found = false
            for i in b.indices where isSpecial(b[i]) {
                if (i > 0 && b[i - 1] >= 0x80) || (i + 1 < b.count && b[i + 1] >= 0x80) { return nil }
                found = true
            }
            return !found
        }
        switch plain {
        case true?:
            out += text
        case false?:
            // Between ASCII neighbours an ASCII character is a cluster of its own.
            var bytes: [UInt8] = []
            text.withUTF8 { b in
                bytes.reserveCapacity(b.count + 16)
                for c in b {
                    if let e = entity(c) { bytes += e.utf8 } else { bytes.append(c) }
                }
            }
            out += String(decoding: bytes, as: UTF8.self)
        case nil:
            for c in text {
                switch c {
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "&": out += "&amp;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(c)
                }
            }
        }
    }

    private static func isSpecial(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "&") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
    }

    private static func entity(_ c: UInt8) -> String? {
        switch c {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
