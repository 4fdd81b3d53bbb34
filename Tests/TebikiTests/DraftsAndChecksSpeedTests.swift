import Testing
import TebikiAnalysis
import TebikiEngine
import TebikiModel
@testable import TebikiCheck
@testable import TebikiRender

/// What the site's drafts and the page check compute in parts, or in parallel, is what the whole
/// computation gives.
@Suite("Drafts and checks: the parts give what the whole gives")
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

    /// The fence found by searching the drawing for ever longer fences, by `Character`.
    static func fenceBySearch(_ drawing: String) -> String {
        var fence = "```"
        while drawing.contains(fence) { fence += "`" }
        return fence
    }

    @Test("a drawing's fence is longer than any run of backticks in it", arguments: [
        "", "flowchart TD\n", "no backticks 返金 #96;", "one ` here", "two `` here", "three ``` here", "four ```` and ``` here",
        "`", "```", "a\u{1FEF}\u{1FEF}\u{1FEF}b", "varia \u{1FEF} alone", "`\u{301}`\u{301}`\u{301}", "full width ｀｀｀",
        "e\u{301}\u{300} combining", "👍🏽 emoji ``` fence",
    ])
    func fences(_ drawing: String) {
        #expect(MarkdownDocument.fence(for: drawing) == Self.fenceBySearch(drawing))
        if !MarkdownDocument.mayHoldBacktick(drawing) { #expect(Self.fenceBySearch(drawing) == "```") }
    }

    // MARK: element ids

    @Test("an HTML page's element ids, each at its first occurrence", arguments: ByteScanTests.haystacks)
    func ids(_ text: String) {
        let u = Array(text.utf8)
        var ids: [String: Int] = [:]
        let needle = Array("id=\"".utf8)
        var i = 0
        while let at = ByteScanTests.firstIndexByBytes(needle, in: u, from: i) {
            var j = at + needle.count
            while j < u.count, u[j] != UInt8(ascii: "\"") { j += 1 }
            let id = String(decoding: u[(at + needle.count)..<j], as: UTF8.self)
            if ids[id] == nil { ids[id] = at }
            i = j
        }
        #expect(HTMLStepList.ids(u) == ids)
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
