import Testing
@testable import TebikiModel

/// `Template.parse` cuts its pieces from the source's bytes: the pieces must hold exactly the
/// source's scalars (no normalization, combining marks kept where they were) and errors must
/// count scalars, not bytes or Characters.
@Suite("Templates: pieces and offsets")
struct TemplateSliceTests {
    /// The segments with their texts as scalar values (String `==` ignores normalization).
    private func scalars(_ t: Template) -> [String] {
        t.segments.map { segment in
            switch segment {
            case .text(let s): return "t:" + s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            case .placeholder(let s): return "p:" + s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            }
        }
    }

    @Test("text, escaped braces and placeholders")
    func pieces() throws {
        #expect(try Template.parse("a{{b}}c{X}d").get().segments == [.text("a{b}c"), .placeholder("X"), .text("d")])
        #expect(try Template.parse("{{{A}}}").get().segments == [.text("{"), .placeholder("A"), .text("}")])
        #expect(try Template.parse("{A}{B}").get().segments == [.placeholder("A"), .placeholder("B")])
        #expect(try Template.parse("").get().segments == [])
        #expect(try Template.parse("{{").get().segments == [.text("{")])
    }

    @Test("scalars are kept as written, combining marks after braces included")
    func scalarsKept() throws {
        let t = try Template.parse("e\u{301}{{\u{301}{A}\u{301}\r\n}}\u{301}").get()
        #expect(scalars(t) == ["t:65 301 7b 301", "p:41", "t:301 d a 7d 301"])
        let u = try Template.parse("ページで {BTN-返金} を").get()
        #expect(u.segments == [.text("ページで "), .placeholder("BTN-返金"), .text(" を")])
    }

    @Test("errors count scalars before the brace", arguments: [
        ("ページ {", 4), ("e\u{301} }", 3), ("é {}", 2), ("👍🏽 {A\nB}", 3), ("{{ {", 3), ("a {B {C}", 2),
    ])
    func offsets(source: String, offset: Int) {
        guard case .failure(let e) = Template.parse(source) else { Issue.record("accepted \(source)"); return }
        #expect(e.offset == offset)
    }
}
