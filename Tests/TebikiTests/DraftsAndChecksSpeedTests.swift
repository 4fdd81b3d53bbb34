import Testing
import TebikiAnalysis
import TebikiEngine
import TebikiModel
@testable import TebikiCheck
@testable import TebikiRender

/// The cheaper ways the site's drafts and the page check compute things, against the ways they
/// computed them before.
@Suite("Drafts and checks: cheaper ways agree with the old ones")
struct DraftsAndChecksSpeedTests {
    /// Every decision of the real content's classes (a few hundred distinct), once.
    static let decisions: [Decision] = {
        let decided = Checker(model: realModel).decided.decided
        var out: [Decision] = []
        for group in decided {
            for d in group { if case .success(let decision) = d.decision { out.append(decision) } }
        }
        return out
    }()

    @Test("Explanation.steps is the steps of the whole Explanation", arguments: [TextStyle.plain, .markdown])
    func stepsAlone(_ style: TextStyle) throws {
        #expect(Self.decisions.count > 100)
        var withSteps = 0
        for decision in Self.decisions.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            for language in realModel.languages {
                let whole = Explanation(decision: decision, model: realModel, language: language, style: style).steps
                let alone = Explanation.steps(decision: decision, model: realModel, language: language, style: style)
                #expect(alone == whole)
                if !whole.isEmpty { withSteps += 1 }
            }
        }
        #expect(withSteps > 0)
    }

    // MARK: fences

    @Test("a drawing's fence is the one found by searching for longer fences", arguments: [
        "", "flowchart TD\n", "no backticks 返金 #96;", "one ` here", "two `` here", "three ``` here", "four ```` and ``` here",
        "`", "```", "a\u{1FEF}\u{1FEF}\u{1FEF}b", "varia \u{1FEF} alone", "`\u{301}`\u{301}`\u{301}", "full width ｀｀｀",
        "e\u{301}\u{300} combining", "👍🏽 emoji ``` fence",
    ])
    func fences(_ drawing: String) {
        #expect(MarkdownDocument.fence(for: drawing) == MarkdownDocument.fenceBySearch(drawing))
        if !MarkdownDocument.mayHoldBacktick(drawing) { #expect(MarkdownDocument.fenceBySearch(drawing) == "```") }
    }

    // MARK: byte search

    static let haystacks: [String] = [
        "", "id=\"", "<h2 id=\"a\">A</h2>\n<ol>\n<li>x</li>\n</ol>\n", "<ol><li>one</li><li>two</li></ol>",
        "見出し id=\"返金\" <ol>\r\n<li>手順</li>\r\n</ol>", "\n\n\n", "a\r\nb\nc\r", "id=\"unclosed", "<<<ol<ol",
        "<h2 id=\"x\">x</h2><h2 id=\"x\">again</h2><p id=\"y\">y</p>", "=\"id=id=\"=\"", "iiid===\"id=\"",
    ]

    @Test("find with memmem finds what the byte loop found", arguments: haystacks)
    func find(_ hay: String) {
        let u = Array(hay.utf8)
        for needle in ["id=\"", "<ol", "<", "\n", "\r\n", "x", "手順", "", "<ol><li>one</li><li>two</li></ol>!"] {
            let n = Array(needle.utf8)
            for from in 0...u.count {
                let old = StepListReader.findByBytes(n, in: u, from: from)
                for rare in n.indices {
                    #expect(StepListReader.find(n, in: u, from: from, rare: rare) == old, "\(needle) from \(from) by byte \(rare)")
                }
            }
        }
    }

    @Test("newlines and ids agree with a loop over the bytes", arguments: haystacks)
    func newlinesAndIDs(_ text: String) {
        let u = Array(text.utf8)
        #expect(StepListReader.newlines(u) == u.indices.filter { u[$0] == UInt8(ascii: "\n") })
        var ids: [String: Int] = [:]
        let needle = Array("id=\"".utf8)
        var i = 0
        while let at = StepListReader.findByBytes(needle, in: u, from: i) {
            var j = at + needle.count
            while j < u.count, u[j] != UInt8(ascii: "\"") { j += 1 }
            let id = String(decoding: u[(at + needle.count)..<j], as: UTF8.self)
            if ids[id] == nil { ids[id] = at }
            i = j
        }
        #expect(StepListReader.ids(u) == ids)
    }

    // MARK: claims' scenarios

    @Test("claims' scenarios numbered by hash on every core as one by one")
    func scenarioNumbers() {
        let scenarios = Self.decisions.prefix(300).map(\.scenario)
        var claims: [StepClaim] = []
        for k in 0..<1200 {
            let s = scenarios[(k * 7919) % scenarios.count]
            claims.append(StepClaim(path: "ja/x.md", anchor: "a", language: k % 2 == 0 ? "ja" : "en", scenario: s))
        }
        // Scenarios that differ only a little.
        claims.append(StepClaim(path: "p", anchor: "a", language: "ja", scenario: Scenario()))
        claims.append(StepClaim(path: "p", anchor: "a", language: "ja", scenario: Scenario(["x": .integer(1)])))
        claims.append(StepClaim(path: "p", anchor: "a", language: "ja", scenario: Scenario(["x": .integer(2)])))
        claims.append(StepClaim(path: "p", anchor: "a", language: "ja", scenario: Scenario(["x": .integer(1)])))
        let parallel = PageChecker.numberScenarios(claims), serial = PageChecker.numberScenariosSerially(claims)
        #expect(parallel.numbers == serial.numbers)
        #expect(parallel.scenarios == serial.scenarios)
        #expect(PageChecker.numberScenarios([]).numbers.isEmpty)
    }
}
