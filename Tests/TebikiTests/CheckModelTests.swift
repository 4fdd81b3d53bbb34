import TebikiCheck
import TebikiModel
import Testing

/// Broken models made in memory (what the loader cannot produce, or would reject first):
/// each mutation of the real model and the diagnostic the checker must give for it.
struct ModelMutation: Sendable, CustomTestStringConvertible {
    var name: String
    var expected: DiagnosticRule
    var mutate: @Sendable (inout Model) -> Void
    var testDescription: String { name }
}

/// Edits of the real model's machines, steps and glossary.
enum ModelEdit {
    static func action(_ id: String, in model: inout Model, _ change: (inout ConsoleAction) -> Void) {
        var machines = model.machines.elements
        for m in machines.indices {
            var actions = machines[m].actions.elements
            guard let a = actions.firstIndex(where: { $0.id == id }) else { continue }
            change(&actions[a])
            machines[m].actions = Catalog(actions)
        }
        model.machines = Catalog(machines)
    }

    static func text(_ language: LanguageID, _ step: inout Step, _ template: String) {
        guard case .success(let t) = Template.parse(template) else { return }
        step.text.templates[language] = t
    }
}

@Suite("Check: broken models in memory")
struct CheckModelTests {
    static let mutations: [ModelMutation] = [
        ModelMutation(name: "an empty English label", expected: .checkGlossaryEmptyLabel) { model in
            var elements = model.glossary.elements
            if let i = elements.firstIndex(where: { $0.id == "BTN-REFUND" }) { elements[i].label.values["en"] = "" }
            model.glossary = Catalog(elements)
        },
        ModelMutation(name: "a step naming an unknown UI element", expected: .checkTextUnknownPlaceholder) { model in
            ModelEdit.action("delete-certificate", in: &model) { a in
                ModelEdit.text("ja", &a.steps[0], "{PG-SSL} ページで {BTN-NOSUCH} をクリックします。")
                ModelEdit.text("en", &a.steps[0], "On the {PG-SSL} page, click {BTN-NOSUCH}.")
            }
        },
        ModelMutation(name: "the languages of a step name different elements", expected: .checkTextPlaceholderMismatch) { model in
            ModelEdit.action("delete-certificate", in: &model) { a in ModelEdit.text("en", &a.steps[1], "The certificate is removed.") }
        },
        ModelMutation(name: "the languages of a step say different numbers", expected: .checkTextNumberMismatch) { model in
            ModelEdit.action("wait-for-revocation", in: &model) { a in
                ModelEdit.text("en", &a.steps[0], "The revocation review can take up to 7 business days. Wait until the certificate's status changes to {ST-REVOKED}. When the status is {ST-REVOKED}, the revocation has succeeded.")
            }
        },
        ModelMutation(name: "a rule that cites no passage", expected: .checkSourceMissingCitation) { model in
            var tables = model.tables.elements
            if let t = tables.firstIndex(where: { $0.id == "private-ca" }) { tables[t].rules[0].source.quote = "" }
            model.tables = Catalog(tables)
        },
        ModelMutation(name: "a glossary element nobody names", expected: .checkGlossaryUnusedElement) { model in
            model.glossary.append(UIElement(id: "BTN-UNUSED", kind: .button, label: Localized(["ja": "未使用", "en": "Unused"])))
        },
        ModelMutation(name: "a row no scenario matches", expected: .checkTableUnreachableRow) { model in
            var tables = model.tables.elements
            if let t = tables.firstIndex(where: { $0.id == "private-ca" }) {
                var row = tables[t].rules[0]
                row.id = "P-never"
                row.conditions = [Condition(fact: "ca_status", test: .isNull)]
                tables[t].rules.append(row)
            }
            model.tables = Catalog(tables)
        },
        ModelMutation(name: "a refunding row whose procedure never requests the refund", expected: .checkStepsMissingRefundStep) { model in
            var procedures = model.procedures.elements
            if let p = procedures.firstIndex(where: { $0.id == "pca-enabled" }) { procedures[p].items.removeLast() }
            model.procedures = Catalog(procedures)
        },
    ]

    @Test("every broken model is caught with its diagnostic", arguments: mutations)
    func caught(_ m: ModelMutation) {
        var model = realModel
        m.mutate(&model)
        #expect(model != realModel, "the mutation must change the model")
        let found = Checker(model: model).check().diagnostics
        #expect(found.contains { $0.rule == m.expected }, "expected \(m.expected); got \(found.map(\.oneLine))")
    }

    @Test("the private CA refund's two dialogs come out as one warning naming both places")
    func dialogs() throws {
        let report = Checker(model: realModel).check()
        let warnings = report.diagnostics.filter { $0.rule == .checkDialogInconsistentConfirmation }
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.severity == .warning)
        #expect(w.summary.contains("ヒント (DLG-TIP)") && w.summary.contains("払い戻し申請 (DLG-REFUNDAPP)"))
        #expect(w.summary.contains("request-refund"))
        let tip = try #require(w.location)
        #expect(tip.file.hasSuffix("machines.yaml"))
        #expect(!w.related.isEmpty && !w.related.contains(tip))
    }

    @Test("every scenario class is checked and counted")
    func classesCounted() {
        let report = Checker(model: realModel).check()
        #expect(report.classesChecked > 1000)
        #expect(report.scenariosChecked >= report.classesChecked)
        #expect(report.scenariosChecked <= 2 * report.classesChecked)
    }

    @Test("the check is deterministic")
    func deterministic() {
        var model = realModel
        ModelEdit.action("delete-certificate", in: &model) { a in ModelEdit.text("en", &a.steps[1], "The certificate is removed.") }
        #expect(Checker(model: model).check() == Checker(model: model).check())
    }
}
