import Foundation
import Testing
import TebikiCLI
import TebikiEngine
import TebikiModel

/// The invariants of issue 15 on random valid scenarios of the real model (the same generator as
/// `EnginePropertyTests`), each stated from the policy, not from the engine's code.
@Suite("Engine invariants on random valid scenarios")
struct EngineInvariantTests {
    static let scenarios = Array(EnginePropertyTests.scenarios.prefix(1500))
    let engine = Engine(model: realModel)

    /// The content's window: 7 calendar days from the payment (D1), so the last day to ask is the
    /// payment date plus 7. An outcome that is not decided by the rules (promotion terms) has none.
    @Test("the deadline is the window's: the payment date plus the window's days, for every determinable outcome")
    func deadlineIsTheWindows() throws {
        let window = realModel.edition.window
        #expect(window.length == 7)
        #expect(window.countsFrom == "paid_on")
        var checked = 0
        for s in Self.scenarios {
            let d = try engine.evaluate(s)
            guard case .date(let paid)? = s["paid_on"] else { continue }
            if realModel.outcomes[id: d.outcome]?.determinable == true {
                #expect(d.deadline == paid.adding(days: 7), "\(s)")
                checked += 1
            } else {
                #expect(d.deadline == nil, "\(s)")
            }
        }
        #expect(checked > 100)
    }

    /// cash × (1 − consumed ÷ total), in cents, rounded half up: computed here with integers only,
    /// on random gateway orders with a domain added and some GRCQ consumed (the prorated row).
    @Test("a prorated amount is the cash times the unused share, rounded half up to the cent")
    func proratedAmount() throws {
        var rng = SeededGenerator(seed: 20241025)
        for _ in 0..<500 {
            let cents = Int.random(in: 1...10_000_000, using: &rng)
            let total = Int.random(in: 1...12_000, using: &rng), consumed = Int.random(in: 1...total, using: &rng)
            let json = #"{"product": "https-acceleration-gateway", "paid_on": "2025-12-01", "requested_on": "2025-12-03", "#
                + #""cash_paid": "\#(cents / 100).\#(String(format: "%02d", cents % 100))", "domain_added": true, "#
                + #""grcq_consumed": \#(consumed), "grcq_total": \#(total)}"#
            let d = try decide(json)
            // Every GRCQ consumed leaves nothing to refund: the content decides no refund then.
            #expect(d.outcome == (consumed == total ? "no-refund" : "prorated-refund"), "\(json)")
            let expected = (2 * cents * (total - consumed) + total) / (2 * total)  // half up
            #expect(d.amount?.decimalString(places: 2) == String(format: "%d.%02d", expected / 100, expected % 100), "\(json)")
        }
    }

    @Test("no refund means an amount of 0.00 and no actions")
    func noRefundIsNothing() throws {
        for s in Self.scenarios {
            let d = try engine.evaluate(s)
            guard d.outcome == "no-refund" else { continue }
            #expect(d.amount?.decimalString(places: 2) == "0.00", "\(s)")
            #expect(d.actions.isEmpty, "\(s)")
        }
    }

    /// What `explain --format json` says, less the words: the same in every language.
    @Test("ja and en decide the same, and the same input gives the same output")
    func languagesAgreeAndRepeat() throws {
        let languages = realModel.languages
        #expect(languages.count >= 2)
        for s in Self.scenarios.prefix(300) {
            let d = try engine.evaluate(s)
            var decided: [[String: String]] = []
            for language in languages {
                let text = ExplainOutput.json(d, model: realModel, language: language).serialized()
                #expect(ExplainOutput.json(try engine.evaluate(s), model: realModel, language: language).serialized() == text)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                var fields: [String: String] = [:]
                for key in ["outcome", "amount", "currency", "route", "channel", "actions", "deadline", "reasons"] {
                    fields[key] = "\(object[key] ?? "missing")"
                }
                fields["steps"] = "\((object["steps"] as? [Any])?.count ?? -1)"
                fields["warnings"] = "\((object["warnings"] as? [[String: Any]])?.map { "\($0["id"] ?? "")" } ?? [])"
                decided.append(fields)
            }
            let first = try #require(decided.first)
            for other in decided.dropFirst() {
                for key in first.keys.sorted() where first[key] != other[key] {
                    Issue.record("\(key): \(first[key] ?? "") vs \(other[key] ?? "") for \(s)")
                }
            }
        }
    }
}
