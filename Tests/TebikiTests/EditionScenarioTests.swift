import Foundation
import Testing
import TebikiEngine
import TebikiModel

// The earlier edition (2024-10-25, seed 000) decided by the engine, and what its model says that
// the current one does not. Line numbers are seed 000's (`cat -n`; it has no blank lines).

private func ssl(_ status: String, requested: String = "2024-10-02", cash: String = "30.00", extra: String = "") -> String {
    #"{"product": "ssl-certificate", "paid_on": "2024-10-01", "requested_on": "\#(requested)", "cash_paid": "\#(cash)", "certificate_status": "\#(status)"\#(extra)}"#
}

private func gateway(domain: Bool, consumed: Int = 0) -> String {
    let usage = domain ? #", "grcq_consumed": \#(consumed)"# : ""
    return #"{"product": "https-acceleration-gateway", "paid_on": "2024-10-01", "requested_on": "2024-10-04", "cash_paid": "1.6", "domain_added": \#(domain)\#(usage)}"#
}

private func pca(_ status: String) -> String {
    #"{"product": "private-ca", "paid_on": "2024-10-01", "requested_on": "2024-10-03", "cash_paid": "100.00", "ca_status": "\#(status)"}"#
}

private let refund = ["request-refund"]

/// The scenario table of the 2024-10-25 edition; `rule` is the row that decides, as cited.
let oldEngineCases: [EngineCase] = [
    // General rules (000 L2–L6; D1, D7, D8)
    EngineCase(name: "SSL, quota unused: full refund to the original account (L6)", scenario: ssl("none"),
               outcome: "full-refund", amount: "30.00", actions: refund, route: "original-payment-method", channel: "console",
               deadline: "2024-10-08", rule: "S-5-unused"),
    EngineCase(name: "day 7 is still in time (D1)", scenario: ssl("none", requested: "2024-10-08"),
               outcome: "full-refund", amount: "30.00", actions: refund, deadline: "2024-10-08", rule: "S-5-unused"),
    EngineCase(name: "day 8 is late: no refund, no steps (L6, D1)", scenario: ssl("issued", requested: "2024-10-09"),
               outcome: "no-refund", amount: "0.00", actions: [], deadline: "2024-10-08", rule: "G1-1-late-request"),
    EngineCase(name: "promotion: the event's own policy (L2, D7)", scenario: ssl("none", extra: #", "promotion": true"#),
               outcome: "promotion-terms", amount: nil, actions: [], rule: "G1-2-promotion"),
    EngineCase(name: "paid only with vouchers (L3, D8)", scenario: ssl("none", cash: "0", extra: #", "voucher_paid": "30.00""#),
               outcome: "no-refund", amount: "0.00", actions: [], rule: "G1-3-vouchers-only"),
    EngineCase(name: "original account unavailable: the Alibaba Cloud account, not its balance (L4)",
               scenario: ssl("none", extra: #", "original_method_available": false"#),
               outcome: "full-refund", amount: "30.00", actions: refund, route: "alibaba-cloud-account", rule: "S-5-unused"),
    // SSL certificate by status (L20–L60)
    EngineCase(name: "pending application: cancel it (L28–L31)", scenario: ssl("pending-application"),
               outcome: "full-refund", amount: "30.00", actions: ["cancel-application", "request-refund"], rule: "S-6-pending-application"),
    EngineCase(name: "under review: withdraw, then cancel (L32–L38)", scenario: ssl("under-review"),
               outcome: "full-refund", amount: "30.00",
               actions: ["withdraw-application", "cancel-application", "request-refund"], rule: "S-6-under-review"),
    EngineCase(name: "review failed: resubmit, withdraw, cancel (L39–L49)", scenario: ssl("review-failed"),
               outcome: "full-refund", amount: "30.00",
               actions: ["resubmit-application", "withdraw-application", "cancel-application", "request-refund"],
               rule: "S-6-review-failed"),
    EngineCase(name: "issued: revoke, wait, then the refund, with no Delete step (L50–L60)", scenario: ssl("issued"),
               outcome: "full-refund", amount: "30.00",
               actions: ["revoke-certificate", "wait-for-revocation", "request-refund"],
               deadline: "2024-10-08", warnings: ["revocation-may-end-late"], rule: "S-6-issued-1-year"),
    EngineCase(name: "revocation under review: wait, then the refund (L55)", scenario: ssl("revocation-under-review"),
               outcome: "full-refund", amount: "30.00", actions: ["wait-for-revocation", "request-refund"],
               warnings: ["revocation-may-end-late"], rule: "S-6-revocation-under-review"),
    EngineCase(name: "revoked: straight to the refund request, no Delete step (L55–L60)", scenario: ssl("revoked"),
               outcome: "full-refund", amount: "30.00", actions: refund, rule: "S-6-revoked"),
    EngineCase(name: "applications cancelled, rows removed (L31, D14)", scenario: ssl("removed"),
               outcome: "full-refund", amount: "30.00", actions: refund, rule: "S-6-removed"),
    EngineCase(name: "renewed in advance: technical support, not the console (L56, D6)",
               scenario: ssl("issued", extra: #", "renewed_in_advance": true"#),
               outcome: "technical-support", amount: nil, actions: [], rule: "EX-3-renewed-in-advance"),
    // Multi-year (L61–L104; D4, D5)
    EngineCase(name: "3-year, first issued: cancel both Not Activated rows, revoke, wait, refund (L91–L104)",
               scenario: ssl("issued", extra: #", "validity_years": 3"#),
               outcome: "full-refund", amount: "30.00",
               actions: ["cancel-not-activated", "cancel-not-activated", "revoke-certificate", "wait-for-revocation", "request-refund"],
               warnings: ["revocation-may-end-late"], rule: "MY-4-issued-multi-year"),
    EngineCase(name: "2-year, first issued: the one Not Activated row that exists (D4)",
               scenario: ssl("issued", extra: #", "validity_years": 2"#),
               outcome: "full-refund", amount: "30.00",
               actions: ["cancel-not-activated", "revoke-certificate", "wait-for-revocation", "request-refund"],
               warnings: ["revocation-may-end-late"], rule: "MY-4-issued-multi-year"),
    EngineCase(name: "3-year, first pending: cancelling it removes the others (L66)",
               scenario: ssl("pending-application", extra: #", "validity_years": 3"#),
               outcome: "full-refund", amount: "30.00", actions: ["cancel-application", "request-refund"], rule: "S-6-pending-application"),
    // HTTPS Acceleration Gateway (L6, L114–L121)
    EngineCase(name: "gateway with no domain: unused, full refund (L6)", scenario: gateway(domain: false),
               outcome: "full-refund", amount: "1.60", actions: refund, rule: "H-unused"),
    EngineCase(name: "gateway with a domain and no GRCQ consumed: reset, then refund (L115)", scenario: gateway(domain: true),
               outcome: "full-refund", amount: "1.60", actions: ["reset-gateway-instance", "request-refund"], rule: "H-3-no-grcq-consumed"),
    EngineCase(name: "gateway with GRCQ consumed: no prorated refund in this edition (L115)", scenario: gateway(domain: true, consumed: 60),
               outcome: "no-refund", amount: "0.00", actions: [], rule: "H-4-grcq-consumed"),
    // Private certificates (L12–L17, L105–L113)
    EngineCase(name: "private CA not enabled: refund on the Order Refund Management tab (L12–L17)", scenario: pca("not-enabled"),
               outcome: "full-refund", amount: "100.00", actions: refund, rule: "P-unused"),
    EngineCase(name: "private CA enabled: reset, then refund (L106–L113)", scenario: pca("enabled"),
               outcome: "full-refund", amount: "100.00", actions: ["reset-private-ca", "request-refund"], rule: "P-2-enabled"),
    EngineCase(name: "private CA already reset (L106)", scenario: pca("reset"),
               outcome: "full-refund", amount: "100.00", actions: refund, rule: "P-2-reset"),
]

/// A console element whose label or kind differs between the editions: (id, 2024-10-25, 2025-12-19).
struct LabelChange: Sendable, CustomTestStringConvertible {
    var id: String
    var old: String
    var new: String
    var testDescription: String { "\(id): \(old) → \(new)" }
    init(_ id: String, _ old: String, _ new: String) { self.id = id; self.old = old; self.new = new }
}

/// ja labels (or `kind:` for kinds) as seed 000 and seed 001 write them.
let labelChanges: [LabelChange] = [
    LabelChange("PG-ORDERREFUND", "注文管理", "注文の返金管理"),                  // 000 L9, L120; 001 L51
    LabelChange("PG-PCA", "プライベート証明書", "PCA 証明書管理"),                   // 000 L111; 001 L251
    LabelChange("DLG-REFUNDAPP", "kind:panel", "kind:dialog"),                   // 000 L10 パネル; 001 L53 ダイアログボックス
    LabelChange("DLG-TIP", "kind:message", "kind:dialog"),                       // 000 L30 ヒント メッセージ; 001 L65
    LabelChange("MSG-IDPROMPT", "選択した連絡先に必要なID番号情報が含まれていません", "選択した連絡先の ID カード番号が不足している"),   // 000 L42; 001 L83
    LabelChange("MSG-REFUND-BLOCKED", "注文の払い戻しをリクエストできない", "返金が処理できない"),   // 000 L21; 001 L57
    LabelChange("TERM-GRCQ", "ゲートウェイリソース計算量 (GRCQ)", "ゲートウェイリソースコンピューティングクォータ (GRCQ)"),   // 000 L115; 001 L217
]

/// Every source citation of a model: (what cites, the citation).
private func citations(_ model: Model) -> [(String, SourceCitation)] {
    var all: [(String, SourceCitation)] = []
    for table in model.tables { for rule in table.rules { all.append(("rule \(rule.id)", rule.source)) } }
    for machine in model.machines {
        for action in machine.actions {
            if let s = action.source { all.append(("action \(action.id)", s)) }
            for v in action.variants { if let s = v.source { all.append(("a variant of \(action.id)", s)) } }
        }
    }
    for product in model.products { if let s = product.source { all.append(("product \(product.id)", s)) } }
    for formula in model.formulas { if let s = formula.example?.source { all.append(("formula \(formula.id)", s)) } }
    return all
}

/// The source texts (ja) of an action's steps, variants included.
private func stepTexts(_ model: Model, _ action: String) -> [String] {
    guard let a = model.action(action) else { return [] }
    return (a.steps + a.variants.flatMap(\.steps)).map { $0.text.source["ja"] }
}

@Suite("The rules engine on the 2024-10-25 edition")
struct EditionScenarioTests {
    @Test("scenario table", arguments: oldEngineCases)
    func scenario(_ c: EngineCase) throws {
        let d = try decide(c.scenario, model: oldModel)
        #expect(d.outcome == c.outcome)
        #expect(d.amount?.decimalString(places: 2) == c.amount)
        #expect(d.actions.map(\.action) == c.actions)
        if let route = c.route { #expect(d.route == route) }
        if let channel = c.channel { #expect(d.channel == channel) }
        if let deadline = c.deadline { #expect(d.deadline?.description == deadline) }
        if ["promotion-terms", "technical-support"].contains(c.outcome) { #expect(d.deadline == nil) }
        #expect(d.warnings.map(\.warning).filter { $0 == "revocation-may-end-late" } == c.warnings)
        if let rule = c.rule { #expect(d.trace.last { $0.table != oldModel.edition.routeTable }?.rule == rule) }
        #expect(!d.actions.contains { $0.action == "delete-certificate" })
    }

    @Test("every rule of every table of the earlier edition fires in some row")
    func everyRuleIsCovered() throws {
        var fired = Set<String>()
        for c in oldEngineCases { for f in try decide(c.scenario, model: oldModel).trace { fired.insert("\(f.table)/\(f.rule)") } }
        let all = oldModel.tables.flatMap { t in t.rules.map { "\(t.id)/\($0.id)" } }
        #expect(all.filter { !fired.contains($0) } == [])
    }

    @Test("the same issued certificate: the current edition deletes it before the refund, the earlier one does not")
    func deleteStepAdded() throws {
        let old = try decide(ssl("revoked"), model: oldModel).actions.map(\.action)
        let new = try decide(#"{"product": "ssl-certificate", "paid_on": "2025-12-01", "requested_on": "2025-12-02", "cash_paid": "30.00", "certificate_status": "revoked", "revocation_completed_on": "2025-12-02"}"#).actions.map(\.action)
        #expect(old == ["request-refund"])
        #expect(new == ["delete-certificate", "request-refund"])
        #expect(oldModel.action("delete-certificate") == nil)
        #expect(oldModel.glossary[id: "BTN-DELETE"] == nil)
    }

    @Test("every citation of the earlier edition quotes seed 000 on the line it names")
    func citationsQuoteSeed000() throws {
        let page = try #require(oldModel.edition.pages["000"])
        let candidates = [repositoryRoot + "/../shared/" + page, "/work/shared/" + page]
        let path = try #require(candidates.first { FileManager.default.fileExists(atPath: $0) }, "seed 000 not found")
        let seed = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let cited = citations(oldModel)
        #expect(cited.count > 30)
        for (what, c) in cited {
            #expect(c.page == "000", "\(what) cites page \(c.page)")
            guard c.line >= 1, c.line <= seed.count else { Issue.record("\(what): no line \(c.line)"); continue }
            #expect(seed[c.line - 1].contains(c.quote), "\(what): line \(c.line) does not contain “\(c.quote)”")
        }
    }

    @Test("console labels of the earlier edition", arguments: labelChanges)
    func labels(_ change: LabelChange) throws {
        let old = try #require(oldModel.glossary[id: change.id]), new = try #require(realModel.glossary[id: change.id])
        func shown(_ e: UIElement, _ expected: String) -> String { expected.hasPrefix("kind:") ? "kind:\(e.kind.rawValue)" : e.label["ja"] }
        #expect(shown(old, change.old) == change.old)
        #expect(shown(new, change.new) == change.new)
        #expect(!old.label["en"].isEmpty)
    }

    @Test("steps say パネル and メッセージ where the current edition says ダイアログボックス")
    func panelAndMessage() {
        let oldRefund = stepTexts(oldModel, "request-refund"), newRefund = stepTexts(realModel, "request-refund")
        #expect(oldRefund.contains { $0.contains("{DLG-REFUNDAPP} パネルで") })
        #expect(!oldRefund.contains { $0.contains("ダイアログボックス") })
        #expect(newRefund.contains { $0.contains("{DLG-REFUNDAPP} ダイアログボックスで") })
        let oldCancel = stepTexts(oldModel, "cancel-application")
        #expect(oldCancel.contains { $0.contains("{DLG-TIP} メッセージで") })
        #expect(stepTexts(realModel, "cancel-application").allSatisfy { !$0.contains("メッセージで") })
    }

    @Test("the earlier edition's steps start from the console's left-side navigation pane, the current one's from a page")
    func navigation() {
        for action in ["cancel-application", "withdraw-application", "resubmit-application", "revoke-certificate", "cancel-not-activated"] {
            #expect(stepTexts(oldModel, action).first?.hasPrefix("{PG-CONSOLE} の{MNU-NAV}で、{MNU-NAV-SSL} を選択します。{TB-CERTMGMT} タブ") == true, "\(action)")
            #expect(stepTexts(realModel, action).first?.hasPrefix("{PG-SSL} ページの {TB-OFFICIAL} タブ") == true, "\(action)")
        }
        #expect(stepTexts(oldModel, "request-refund").first == "{PG-CONSOLE} の{MNU-NAV}で、{MNU-NAV-ORDERREFUND} を選択します。")
        #expect(stepTexts(oldModel, "reset-gateway-instance").first == "{PG-CONSOLE} の{MNU-NAV}で、{MNU-NAV-HAG} を選択します。")
    }

    @Test("the private CA reset: no region step, Reset straight in the Actions column (L108–L110)")
    func privateCAReset() {
        let old = stepTexts(oldModel, "reset-private-ca"), new = stepTexts(realModel, "reset-private-ca")
        #expect(old.count == 3)
        #expect(old.allSatisfy { !$0.contains("リージョン") && !$0.contains("{MNU-POPUP}") && !$0.contains("{BTN-MORE-ICON}") })
        #expect(old.contains { $0.contains("{COL-ACTIONS} 列の {BTN-RESET} をクリック") })
        #expect(new.contains { $0.contains("リージョン") })
        #expect(new.contains { $0.contains("{MNU-POPUP}") })
    }

    @Test("only the three services seed 000 covers (L19)")
    func products() throws {
        #expect(oldModel.products.ids == ["ssl-certificate", "https-acceleration-gateway", "private-ca"])
        #expect(realModel.products.count == 7)
        let e = try #require(failure(#"{"product": "message-notification", "paid_on": "2024-10-01", "requested_on": "2024-10-02", "cash_paid": "9.90"}"#))
        #expect(e.contains { $0.field == "product" })
    }

    @Test("facts of rules the earlier edition lacks are refused by name", arguments: [
        ("revocation_completed_on", #""revocation_completed_on": "2024-10-02""#),   // the revocation deadline (001 L37)
        ("combined_multi_domain", #""combined_multi_domain": true"#),              // Combine Certificates (001 L39)
        ("managed_service_only", #""managed_service_only": true"#),                // the managed service (001 L45)
    ])
    func absentFacts(_ field: String, _ json: String) throws {
        let e = try #require(failure(ssl("issued", extra: ", " + json)))
        #expect(e.contains { $0.field == field })
    }

    @Test("no revocation deadline, no prorated gateway refund, no fallback to the balance in the earlier edition")
    func absentRules() {
        #expect(oldModel.facts[id: "revocation_in_window"] == nil)
        #expect(oldModel.reasons[id: "revocation-late"] == nil)
        #expect(oldModel.formulas[id: "prorated-grcq"] == nil)
        #expect(oldModel.outcomes[id: "prorated-refund"] == nil)
        #expect(oldModel.routes[id: "account-balance"] == nil)
        #expect(oldModel.facts[id: "grcq_total"] == nil)
        #expect(realModel.formulas[id: "prorated-grcq"] != nil)
        let ruleIDs = oldModel.tables.flatMap { $0.rules.map(\.id) }
        #expect(!ruleIDs.contains { $0.hasPrefix("S-2") || $0.hasPrefix("S-3") || $0.hasPrefix("S-4") })
        #expect(realModel.tables.flatMap { $0.rules.map(\.id) }.filter { $0.hasPrefix("S-2") || $0.hasPrefix("S-3") || $0.hasPrefix("S-4") }.count == 3)
    }

    @Test("the renew-in-advance rule belongs to the earlier edition only (D6)")
    func renewInAdvance() throws {
        #expect(oldModel.glossary[id: "BTN-RENEW"]?.label["ja"] == "更新")
        #expect(realModel.facts[id: "renewed_in_advance"] == nil)
        let d = try decide(ssl("issued", extra: #", "renewed_in_advance": true"#), model: oldModel)
        #expect(d.reason == "renewed-in-advance")
        #expect(d.amount == nil && d.route == nil && d.channel == nil)
    }

    /// The errors of a scenario the earlier edition refuses, nil when it decodes.
    private func failure(_ json: String) -> [ScenarioError]? {
        switch ScenarioDecoder(model: oldModel).decode(json: json) {
        case .success: return nil
        case .failure(let errors): return errors.errors
        }
    }
}
