import Testing
import TebikiEngine
import TebikiModel

/// One row of the scenario table: a JSON scenario and what the engine must decide.
struct EngineCase: CustomTestStringConvertible, Sendable {
    var name: String
    var scenario: String
    var outcome: String
    var amount: String?
    var actions: [String]
    var route: String? = nil
    var channel: String? = nil
    var deadline: String? = nil
    var warnings: [String] = []
    var rule: String? = nil
    var testDescription: String { name }
}

private func ssl(_ status: String, paid: String = "2025-12-01", requested: String = "2025-12-02", cash: String = "30.00", extra: String = "") -> String {
    #"{"product": "ssl-certificate", "paid_on": "\#(paid)", "requested_on": "\#(requested)", "cash_paid": "\#(cash)", "certificate_status": "\#(status)"\#(extra)}"#
}

private func gateway(domain: Bool, consumed: Int = 0, total: Int = 300, cash: String = "1.6", voucher: String = "0", requested: String = "2025-12-05") -> String {
    let usage = domain ? #", "grcq_consumed": \#(consumed), "grcq_total": \#(total)"# : ""
    return #"{"product": "https-acceleration-gateway", "paid_on": "2025-12-01", "requested_on": "\#(requested)", "cash_paid": "\#(cash)", "voucher_paid": "\#(voucher)", "domain_added": \#(domain)\#(usage)}"#
}

private func service(_ product: String, used: Bool) -> String {
    #"{"product": "\#(product)", "paid_on": "2025-12-01", "requested_on": "2025-12-03", "cash_paid": "9.90", "used": \#(used)}"#
}

private func pca(_ status: String) -> String {
    #"{"product": "private-ca", "paid_on": "2025-12-01", "requested_on": "2025-12-03", "cash_paid": "100.00", "ca_status": "\#(status)"}"#
}

let released = ["request-refund"]
let revokeFlow = ["revoke-certificate", "wait-for-revocation", "delete-certificate", "request-refund"]

let engineCases: [EngineCase] = [
    // General rules (001 L15–25; D1, D7, D8)
    EngineCase(name: "SSL, quota unused, day 1: full refund to the original method (S-5)", scenario: ssl("none"),
               outcome: "full-refund", amount: "30.00", actions: released, route: "original-payment-method", channel: "console", deadline: "2025-12-08"),
    EngineCase(name: "day 7 is still in time (D1)", scenario: ssl("none", requested: "2025-12-08"),
               outcome: "full-refund", amount: "30.00", actions: released, deadline: "2025-12-08"),
    EngineCase(name: "day 8 is late: no refund and no steps (G1-1, D1, D16)", scenario: ssl("issued", requested: "2025-12-09"),
               outcome: "no-refund", amount: "0.00", actions: [], route: nil, channel: nil, deadline: "2025-12-08"),
    EngineCase(name: "the window crosses a month end", scenario: ssl("none", paid: "2025-01-28", requested: "2025-02-04"),
               outcome: "full-refund", amount: "30.00", actions: released, deadline: "2025-02-04"),
    EngineCase(name: "promotion orders follow the promotion's terms (D7)", scenario: ssl("none", extra: #", "promotion": true"#),
               outcome: "promotion-terms", amount: nil, actions: [], route: nil, channel: nil, deadline: nil),
    EngineCase(name: "paid only with vouchers: nothing in cash (D8)", scenario: ssl("none", cash: "0", extra: #", "voucher_paid": "30.00""#),
               outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "vouchers are never refunded (G1-3)", scenario: ssl("none", cash: "24.50", extra: #", "voucher_paid": "5.50""#),
               outcome: "full-refund", amount: "24.50", actions: released),
    EngineCase(name: "original method unavailable: account balance (G1-5)", scenario: ssl("none", extra: #", "original_method_available": false"#),
               outcome: "full-refund", amount: "30.00", actions: released, route: "account-balance"),
    // SSL, one-year certificates by status (001 L59–119)
    EngineCase(name: "SSL pending application: cancel it", scenario: ssl("pending-application"),
               outcome: "full-refund", amount: "30.00", actions: ["cancel-application", "request-refund"]),
    EngineCase(name: "SSL under review: withdraw, then cancel", scenario: ssl("under-review"),
               outcome: "full-refund", amount: "30.00", actions: ["withdraw-application", "cancel-application", "request-refund"]),
    EngineCase(name: "SSL review failed: resubmit, withdraw, cancel", scenario: ssl("review-failed"),
               outcome: "full-refund", amount: "30.00", actions: ["resubmit-application", "withdraw-application", "cancel-application", "request-refund"]),
    EngineCase(name: "SSL issued, 1 year, revocation started on day 0 (Monday): ends by day 7, no warning", scenario: ssl("issued", requested: "2025-12-01"),
               outcome: "full-refund", amount: "30.00", actions: revokeFlow, deadline: "2025-12-08", warnings: []),
    EngineCase(name: "SSL issued, 1 year, started on day 1: the review may end after day 7 (D17)", scenario: ssl("issued"),
               outcome: "full-refund", amount: "30.00", actions: revokeFlow, warnings: ["revocation-may-end-late"]),
    EngineCase(name: "SSL revocation under review on day 1: wait, delete, refund; the review may still end late (D17)", scenario: ssl("revocation-under-review"),
               outcome: "full-refund", amount: "30.00", actions: ["wait-for-revocation", "delete-certificate", "request-refund"], warnings: ["revocation-may-end-late"]),
    EngineCase(name: "SSL revoked: delete before refunding (001 L57)", scenario: ssl("revoked", extra: #", "revocation_completed_on": "2025-12-02""#),
               outcome: "full-refund", amount: "30.00", actions: ["delete-certificate", "request-refund"]),
    EngineCase(name: "SSL revoked, review completed on day 8: no refund (S-2, D11)", scenario: ssl("revoked", requested: "2025-12-08", extra: #", "revocation_completed_on": "2025-12-09""#),
               outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "SSL applications all cancelled: treated as released (D14)", scenario: ssl("removed"),
               outcome: "full-refund", amount: "30.00", actions: released),
    EngineCase(name: "SSL combined multi-domain certificate: no refund (S-3, D15)", scenario: ssl("issued", extra: #", "combined_multi_domain": true"#),
               outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "SSL managed service alone: no refund (D3)", scenario: ssl("none", extra: #", "validity_years": 3, "managed_service_only": true"#),
               outcome: "no-refund", amount: "0.00", actions: []),
    // Multi-year (001 L121–197; D4, D5)
    EngineCase(name: "the issue's example: 3 years, issued, asked on day 1", scenario: ssl("issued", extra: #", "validity_years": 3"#),
               outcome: "full-refund", amount: "30.00",
               actions: ["cancel-not-activated", "cancel-not-activated"] + revokeFlow,
               deadline: "2025-12-08", warnings: ["revocation-may-end-late"]),
    EngineCase(name: "2 years, issued: one Not Activated row (D4)", scenario: ssl("issued", requested: "2025-12-01", extra: #", "validity_years": 2"#),
               outcome: "full-refund", amount: "30.00", actions: ["cancel-not-activated"] + revokeFlow),
    EngineCase(name: "3 years, first certificate pending: the others go with it", scenario: ssl("pending-application", extra: #", "validity_years": 3"#),
               outcome: "full-refund", amount: "30.00", actions: ["cancel-application", "request-refund"]),
    // HTTPS acceleration gateway (001 L199–239; D9, D10)
    EngineCase(name: "gateway, no domain added: full refund", scenario: gateway(domain: false),
               outcome: "full-refund", amount: "1.60", actions: released, channel: "console"),
    EngineCase(name: "gateway, domain added, no GRCQ consumed: reset first", scenario: gateway(domain: true),
               outcome: "full-refund", amount: "1.60", actions: ["reset-gateway-instance", "request-refund"]),
    EngineCase(name: "the page's worked example: 1.6 − 1.6 × 60 / 300 = 1.28", scenario: gateway(domain: true, consumed: 60),
               outcome: "prorated-refund", amount: "1.28", actions: ["contact-account-manager"], channel: "account-manager"),
    EngineCase(name: "prorated by payment mix: only cash, pro rata (D9)", scenario: gateway(domain: true, consumed: 60, cash: "1.00", voucher: "0.60"),
               outcome: "prorated-refund", amount: "0.80", actions: ["contact-account-manager"]),
    EngineCase(name: "prorated amounts round half up (D13)", scenario: gateway(domain: true, consumed: 1, total: 3, cash: "1.00"),
               outcome: "prorated-refund", amount: "0.67", actions: ["contact-account-manager"]),
    EngineCase(name: "a prorated amount of 0.00 is no refund (D8)", scenario: gateway(domain: true, consumed: 299, total: 300, cash: "0.01"),
               outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "all GRCQ consumed: no refund (D8)", scenario: gateway(domain: true, consumed: 300),
               outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "gateway, late: no refund", scenario: gateway(domain: true, consumed: 60, requested: "2025-12-10"),
               outcome: "no-refund", amount: "0.00", actions: []),
    // Private CA (001 L241–273)
    EngineCase(name: "private CA not enabled: refund directly", scenario: pca("not-enabled"), outcome: "full-refund", amount: "100.00", actions: released),
    EngineCase(name: "private CA enabled: reset, then refund", scenario: pca("enabled"), outcome: "full-refund", amount: "100.00", actions: ["reset-private-ca", "request-refund"]),
    EngineCase(name: "private CA already reset: refund", scenario: pca("reset"), outcome: "full-refund", amount: "100.00", actions: released),
    // The four other products (001 L275–331; D12)
    EngineCase(name: "message notification unused", scenario: service("message-notification", used: false), outcome: "full-refund", amount: "9.90", actions: released),
    EngineCase(name: "message notification used: no refund (D12)", scenario: service("message-notification", used: true), outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "domain monitoring unused", scenario: service("domain-monitoring", used: false), outcome: "full-refund", amount: "9.90", actions: released),
    EngineCase(name: "domain monitoring used", scenario: service("domain-monitoring", used: true), outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "certificate repository unused", scenario: service("certificate-repository", used: false), outcome: "full-refund", amount: "9.90", actions: released),
    EngineCase(name: "certificate repository used", scenario: service("certificate-repository", used: true), outcome: "no-refund", amount: "0.00", actions: []),
    EngineCase(name: "cloud deployment unused", scenario: service("cloud-deployment", used: false), outcome: "full-refund", amount: "9.90", actions: released),
    EngineCase(name: "cloud deployment used", scenario: service("cloud-deployment", used: true), outcome: "no-refund", amount: "0.00", actions: []),
]

@Suite("The rules engine on the 2025-12-19 edition")
struct EngineScenarioTests {
    @Test("scenario table", arguments: engineCases)
    func scenario(_ c: EngineCase) throws {
        let d = try decide(c.scenario)
        #expect(d.outcome == c.outcome)
        #expect(d.amount?.decimalString(places: 2) == c.amount)
        #expect(d.actions.map(\.action) == c.actions)
        if let route = c.route { #expect(d.route == route) }
        if c.outcome != "full-refund" && c.outcome != "prorated-refund" { #expect(d.route == nil); #expect(d.channel == nil) }
        if let channel = c.channel { #expect(d.channel == channel) }
        if let deadline = c.deadline { #expect(d.deadline?.description == deadline) }
        if c.outcome == "promotion-terms" { #expect(d.deadline == nil) }
        #expect(d.warnings.map(\.warning).filter { $0 == "revocation-may-end-late" } == c.warnings.filter { $0 == "revocation-may-end-late" })
        #expect(!d.trace.isEmpty)
        for fired in d.trace { #expect(!fired.source.quote.isEmpty, "rule \(fired.rule) cites no passage") }
    }

    @Test("the D17 warning gives the last safe day to start the revocation")
    func lastSafeDay() throws {
        let d = try decide(ssl("issued", extra: #", "validity_years": 3"#))
        let w = try #require(d.warnings.first { $0.warning == "revocation-may-end-late" })
        #expect(w.values["deadline"] == .date(CalendarDate(iso: "2025-12-08")!))
        #expect(w.values["last_safe_day"] == .date(CalendarDate(iso: "2025-12-01")!))
    }

    @Test("every rule of every table fires in some row of the scenario table")
    func everyRuleIsCovered() throws {
        var fired = Set<String>()
        for c in engineCases { for f in try decide(c.scenario).trace { fired.insert("\(f.table)/\(f.rule)") } }
        let all = realModel.tables.flatMap { t in t.rules.map { "\(t.id)/\($0.id)" } }
        #expect(all.filter { !fired.contains($0) } == [], "rules no scenario fires")
    }

    @Test("every decision of decisions.md is cited by the content")
    func decisionsAreCited() {
        var cited = Set<String>()
        for table in realModel.tables { for rule in table.rules { if let d = rule.source.decision { cited.insert(d) } } }
        for machine in realModel.machines { for action in machine.actions { if let d = action.source?.decision { cited.insert(d) } } }
        for formula in realModel.formulas { if let d = formula.example?.source?.decision { cited.insert(d) } }
        // D6 belongs to the earlier edition only; the others must all be cited in the current one.
        let expected = Set((1...17).map { "D\($0)" }).subtracting(["D6"])
        #expect(expected.subtracting(cited).isEmpty, "not cited: \(expected.subtracting(cited).sorted())")
    }
}
