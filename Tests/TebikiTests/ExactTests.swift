import Testing
import TebikiModel

@Suite("Exact decimals (D13)")
struct ExactTests {
    @Test("the page's worked example: 1.6 − 1.6 × 60 / 300 = 1.28")
    func workedExample() throws {
        let fee = try #require(Exact(decimal: "1.6"))
        let consumed = Exact(integer: 60), total = Exact(integer: 300)
        let amount = try fee.subtracting(fee.multiplied(by: consumed).divided(by: total))
        #expect(amount == Exact(decimal: "1.28"))
        #expect(amount.decimalString(places: 2) == "1.28")
    }

    @Test("no binary floating point: 0.1 + 0.2 is exactly 0.3")
    func noFloatError() throws {
        let sum = try #require(Exact(decimal: "0.1")).adding(#require(Exact(decimal: "0.2")))
        #expect(sum == Exact(decimal: "0.3"))
        #expect(sum.description == "0.3")
    }

    @Test("rounded half up to the minor unit", arguments: [
        ("0.005", "0.01"), ("0.004", "0.00"), ("1.235", "1.24"), ("1.2349", "1.23"),
        ("-1.235", "-1.24"), ("2", "2.00"), ("10.999", "11.00"),
    ])
    func roundingHalfUp(input: String, expected: String) throws {
        #expect(try #require(Exact(decimal: input)).decimalString(places: 2) == expected)
    }

    @Test("a third is exact until it is rounded")
    func thirds() throws {
        let third = try Exact.one.divided(by: Exact(integer: 3))
        #expect(try third.multiplied(by: Exact(integer: 3)) == Exact.one)
        #expect(third.decimalString(places: 2) == "0.33")
    }

    @Test("malformed decimals are rejected", arguments: ["", ".", "1.", "1e3", "1,000", "abc", "--1", "0x10", "١٢"])
    func malformed(text: String) {
        #expect(Exact(decimal: text) == nil)
    }

    @Test("division by zero is an error, not a crash")
    func divisionByZero() {
        #expect(throws: Exact.Failure.divisionByZero) { try Exact.one.divided(by: .zero) }
    }
}

@Suite("Calendar dates (D1, D17)")
struct CalendarDateTests {
    @Test("strict ISO dates", arguments: [
        ("2025-12-01", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-13-01", false),
        ("2025-1-01", false), ("2025/12/01", false), ("", false), ("2025-12-32", false),
    ])
    func parse(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
    }

    @Test("day numbers round-trip across years")
    func roundTrip() throws {
        var d = try #require(CalendarDate(iso: "1999-12-25"))
        for _ in 0..<2000 {
            let back = CalendarDate(dayNumber: d.dayNumber)
            #expect(back == d)
            #expect(CalendarDate(iso: d.description) == d)
            d = d.adding(days: 1)
        }
    }

    @Test("weekdays", arguments: [("2025-12-01", 1), ("2025-12-06", 6), ("2025-12-07", 7), ("1970-01-01", 4), ("2024-02-29", 4)])
    func weekday(text: String, iso: Int) throws {
        #expect(try #require(CalendarDate(iso: text)).isoWeekday == iso)
    }

    @Test("five business days skip the weekend", arguments: [
        ("2025-12-01", "2025-12-08"),  // Monday -> next Monday
        ("2025-12-02", "2025-12-09"),  // Tuesday -> next Tuesday
        ("2025-12-05", "2025-12-12"),  // Friday -> next Friday
        ("2025-12-06", "2025-12-12"),  // Saturday -> Friday
    ])
    func businessDays(start: String, end: String) throws {
        #expect(try #require(CalendarDate(iso: start)).adding(businessDays: 5) == CalendarDate(iso: end))
    }

    @Test("the latest start is the last day whose worst case still ends in time")
    func latestStart() throws {
        let deadline = try #require(CalendarDate(iso: "2025-12-08"))
        let start = deadline.subtracting(businessDays: 5)
        #expect(start == CalendarDate(iso: "2025-12-01"))
        #expect(start.adding(businessDays: 5) <= deadline)
        #expect(start.adding(days: 1).adding(businessDays: 5) > deadline)
    }
}

@Suite("Templates and expressions")
struct TemplateTests {
    @Test("placeholders are found in order")
    func placeholders() throws {
        let t = try Template.parse("{PG-ORDERREFUND} ページで {BTN-REFUND} を {{クリック}}").get()
        #expect(t.placeholders == ["PG-ORDERREFUND", "BTN-REFUND"])
        #expect(t.render { "<\($0)>" } == "<PG-ORDERREFUND> ページで <BTN-REFUND> を {クリック}")
    }

    @Test("malformed templates say where", arguments: [("a {B", 2), ("a } b", 2), ("x {}", 2), ("{A B}", 0)])
    func malformed(source: String, offset: Int) {
        guard case .failure(let e) = Template.parse(source) else { Issue.record("accepted \(source)"); return }
        #expect(e.offset == offset)
    }

    @Test("expressions are exact and print back", arguments: [
        ("cash_paid * (1 - grcq_consumed / grcq_total)", "1.28"),
        ("cash_paid - cash_paid * grcq_consumed / grcq_total", "1.28"),
        ("(cash_paid)", "1.6"),
        ("-cash_paid + 2", "0.4"),
    ])
    func expressions(source: String, value: String) throws {
        let e = try Expression.parse(source).get()
        let s = Scenario(["cash_paid": .decimal(Exact(decimal: "1.6")!), "grcq_consumed": .integer(60), "grcq_total": .integer(300)])
        #expect(try e.evaluate(in: s) == Exact(decimal: value))
        #expect(try Expression.parse(e.description).get() == e)
    }

    @Test("bad expressions are rejected", arguments: ["1 +", "(a", "a b", "1..2", "*3"])
    func badExpressions(source: String) {
        if case .success = Expression.parse(source) { Issue.record("accepted \(source)") }
    }
}
