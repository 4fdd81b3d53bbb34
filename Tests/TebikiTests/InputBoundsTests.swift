import Foundation
import Testing
import TebikiEngine
import TebikiModel

/// Inputs that used to crash `tebiki explain` (issue 15): each is now refused with one message
/// naming the field and exit status 1, or computed without trapping.
@Suite("Input bounds: dates, amounts and arithmetic never crash")
struct InputBoundsTests {
    static func gateway(paid: String = "2025-12-01", requested: String = "2025-12-05", cash: String, consumed: Int = 1, total: Int = 300) -> String {
        #"{"product": "https-acceleration-gateway", "paid_on": "\#(paid)", "requested_on": "\#(requested)", "cash_paid": "\#(cash)", "domain_added": true, "grcq_consumed": \#(consumed), "grcq_total": \#(total)}"#
    }

    @Test("a date outside the stated range, or an amount above the maximum or finer than the currency, is refused naming its field",
          arguments: [
              (gateway(paid: "9999-12-31", requested: "9999-12-31", cash: "1.00"), "paid_on", "between 1900-01-01 and 9899-12-31"),
              (gateway(paid: "1899-12-31", cash: "1.00"), "paid_on", "between 1900-01-01 and 9899-12-31"),
              (gateway(cash: "999999999999999999999999999999", total: 10_000_000), "cash_paid", "above the largest amount"),
              (gateway(cash: "1000000000000.01"), "cash_paid", "above the largest amount"),
              (gateway(cash: "0.005"), "cash_paid", "more decimal places than the currency"),
              (gateway(cash: "0.00000000000000000000000000001", total: 999_999_999_999_999), "cash_paid", "more decimal places"),
          ])
    func refused(_ json: String, _ field: String, _ why: String) {
        switch ScenarioDecoder(model: realModel).decode(json: json) {
        case .success(let s): Issue.record("accepted \(s)")
        case .failure(let e):
            #expect(e.errors.first?.field == field, "\(e.errors)")
            for error in e.errors { #expect(error.message.contains(why), "\(error)") }
        }
    }

    @Test("the largest amount with the largest usage counts is computed exactly", arguments: [
        ("1000000000000.00", 1, 999_999_999_999_999, "1000000000000.00"),
        ("1000000000000", 1, 3, "666666666666.67"),
        ("999999999999.99", 999_999_999_989_999, 999_999_999_999_999, "10.00"),
    ])
    func largestAmount(_ cash: String, _ consumed: Int, _ total: Int, _ amount: String) throws {
        let json = Self.gateway(cash: cash, consumed: consumed, total: total)
        let scenario = try ScenarioDecoder(model: realModel).decode(json: json).get()
        let decision = try Engine(model: realModel).evaluate(scenario)
        #expect(decision.amount?.decimalString(places: 2) == amount)
    }

    @Test("tebiki explain --format json: a year-10000 deadline and a huge prorated amount exit 1 naming the field, not a trap",
          arguments: [
              (["--product", "ssl-certificate", "--paid-on", "9999-12-31", "--requested-on", "9999-12-31", "--cash-paid", "1.00",
                "--certificate-status", "none"], "paid_on"),
              (["--product", "https-acceleration-gateway", "--paid-on", "2025-12-01", "--requested-on", "2025-12-02",
                "--cash-paid", "999999999999999999999999999999", "--domain-added", "--grcq-consumed", "1", "--grcq-total", "10000000"], "cash_paid"),
          ])
    func explainRefuses(_ flags: [String], _ field: String) throws {
        let tebiki = try TestTools.tebiki()
        let run = try TestTools.run(tebiki, ["explain", "--format", "json", "--content", repositoryRoot + "/content"] + flags)
        #expect(run.status == 1, "exit \(run.status): \(run.err)")
        let lines = run.err.split(separator: "\n")
        #expect(lines.first?.contains("\"\(field)\"") == true, "\(run.err)")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains("field \"") }, "one line per field: \(run.err)")
        #expect(!run.err.contains("arithmetic("), "\(run.err)")
    }
}
