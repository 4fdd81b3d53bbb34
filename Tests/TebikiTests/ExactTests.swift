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

    /// The fuzzer overflowed the parser's stack with 2,974 minus signs; nesting and length are now
    /// bounded, with a message that says the limit. The limits themselves are accepted.
    @Test("nesting and length are bounded: refused beyond the limit, read at it", arguments: [
        (String(repeating: "-", count: 32) + "1", nil),
        (String(repeating: "-", count: 33) + "1", "nested more than 32 deep"),
        (String(repeating: "(", count: 32) + "1" + String(repeating: ")", count: 32), nil),
        (String(repeating: "(", count: 33) + "1" + String(repeating: ")", count: 33), "nested more than 32 deep"),
        (String(repeating: "-", count: 2974), "at most 500"),
        (String(repeating: "-", count: 400) + "1", "nested more than 32 deep"),
        (Array(repeating: "1", count: 250).joined(separator: "+"), nil),
        (Array(repeating: "1", count: 251).joined(separator: "+"), "at most 500"),
    ] as [(String, String?)])
    func boundedExpressions(source: String, refusal: String?) throws {
        switch Expression.parse(source) {
        case .success(let e):
            #expect(refusal == nil, "accepted \(source.prefix(40))…")
            #expect(try e.evaluate(in: Scenario([:])) != nil)
        case .failure(let error):
            let expected = try #require(refusal, "refused: \(error.message)")
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}

@Suite("Exact and dates at their limits: errors, never traps")
struct ExactLimitTests {
    /// 10^37 / 3: its rounded value (10^39 / 300) does not fit, which used to trap in `rounded`.
    static let huge = try! Exact((0..<37).reduce(Int128(1)) { v, _ in v * 10 }, over: 3)

    @Test("rounding a value too large to hold at the minor unit throws overflow; printing it still works")
    func roundingOverflow() throws {
        #expect(throws: Exact.Failure.overflow) { try Self.huge.rounded(places: 2) }
        #expect(Self.huge.decimalString(places: 2) == "3333333333333333333333333333333333333.33")
        #expect(Self.huge.decimalString(places: nil) == "3333333333333333333333333333333333333.333333333333")
        let largest = try Exact(Int128.max, over: 1)
        #expect(largest.decimalString(places: 2) == "\(Int128.max).00")
        #expect(try Exact(Int128.max, over: Int128.max - 1).decimalString(places: 3) == "1.000")
    }

    @Test("rounding agrees with the decimal strings it gives", arguments: [
        ("0.005", 2, "0.01"), ("-0.005", 2, "-0.01"), ("9.995", 2, "10.00"), ("-0.004", 2, "0.00"), ("0.5", 0, "1"), ("123.456", 5, "123.45600"),
    ])
    func roundedAgrees(_ text: String, _ places: Int, _ expected: String) throws {
        let value = try #require(Exact(decimal: text))
        #expect(value.decimalString(places: places) == expected)
        #expect(try value.rounded(places: places) == Exact(decimal: expected))
    }

    @Test("an amount is refused above the largest amount or with more places than the currency", arguments: [
        ("1000000000000", nil), ("1000000000000.01", "above the largest amount"), ("12.34", nil), ("12.345", "more decimal places"), ("0", nil),
    ])
    func amounts(_ text: String, _ problem: String?) throws {
        let found = try #require(Exact(decimal: text)).amountProblem(places: 2)
        #expect(found?.contains(problem ?? "") ?? (problem == nil), "\(found ?? "nil")")
        #expect((found == nil) == (problem == nil))
    }

    @Test("an overflow in an expression says what happened, not a Swift type name")
    func overflowMessage() throws {
        let e = try Expression.parse("a * a * a").get()
        let s = Scenario(["a": .decimal(Exact(decimal: "999999999999999999999999999999")!)])
        do {
            _ = try e.evaluate(in: s)
            Issue.record("no overflow")
        } catch {
            #expect("\(error)" == "the result is too large to compute exactly")
        }
    }

    @Test("dates are parsed from 1900-01-01 to 9899-12-31; a date computed beyond 9999 prints, never traps", arguments: [
        ("1899-12-31", false), ("1900-01-01", true), ("9899-12-31", true), ("9900-01-01", false), ("9999-12-31", false),
    ])
    func dateRange(_ text: String, _ valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
    }

    @Test("the day after 9999-12-31 is 10000-01-01 in full")
    func yearTenThousand() throws {
        let last = try #require(CalendarDate(year: 9999, month: 12, day: 31))
        #expect(last.adding(days: 1).description == "10000-01-01")
        #expect(CalendarDate.latest.adding(days: 14).description == "9900-01-14")
    }
}
