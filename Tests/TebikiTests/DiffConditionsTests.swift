import Foundation
import Testing
import TebikiDiff
import TebikiModel
import TebikiRender

/// A reviewer reads a group of changed scenarios by its conditions: they must say which
/// scenarios the group holds, and two groups must not read the same.
@Suite("Diff: every group's conditions tell it apart")
struct DiffConditionsTests {
    static let languages = ["ja", "en"]

    @Test("no two behaviour groups of a product have the same conditions and request day")
    func behaviourGroupsDiffer() throws {
        let diff = try DiffEditionsTests.require()
        var seen: Set<String> = []
        for g in diff.behaviour {
            let key = g.product + "|" + g.when.map { $0.fact + "=" + $0.answers.joined(separator: "/") }.joined(separator: ",")
                + "|" + (g.requestDay.map(String.init) ?? "-") + "|" + g.aspects.map(\.rawValue).joined(separator: ",")
            #expect(!seen.contains(key), "two groups read the same: \(key)")
            seen.insert(key)
        }
    }

    @Test("no two procedure entries of a product and procedure have the same conditions")
    func procedureEntriesDiffer() throws {
        let diff = try DiffEditionsTests.require()
        var seen: Set<String> = []
        for p in diff.procedures {
            let key = p.product + "|" + (p.beforeProcedure ?? "-") + ">" + (p.afterProcedure ?? "-") + "|"
                + p.when.map { $0.fact + "=" + $0.answers.joined(separator: "/") }.joined(separator: ",")
            #expect(!seen.contains(key), "two procedure entries read the same: \(key)")
            seen.insert(key)
        }
    }

    @Test("a condition with several answers names some, not all, of its question's answers, and the example is among them")
    func severalAnswers() throws {
        let diff = try DiffEditionsTests.require()
        let after = try #require(DiffEditionsTests.current)
        var several = 0
        for g in diff.behaviour {
            for ref in g.when {
                #expect(Set(ref.answers).count == ref.answers.count, "\(ref) repeats an answer")
                guard ref.answers.count > 1 else { continue }
                several += 1
                if let fact = after.facts[id: ref.fact], fact.type == .enumeration, let value = g.example[ref.fact] {
                    #expect(ref.answers.contains(value.description), "\(g.product): the example's \(ref.fact) \(value) is not in \(ref.answers)")
                    #expect(ref.answers.count < fact.values.count, "\(ref) names every value")
                }
            }
        }
        #expect(several > 0, "the edition diff has conditions with several answers (pending, under review or review failed)")
        let renewal = diff.behaviour.filter { g in
            g.product == "ssl-certificate" && g.when.contains(AnswerRef(fact: "certificate_status", answers: ["pending-application", "under-review", "review-failed"]))
        }
        #expect(renewal.count == 1)
    }

    @Test("the request day is the example's day of the window, and splits the last-day warning from day 0")
    func requestDay() throws {
        let diff = try DiffEditionsTests.require()
        let after = try #require(DiffEditionsTests.current)
        let window = after.edition.window
        let requestFact = try #require(window.requestFact)
        for g in diff.behaviour {
            guard let day = g.requestDay else { continue }
            guard case .date(let start)? = g.example[window.countsFrom], case .date(let requested)? = g.example[requestFact] else {
                Issue.record("\(g.product): a group with a request day has an example without dates"); continue
            }
            #expect(start.days(to: requested) == day)
        }
        let issuedTwoYears = diff.behaviour.filter { g in
            g.product == "ssl-certificate" && g.when.contains(AnswerRef(fact: "certificate_status", answer: "issued"))
                && g.when.contains(AnswerRef(fact: "validity_years", answer: "2"))
        }
        #expect(Set(issuedTwoYears.compactMap(\.requestDay)) == [0, window.length])
    }

    @Test("What changed: no two situations of a product have the same heading", arguments: languages)
    func whatChangedHeadings(language: String) throws {
        let before = try #require(DiffEditionsTests.earlier)
        let after = try #require(DiffEditionsTests.current)
        let body = try #require(WhatChangedPage.articles(before: before, after: after).first?.body[language])
        var headings: Set<String> = []
        for line in body.split(separator: "\n") {
            if line.hasPrefix("## ") { headings = [] }
            guard line.hasPrefix("### ") else { continue }
            #expect(!headings.contains(String(line)), "\(language): the heading \(line) repeats")
            headings.insert(String(line))
        }
    }

    @Test("JSON: every condition lists its answers; `answer` is null when there are several")
    func json() throws {
        let diff = try DiffEditionsTests.require()
        let text = DiffJSON.text(diff)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let groups = try #require(object["behaviour"] as? [[String: Any]])
        var days = 0
        for g in groups {
            if g["request_day"] is NSNumber { days += 1 }
            for condition in try #require(g["when"] as? [[String: Any]]) {
                let answers = try #require(condition["answers"] as? [String])
                if answers.count == 1 { #expect(condition["answer"] as? String == answers[0]) }
                else { #expect(condition["answer"] is NSNull) }
            }
        }
        #expect(days == diff.behaviour.filter { $0.requestDay != nil }.count)
    }
}
