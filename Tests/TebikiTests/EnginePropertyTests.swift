import Testing
import TebikiAnalysis
import TebikiEngine
import TebikiModel

/// Random valid scenarios over every product, from a fixed seed.
private func randomScenarios(count: Int, seed: UInt64) -> [Scenario] {
    var rng = SeededGenerator(seed: seed)
    let model = realModel
    let space = QuestionSpace(model: model)
    let classes = ScenarioClasses(space: space).all()
    var result: [Scenario] = []
    for _ in 0..<count {
        var s = space.scenario(for: classes.randomElement(using: &rng)!.answers)
        let paid = CalendarDate(iso: "2025-11-20")!.adding(days: Int.random(in: 0..<60, using: &rng))
        s["paid_on"] = .date(paid)
        s["requested_on"] = .date(paid.adding(days: Int.random(in: 0...12, using: &rng)))
        if s["revocation_completed_on"] != nil { s["revocation_completed_on"] = .date(paid.adding(days: Int.random(in: 0...10, using: &rng))) }
        if case .decimal(let cash)? = s["cash_paid"], !cash.isZero {
            s["cash_paid"] = .decimal(try! Exact(Int128(Int.random(in: 1...100_000, using: &rng)), over: 100))
        }
        s["voucher_paid"] = .decimal(try! Exact(Int128(Int.random(in: 0...5_000, using: &rng)), over: 100))
        if case .integer? = s["grcq_total"] {
            let total = Int.random(in: 1...12_000, using: &rng)
            s["grcq_total"] = .integer(total)
            if case .integer(let c)? = s["grcq_consumed"], c > 0 { s["grcq_consumed"] = .integer(Int.random(in: 1...total, using: &rng)) }
        }
        result.append(s)
    }
    return result
}

@Suite("Properties of the engine")
struct EnginePropertyTests {
    static let scenarios = randomScenarios(count: 3000, seed: 20251219)
    let engine = Engine(model: realModel)

    @Test("the voucher part is never refunded: the amount never exceeds the cash, and vouchers never change it")
    func vouchersNeverRefunded() throws {
        for s in Self.scenarios {
            let d = try engine.evaluate(s)
            guard let amount = d.amount, case .decimal(let cash)? = s["cash_paid"] else { continue }
            #expect(!(cash < amount), "amount \(amount) above cash \(cash) for \(s)")
            var more = s
            more["voucher_paid"] = .decimal(try! Exact(Int128(123_456), over: 100))
            #expect(try engine.evaluate(more).amount == d.amount)
        }
    }

    @Test("a later request date never turns a no-refund into a refund")
    func laterNeverHelps() throws {
        for s in Self.scenarios {
            let d = try engine.evaluate(s)
            guard d.outcome == "no-refund", case .date(let requested)? = s["requested_on"] else { continue }
            for later in 1...10 {
                var t = s
                t["requested_on"] = .date(requested.adding(days: later))
                #expect(try engine.evaluate(t).outcome == "no-refund", "\(t)")
            }
        }
    }

    @Test("a no-refund or promotion-terms never comes with an action, and never with an irreversible one")
    func noRefundNoAction() throws {
        var refunds = 0, none = 0
        for s in Self.scenarios {
            let d = try engine.evaluate(s)
            let refundsMoney = realModel.outcomes[id: d.outcome]?.refunds == true
            if !refundsMoney {
                none += 1
                #expect(d.actions.isEmpty, "\(d.outcome) with actions \(d.actions) for \(s)")
                #expect(d.route == nil && d.channel == nil)
            } else {
                refunds += 1
                #expect(d.actions.last.map { ["request-refund", "contact-account-manager"].contains($0.action) } == true)
            }
        }
        // The sample must exercise both sides, or the property says nothing.
        #expect(refunds > 100 && none > 100)
    }

    @Test("every scenario class decides, with a trace that cites its passages")
    func everyClassDecides() throws {
        let space = QuestionSpace(model: realModel)
        let classes = ScenarioClasses(space: space)
        var count = 0
        for c in classes.all() {
            for s in classes.scenarios(of: c) {
                let d = try engine.evaluate(s)
                #expect(!d.trace.isEmpty)
                count += 1
            }
        }
        #expect(count > 1000)
    }
}
