import Foundation
import Testing
import TebikiCheck
import TebikiContent
import TebikiDiff
import TebikiModel
import TebikiRender

/// `tebiki diff 2024-10-25 2025-12-19` on the real content: every change issue 5 lists.
@Suite("Diff: 2024-10-25 → 2025-12-19")
struct DiffEditionsTests {
    static let earlier: Model? = ContentLoader.load(contentDirectory: DiffContent.realDirectory, edition: "2024-10-25").model
    static let current: Model? = ContentLoader.load(contentDirectory: DiffContent.realDirectory, edition: "2025-12-19").model
    static let diff: ModelDiff? = {
        guard let earlier, let current else { return nil }
        return ModelDiffer.diff(before: earlier, after: current)
    }()

    static func require() throws -> ModelDiff {
        let result = ContentLoader.load(contentDirectory: DiffContent.realDirectory, edition: "2024-10-25")
        #expect(result.model != nil, "the 2024-10-25 edition does not load:\n\(result.diagnostics.map(\.oneLine).joined(separator: "\n"))")
        return try #require(diff)
    }

    static func group(_ diff: ModelDiff, _ product: String, when answers: [(String, String)]) -> [BehaviourChange] {
        diff.behaviour.filter { g in g.product == product && answers.allSatisfy { g.when.contains(AnswerRef(fact: $0.0, answer: $0.1)) } }
    }

    @Test("the earlier edition against itself is empty")
    func identity() throws {
        let earlier = try #require(Self.earlier)
        #expect(ModelDiffer.diff(before: earlier, after: earlier).isEmpty)
    }

    @Test("the Delete step is added after the revocation; the earlier steps miss it under the new rules")
    func deleteStep() throws {
        let diff = try Self.require()
        let issued = diff.procedures.filter { $0.afterProcedure == "ssl-issued" }
        #expect(!issued.isEmpty)
        for p in issued {
            #expect(p.actions.contains(ActionChange(action: "delete-certificate", kind: .added, follows: "wait-for-revocation")))
        }
        let groups = Self.group(diff, "ssl-certificate", when: [("certificate_status", "issued")]).filter { $0.aspects.contains(.actions) }
        #expect(groups.contains { g in g.after.decision?.actions.contains("delete-certificate") == true && g.before.decision?.actions.contains("delete-certificate") == false })
        let finding = try #require(diff.oldSteps.first { $0.procedure == "ssl-issued" })
        guard case .requirementUnmet(let machine, let state, _, let missing) = finding.problem else {
            Issue.record("expected an unmet requirement, got \(finding.problem)"); return
        }
        #expect(machine == "certificate" && state == "revoked" && missing == ["delete-certificate"])
    }

    @Test("the request deadline and the revocation-review deadline")
    func deadlines() throws {
        let diff = try Self.require()
        let refund = try #require(diff.rules.first { $0.id == "refund" })
        let late = try #require(refund.rows.first { $0.id == "G1-1-late-request" })
        #expect(late.afterSource?.quote.hasPrefix("返金期限") == true)
        let ssl = try #require(diff.rules.first { $0.id == "ssl-certificate" })
        #expect(ssl.rows.contains { $0.id == "S-2-revocation-late" && $0.kind == .added })
        let revocation = Self.group(diff, "ssl-certificate", when: [("revocation_in_window", "no")]).filter { $0.aspects.contains(.outcome) }
        #expect(revocation.contains { $0.after.decision?.reason == "revocation-late" && $0.before.decision?.outcome == "full-refund" })
    }

    @Test("Combine Certificates and the managed-service rule", arguments: [
        ("combined_multi_domain", "S-3-combined-multi-domain", "combined-multi-domain"),
        ("managed_service_only", "S-4-managed-service-only", "managed-service-only"),
    ])
    func sslRestrictions(_ fact: String, _ row: String, _ reason: String) throws {
        let diff = try Self.require()
        let ssl = try #require(diff.rules.first { $0.id == "ssl-certificate" })
        #expect(ssl.rows.contains { $0.id == row && $0.kind == .added && $0.cells.contains { $0.name == fact && $0.after == "true" } })
        let groups = Self.group(diff, "ssl-certificate", when: [(fact, "yes")]).filter { $0.aspects.contains(.outcome) }
        #expect(groups.contains { $0.before.decision?.outcome == "full-refund" && $0.after.decision?.reason == reason })
        #expect(groups.allSatisfy { $0.before.decision?.ignored.contains(fact) == true }, "the earlier edition does not know \(fact)")
    }

    @Test("the fallback to the account balance")
    func accountBalance() throws {
        let diff = try Self.require()
        let route = diff.behaviour.filter { $0.aspects == [.route] }
        #expect(!route.isEmpty)
        for g in route {
            #expect(g.when.contains(AnswerRef(fact: "original_method_available", answer: "no")))
            #expect(g.after.decision?.route == "account-balance")
            #expect(g.before.decision?.route != "account-balance")
        }
        let table = try #require(diff.rules.first { $0.id == "route" })
        #expect(table.rows.contains { $0.outputs.contains(FieldChange(name: "route", before: "alibaba-cloud-account", after: "account-balance")) })
    }

    @Test("the gateway: the unused case and the GRCQ-consumed case with the prorated amount")
    func gateway() throws {
        let diff = try Self.require()
        let consumed = diff.behaviour.filter { g in
            g.product == "https-acceleration-gateway" && g.aspects.contains(.outcome) && g.when.contains { $0.fact == "grcq_consumed" }
                && g.example["grcq_consumed"] != .integer(0)
        }
        #expect(consumed.count == 1)
        let g = try #require(consumed.first)
        #expect(g.before.decision?.outcome == "no-refund")
        let after = try #require(g.after.decision)
        #expect(after.outcome == "prorated-refund" && after.channel == "account-manager" && after.actions == ["contact-account-manager"])
        // cash_paid × (1 − consumed ÷ total) for the example: 100 × (1 − 60 ÷ 300) = 80.00
        #expect(g.example["grcq_consumed"] == .integer(60) && g.example["grcq_total"] == .integer(300))
        #expect(after.amount == Exact(decimal: "80"))
        #expect(diff.formulas.contains { $0.id == "prorated-grcq" && $0.kind == .added })
        let table = try #require(diff.rules.first { $0.id == "https-acceleration-gateway" })
        #expect(table.rows.contains { $0.id == "H-unused" && $0.afterSource?.quote == "未使用" })
        #expect(table.rows.contains { $0.id == "H-4-grcq-consumed" && $0.outputs.contains(FieldChange(name: "amount", before: nil, after: "prorated-grcq")) })
    }

    @Test("the private CA: the region step and the pop-up menu")
    func privateCA() throws {
        let diff = try Self.require()
        let enabled = try #require(diff.procedures.first { $0.afterProcedure == "pca-enabled" })
        let reset = enabled.steps.filter { $0.action == "reset-private-ca" && $0.kind == .changed }
        #expect(reset.contains { $0.after?["ja"].contains("リージョンを選択") == true && $0.before?["ja"].contains("リージョン") == false })
        #expect(reset.contains { $0.after?["ja"].contains("「ポップアップメニュー」の「リセット」") == true })
        #expect(reset.contains { $0.after?["en"].contains("\"pop-up menu\"") == true })
        #expect(diff.labels.contains { $0.id == "MNU-POPUP" && $0.kind == .added })
    }

    @Test("the four new products")
    func products() throws {
        let diff = try Self.require()
        #expect(diff.products.added == ["message-notification", "domain-monitoring", "certificate-repository", "cloud-deployment"])
        #expect(diff.products.removed.isEmpty)
        for product in diff.products.added {
            let groups = diff.behaviour.filter { $0.product == product }
            #expect(!groups.isEmpty && groups.allSatisfy { $0.aspects == [.coverage] && $0.before.decision == nil })
        }
    }

    @Test("the renew-in-advance rule removed")
    func renewInAdvance() throws {
        let diff = try Self.require()
        let ssl = try #require(diff.rules.first { $0.id == "ssl-certificate" })
        let row = try #require(ssl.rows.first { $0.kind == .removed && $0.cells.contains { $0.name == "renewed_in_advance" } })
        #expect(row.beforeSource?.line == 56)
        let groups = Self.group(diff, "ssl-certificate", when: [("renewed_in_advance", "yes")]).filter { $0.aspects.contains(.outcome) }
        #expect(!groups.isEmpty)
        #expect(groups.allSatisfy { $0.after.decision?.ignored.contains("renewed_in_advance") == true })
        #expect(groups.contains { $0.before.decision?.outcome == "technical-support" && $0.after.decision?.outcome == "full-refund" })
    }

    @Test("the console labels renamed (注文管理 → 注文の返金管理, パネル → ダイアログボックス...)")
    func labels() throws {
        let diff = try Self.require()
        let byID = Dictionary(diff.labels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["PG-ORDERREFUND"]?.before?["ja"] == "注文管理" && byID["PG-ORDERREFUND"]?.after?["ja"] == "注文の返金管理")
        #expect(byID["PG-PCA"]?.before?["ja"] == "プライベート証明書" && byID["PG-PCA"]?.after?["ja"] == "PCA 証明書管理")
        #expect(byID["DLG-REFUNDAPP"]?.beforeKind == "panel" && byID["DLG-REFUNDAPP"]?.afterKind == "dialog")
        #expect(byID["TERM-GRCQ"]?.kind == .changed)
        #expect(byID["BTN-RENEW"]?.kind == .removed)
        #expect(byID["BTN-CONFIRMDELETE"]?.kind == .added)
        // In the reader's words: the kind names come from strings.yaml.
        let current = try #require(Self.current), earlier = try #require(Self.earlier)
        let md = DiffMarkdown(diff: diff, before: earlier, after: current, language: try #require(current.language("ja"))).text
        #expect(md.contains("注文管理 → 注文の返金管理"))
        #expect(md.contains("パネル → ダイアログボックス"))
    }

    @Test("the What changed page puts behaviour first and names the changes in plain words")
    func whatChanged() throws {
        let diff = try Self.require()
        let current = try #require(Self.current), earlier = try #require(Self.earlier)
        let article = try #require(WhatChangedPage.articles(before: earlier, after: current, diff: diff).first)
        let ja = article.body["ja"], en = article.body["en"]
        #expect(ja.contains("証明書を削除する") && en.contains("Delete the certificate"))
        #expect(ja.contains("2024年10月25日") && en.contains("October 25, 2024"))
        let ssl = try #require(ja.range(of: "## SSL 証明書"))
        let labels = try #require(ja.range(of: "## " + current.string("whatchanged.labels", "ja")))
        #expect(ssl.lowerBound < labels.lowerBound)
        #expect(ja.contains("払い戻し申請 (パネル) | 払い戻し申請 (ダイアログボックス)"))
    }
}

/// The checker of TebikiCheck agrees: on the hybrid model (the current rules with the earlier
/// steps) it reports the unmet refund requirement that the diff reports; on the current model, none.
@Suite("Diff: old steps under the checker")
struct DiffHybridCheckTests {
    @Test("Checker(model: hybrid) reports the refund requirement the earlier ssl-issued steps leave unmet")
    func checkerAgrees() throws {
        let earlier = try #require(DiffEditionsTests.earlier), current = try #require(DiffEditionsTests.current)
        let hybrid = HybridModel.make(earlierSteps: earlier, laterRules: current)
        let unmet = Checker(model: hybrid).checkModel().filter { $0.id == "check.steps.refund-requirement-unmet" }
        for procedure in ["ssl-issued", "ssl-revocation-under-review", "ssl-revoked"] {
            #expect(unmet.contains { $0.summary.contains("'\(procedure)'") && $0.summary.contains("certificate is revoked") })
        }
        // The diff's own simulation finds the same three, with the missing step named.
        let diff = try #require(DiffEditionsTests.diff)
        let found = diff.oldSteps.filter { if case .requirementUnmet = $0.problem { true } else { false } }.map(\.procedure)
        #expect(Set(found) == ["ssl-issued", "ssl-revocation-under-review", "ssl-revoked"])
        #expect(!Checker(model: current).checkModel().contains { $0.id == "check.steps.refund-requirement-unmet" })
    }
}
