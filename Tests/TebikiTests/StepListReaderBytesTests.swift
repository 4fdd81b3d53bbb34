@testable import TebikiCheck
import Testing

/// The byte-level readers of `StepListReader` give what the `Character`-level ones give.
@Suite("Check: step lists read over bytes")
struct StepListReaderBytesTests {
    @Test("visible text: the one-pass reading of ASCII fragments agrees with the Character reading")
    func visibleTextAgrees() {
        let fragments = [
            "", "Click <strong>Save</strong>.", "  Open\n the <a href=\"x.html#a\">page</a>  \t",
            "Type &quot;yes&quot; &amp; press &lt;Enter&gt; &apos;ok&apos;&nbsp;&nbsp;now",
            "A &unknown; entity, a bare & and &amp", "&amp;lt; is not decoded twice", "a &verylongentityname; b",
            "x > y, <em>a</em>b", "trailing tag <br", "<p>Paragraph</p>\n<p>Two</p>\n",
            // Not read in one pass: numeric entities, carriage returns, non-ASCII text.
            "&#39;quoted&#x27; &#X41;", "line\r\nbreak", "「<strong>保存</strong>」をクリック", ">\u{301}x<b>y</b>",
        ]
        for fragment in fragments {
            #expect(StepListReader.visibleText(html: fragment) == StepListReader.visibleTextByCharacters(fragment), "\(fragment)")
        }
        #expect(StepListReader.visibleText(html: "Type &quot;yes&quot;&nbsp; <b>now</b>") == "Type \"yes\" now")
    }

    @Test("lines: split where a Character is a line feed, one carriage return dropped at the end")
    func linesAgree() {
        let texts = ["", "a", "a\nb", "a\n\nb\n", "a\r\nb\nc", "a\rb\n", "a\r", "\n\r\n\n", "ja 日本\nen\u{85}x\u{2028}y\n"]
        for text in texts {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            #expect(StepListReader.lines(text) == expected, "\(text.debugDescription)")
        }
    }
}
