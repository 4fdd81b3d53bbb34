import Foundation
import Testing
import TebikiContent
import TebikiDiff
import TebikiModel

/// The semantic diff on variants of the real content: what it finds, and that a model against
/// itself gives nothing.
@Suite("Diff: behaviour, rules, procedures, labels")
struct DiffTests {
    /// The variant (earlier) against the real content (later), computed once.
    static let before: Model? = DiffContent.model(DiffContent.earlierVariant)
    static let after: Model? = DiffContent.model(DiffContent.real)
    static let diff: ModelDiff? = {
        guard let before, let after else { return nil }
        return ModelDiffer.diff(before: before, after: after)
    }()

    enum Side: String, CaseIterable, CustomStringConvertible {
        case real, fixture, variant
        var description: String { rawValue }
        var model: Model? {
            switch self {
            case .real: return DiffTests.after
            case .fixture: return DiffContent.model(DiffContent.fixture)
            case .variant: return DiffTests.before
            }
        }
    }

    @Test("tebiki diff X X is empty", arguments: Side.allCases)
    func identity(_ side: Side) throws {
        let model = try #require(side.model)
        let diff = ModelDiffer.diff(before: model, after: model)
        #expect(diff.isEmpty)
        #expect(diff.scenariosCompared > 0)
        #expect(diff.behaviour.isEmpty && diff.rules.isEmpty && diff.procedures.isEmpty && diff.labels.isEmpty && diff.texts.isEmpty)
        #expect(DiffJSON.json(diff)["empty"] == .bool(true))
    }

    @Test("the same content loaded twice, from a directory and from memory, is no change")
    func sameContentTwoWays() throws {
        let fromDisk = try #require(ContentLoader.load(contentDirectory: DiffContent.realDirectory).model)
        let fromMemory = try #require(Self.after)
        #expect(ModelDiffer.diff(before: fromDisk, after: fromMemory).isEmpty)
    }

    @Test("behaviour: the Delete step added for issued certificates, grouped with counts and an example")
    func deleteStepBehaviour() throws {
        let diff = try #require(Self.diff)
        let groups = diff.behaviour.filter { $0.product == "ssl-certificate" && $0.aspects == [.actions] }
        let issued = groups.filter { $0.when.contains(AnswerRef(fact: "certificate_status", answer: "issued")) }
        // One group per validity (1, 2, 3 years: the Not Activated rows make the sequences differ).
        #expect(issued.count == 3)
        for g in issued {
            #expect(g.count > 1)
            let before = try #require(g.before.decision), after = try #require(g.after.decision)
            #expect(!before.actions.contains("delete-certificate"))
            #expect(after.actions.suffix(3) == ["wait-for-revocation", "delete-certificate", "request-refund"])
            #expect(g.example["certificate_status"] == .symbol("issued"))
            #expect(before.outcome == after.outcome)
        }
    }

    @Test("behaviour: a late request was refunded before and is refused after, one group per product")
    func lateRequestBehaviour() throws {
        let diff = try #require(Self.diff)
        let late = diff.behaviour.filter { $0.when.contains(AnswerRef(fact: "requested_in_window", answer: "no")) && $0.aspects.contains(.outcome) }
        let products = late.map(\.product)
        #expect(Set(products).isSuperset(of: ["ssl-certificate", "https-acceleration-gateway", "private-ca", "message-notification"]))
        // Whatever the steps before, one group per product and earlier outcome (the gateway had two: full and prorated).
        let keys = late.map { "\($0.product) \($0.before.decision?.outcome ?? "-")" }
        #expect(keys.count == Set(keys).count, "\(keys)")
        #expect(late.filter { $0.product == "https-acceleration-gateway" }.compactMap { $0.before.decision?.outcome }.sorted() == ["full-refund", "prorated-refund"])
        for g in late {
            #expect(g.after.decision?.outcome == "no-refund")
            #expect(g.after.decision?.reason == "late-request")
        }
    }

    @Test("behaviour: a product the earlier model lacks is not covered before")
    func newProductCoverage() throws {
        let diff = try #require(Self.diff)
        #expect(diff.products.added == ["cloud-deployment"])
        #expect(diff.products.removed.isEmpty)
        let groups = diff.behaviour.filter { $0.product == "cloud-deployment" }
        #expect(!groups.isEmpty)
        for g in groups {
            #expect(g.aspects == [.coverage])
            guard case .notCovered(let problems) = g.before else { Issue.record("covered before: \(g.before)"); continue }
            #expect(problems.contains { $0.contains("product") })
            #expect(g.after.decision != nil)
        }
        #expect(Set(groups.compactMap { $0.after.decision?.outcome }) == ["full-refund", "no-refund", "promotion-terms"])
    }

    @Test("rules: rows added and tables added, cell by cell, with their source passages")
    func rules() throws {
        let diff = try #require(Self.diff)
        let refund = try #require(diff.rules.first { $0.id == "refund" })
        #expect(refund.kind == .changed)
        let late = try #require(refund.rows.first { $0.id == "G1-1-late-request" })
        #expect(late.kind == .added)
        #expect(late.cells == [FieldChange(name: "requested_in_window", before: nil, after: "false")])
        #expect(late.outputs.contains(FieldChange(name: "outcome", before: nil, after: "no-refund")))
        #expect(late.afterSource?.line == 15)
        #expect(late.afterSource?.quote.hasPrefix("返金期限") == true)
        // Rows keep the later order: G1-1 comes right after G1-2, where it stands in the later table.
        #expect(refund.rows.map(\.id).prefix(1) == ["G1-1-late-request"])
        #expect(!refund.reordered)
        let table = try #require(diff.rules.first { $0.id == "cloud-deployment" })
        #expect(table.kind == .added)
        #expect(table.rows.map(\.id) == ["Y-2-unused", "Y-2-used"])
    }

    @Test("procedures: the Delete action added after the wait, with its steps in ja and en")
    func procedures() throws {
        let diff = try #require(Self.diff)
        let issued = diff.procedures.filter { $0.afterProcedure == "ssl-issued" }
        #expect(issued.count == 3)
        for p in issued {
            #expect(p.actions == [ActionChange(action: "delete-certificate", kind: .added, follows: "wait-for-revocation")])
            let added = p.steps.filter { $0.action == "delete-certificate" }
            #expect(added.count == 2)
            #expect(added.allSatisfy { $0.kind == .added && $0.before == nil })
            #expect(added.first?.after?["ja"].contains("「リスクフリーを確認して削除」") == true)
            #expect(added.first?.after?["en"].contains("\"Confirm No Risk and Delete\"") == true)
        }
        // The renamed page shows as a reworded step of request-refund, in ja only (en is unchanged).
        let reworded = diff.procedures.flatMap(\.steps).filter { $0.action == "request-refund" && $0.kind == .changed }
        #expect(!reworded.isEmpty)
        for s in reworded {
            #expect(s.before?["ja"].contains("「注文管理」") == true)
            #expect(s.after?["ja"].contains("「注文の返金管理」") == true)
            #expect(s.before?["en"] == s.after?["en"])
        }
    }

    @Test("console labels: the renamed page, ja changed and en kept")
    func labels() throws {
        let diff = try #require(Self.diff)
        #expect(diff.labels.count == 1)
        let l = try #require(diff.labels.first)
        #expect(l.id == "PG-ORDERREFUND" && l.kind == .changed)
        #expect(l.before?["ja"] == "注文管理" && l.after?["ja"] == "注文の返金管理")
        #expect(l.before?["en"] == l.after?["en"])
    }

    @Test("texts: the new product's texts are added, per language")
    func texts() throws {
        let diff = try #require(Self.diff)
        let titles = diff.texts.filter { $0.domain == "product.title" }
        #expect(titles.map(\.id) == ["cloud-deployment"])
        #expect(titles.first?.kind == .added)
        #expect(titles.first?.changedLanguages == ["en", "ja"])
        #expect(diff.texts.contains { $0.domain == "fact.value" && $0.id == "product=cloud-deployment" && $0.kind == .added })
        // The reasons stayed in the earlier variant: no change.
        #expect(!diff.texts.contains { $0.domain == "reason.text" })
    }

    @Test("old steps against new rules: the missing Delete step for issued certificates")
    func oldSteps() throws {
        let diff = try #require(Self.diff)
        #expect(diff.oldSteps.count == 1)
        let f = try #require(diff.oldSteps.first)
        #expect(f.product == "ssl-certificate" && f.procedure == "ssl-issued")
        #expect(f.problem == .requirementUnmet(machine: "certificate", state: "revoked", required: ["none", "removed"], missing: ["delete-certificate"]))
        #expect(f.when.contains(AnswerRef(fact: "certificate_status", answer: "issued")))
        #expect(f.actions.suffix(2) == ["wait-for-revocation", "request-refund"])
    }
}
