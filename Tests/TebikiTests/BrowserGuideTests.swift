import Foundation
import Testing
import TebikiAnalysis
import TebikiEngine
import TebikiModel
import TebikiRender

/// Whether the browser tests were switched off on purpose (`TEBIKI_SKIP_BROWSER_TESTS=1`).
/// Without it, a machine with no Chromium fails them with a message naming scripts/install-deps.
let browserTestsSkipped = ProcessInfo.processInfo.environment["TEBIKI_SKIP_BROWSER_TESTS"] == "1"

/// One walk through the decision guide: the answers to click, in English words (the test finds
/// the same answers in the other language through the model), and the same order as JSON for
/// the engine, which says where the walk must end.
struct GuideWalk: Sendable, CustomTestStringConvertible {
    var language: LanguageID
    var answers: [FactID: String]
    var scenario: String
    var testDescription: String { "\(language): \(answers["product"] ?? "?")" }
}

/// A running browser session on the built site, for one test.
struct BrowserSession {
    let driver: ChromeDriverProcess
    let web: WebDriver
    let site: String

    /// Builds the site (once per run), starts chromedriver and headless Chromium.
    static func start(width: Int = 1280, height: Int = 900) async throws -> BrowserSession {
        let tools = try ChromeDriverProcess.tools()
        let site = try BuiltSite.directory()
        let driver = try await ChromeDriverProcess(driver: tools.driver)
        do {
            let web = try await WebDriver.start(driverPort: driver.port, chromium: tools.chromium, width: width, height: height)
            return BrowserSession(driver: driver, web: web, site: site)
        } catch {
            driver.stop()
            throw error
        }
    }

    /// The file URL of a page of the site.
    func url(_ path: String) -> String { URL(fileURLWithPath: site + "/" + path).absoluteString }

    /// The site-relative path of the current page.
    func currentPath() async throws -> String {
        let current = try await web.currentURL()
        let prefix = URL(fileURLWithPath: site).absoluteString
        return current.hasPrefix(prefix) ? String(current.dropFirst(prefix.count)).trimmingPrefix("/").description : current
    }

    func stop() async {
        await web.quit()
        driver.stop()
    }

    /// Runs `body` with a fresh browser, and stops the browser however `body` ends.
    static func with<T>(width: Int = 1280, height: Int = 900, _ body: (BrowserSession) async throws -> T) async throws -> T {
        let session = try await start(width: width, height: height)
        do {
            let result = try await body(session)
            await session.stop()
            return result
        } catch {
            await session.stop()
            throw error
        }
    }
}

/// Text compared the way a reader sees it: UI-label marks and all whitespace removed.
func readerText(_ s: String) -> String {
    String(s.filter { !$0.isWhitespace && !"「」\"“”".contains($0) })
}

@Suite("Browser: the decision guide in Chromium", .serialized, .disabled(if: browserTestsSkipped, "TEBIKI_SKIP_BROWSER_TESTS=1"))
struct BrowserGuideTests {
    static let sslIssued: [FactID: String] = [
        "promotion": "No", "requested_in_window": "Yes", "cash_paid": "More than 0", "product": "SSL Certificate",
        "combined_multi_domain": "No", "managed_service_only": "No", "revocation_in_window": "Not known yet",
        "certificate_status": "Issued", "validity_years": "1",
    ]
    static let sslJSON = #"{"product":"ssl-certificate","paid_on":"2025-12-01","requested_on":"2025-12-02","cash_paid":"30.00","certificate_status":"issued","validity_years":1}"#
    static let privateCA: [FactID: String] = [
        "promotion": "No", "requested_in_window": "Yes", "cash_paid": "More than 0",
        "product": "Private Certificate Authority (PCA)", "ca_status": "Enabled",
    ]
    static let privateCAJSON = #"{"product":"private-ca","paid_on":"2025-12-01","requested_on":"2025-12-03","cash_paid":"100.00","ca_status":"enabled"}"#

    static let walks: [GuideWalk] = [
        GuideWalk(language: "ja", answers: sslIssued, scenario: sslJSON),
        GuideWalk(language: "en", answers: sslIssued, scenario: sslJSON),
        GuideWalk(language: "ja", answers: privateCA, scenario: privateCAJSON),
        GuideWalk(language: "en", answers: privateCA, scenario: privateCAJSON),
    ]

    @Test("from the start page, answer links lead to the outcome the engine decides, with its numbered steps; the language switcher keeps the page",
          arguments: walks)
    func walkTheGuide(_ walk: GuideWalk) async throws {
        let model = realModel
        let space = QuestionSpace(model: model)
        let language = try #require(model.language(walk.language))
        let other = try #require(model.languages.first { $0.id != walk.language })
        let decision = try decide(walk.scenario)
        let expected = Explanation(decision: decision, model: model, language: language, style: .plain)

        try await BrowserSession.with { session in
            let web = session.web

            // The start page, in its language.
            try await web.open(session.url("\(walk.language)/index.html"))
            #expect(try await web.execute("return document.documentElement.lang") as? String == walk.language)
            let start = try #require(try await web.find("main a[href$='guide/index.html']"), "the start page has no link to the decision guide")
            try await web.click(start)

            // Questions, one page each: click the answer of the walk, found by its words in this language.
            var asked: [FactID] = []
            var reachedOutcome = false
            for _ in 0..<20 {
                let here = try await session.currentPath()
                let h1 = try await web.findAll("main h1")
                try #require(h1.count == 1, "\(here) has \(h1.count) h1")
                let heading = try await web.text(h1[0])
                if heading.contains(expected.outcomeTitle) { reachedOutcome = true; break }
                let fact = try #require(space.order.first { space.questions[$0]?.fact.question?[walk.language] == heading },
                                        "“\(heading)” on \(here) is neither a question nor the outcome “\(expected.outcomeTitle)”")
                asked.append(fact)
                let english = try #require(walk.answers[fact], "the walk has no answer for \(fact)")
                let question = try #require(space.questions[fact])
                let answer = try #require(question.answers.first { space.label($0, fact: fact, language: "en") == english }, "no answer “\(english)” to \(fact)")
                let words = space.label(answer, fact: fact, language: walk.language)
                var target: WebDriver.Element?
                for link in try await web.findAll("main li a") {
                    let text = try await web.text(link)
                    if text == words || text.split(separator: "/").map({ $0.trimmingCharacters(in: .whitespaces) }).contains(words) || (target == nil && text.contains(words)) {
                        target = link
                        if text == words { break }
                    }
                }
                let link = try #require(target, "no answer link “\(words)” on \(here)")
                try await web.click(link)
            }
            #expect(reachedOutcome, "the walk did not reach “\(expected.outcomeTitle)” (asked \(asked))")
            #expect(Set(asked).isSubset(of: Set(walk.answers.keys)))
            let outcomePath = try await session.currentPath()
            #expect(outcomePath.hasPrefix("\(walk.language)/"), "the walk left the language: \(outcomePath)")

            // The numbered steps of the outcome page are the steps `tebiki explain` gives.
            let lists = try await web.findAll("main ol")
            try #require(!lists.isEmpty, "no numbered steps on \(outcomePath)")
            let items = try await web.findAll("li", in: lists[0])
            let texts = try await items.asyncMap { try await web.text($0) }
            #expect(texts.map(readerText) == expected.steps.map { readerText($0.text) }, "steps on \(outcomePath)")
            let labels = try await web.findAll("main ol .ui-label")
            #expect(!labels.isEmpty, "the steps mark no UI labels")

            // The language switcher: the same page in the other language, its name in its own lang.
            let switcher = try #require(try await web.find("[class*='language'] a[hreflang='\(other.id)']"), "no link to \(other.id) in the language switcher")
            #expect(try await web.attribute(switcher, "lang") == other.id)
            #expect(try await web.text(switcher) == other.name)
            try await web.click(switcher)
            let switched = try await session.currentPath()
            #expect(switched == other.id + outcomePath.dropFirst(walk.language.count), "the switcher went to \(switched)")
            #expect(try await web.execute("return document.documentElement.lang") as? String == other.id)
            let otherTitle = Explanation(decision: decision, model: model, language: other, style: .plain).outcomeTitle
            let otherH1 = try #require(try await web.find("main h1"))
            #expect(try await web.text(otherH1).contains(otherTitle))
            // And back.
            let back = try #require(try await web.find("[class*='language'] a[hreflang='\(walk.language)']"))
            try await web.click(back)
            #expect(try await session.currentPath() == outcomePath)
        }
    }
}

extension Sequence {
    /// `map` with an async transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out.append(try await transform(e)) }
        return out
    }
}
