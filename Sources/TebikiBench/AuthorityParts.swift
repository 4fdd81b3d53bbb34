/// A product shaped like the private CA: a state enumeration whose values are machine states, an
/// irreversible reset through untitled console elements, and its own variant of the shared refund steps.
struct AuthorityParts {
    let p: SyntheticProduct
    let page: SourcePage

    func parts() -> ProductParts {
        let k = p.key, f = p.factPrefix, g = p.glossaryKey, n = p.name
        var parts = ProductParts()
        let heading = page.cite("\(n.ja)の返金")
        let sUnused = page.cite("\(n.ja)が有効になっていない場合は未使用です。")
        let sEnabled = page.cite("\(n.ja)が有効になっている場合、購入後 7 暦日以内にリセットできます。", decision: "D2")
        let sReset = page.cite("リセットが成功すると、\(n.ja)の注文の返金を受けることができます。")
        let sSteps = page.cite("\(n.ja)管理 ページに移動し、リージョンを選択します。")

        parts.facts = ["""
            - id: \(f)state
              type: enum
              values:
                - {id: not-enabled, label: \(Words("有効になっていない (未使用)", "Not enabled (unused)").yaml), state: \(k)-unit.not-enabled}
                - {id: enabled, label: \(Words("有効", "Enabled").yaml), state: \(k)-unit.enabled}
                - {id: reset, label: \(Words("リセット済み", "Reset").yaml), state: \(k)-unit.reset}
              applies_when: {product: \(p.id)}
              required: true
              question: \(Words("\(n.ja)の現在の状態はどれですか?", "What is the current state of the \(n.en)?").yaml)
              help: \(Words("有効になっていない場合は未使用です。", "One that has not been enabled is unused.").yaml)
            """]

        parts.product = """
            - id: \(p.id)
              title: \(n.yaml)
              summary: \(Words("\(n.ja)は、有効になっていない場合は未使用です。有効になっている場合は、リセットすると注文の返金を受けることができます。", "The \(n.en) is unused as long as it has not been enabled. If it has been enabled, reset it; the order can then be refunded.").yaml)
              source: \(heading)
              resources:
                - machine: \(k)-unit
                  state_from: \(f)state
                - machine: order
                  initial: paid
              refund_requires: [\(k)-unit.not-enabled, \(k)-unit.reset]
            """

        parts.glossary = [
            ProductParts.element("PG-\(g)", "page", Words("\(n.ja)管理", "\(n.en) Management")),
            ProductParts.element("TB-\(g)", "tab", Words("\(n.ja)一覧", "\(n.en) List")),
            ProductParts.element("ST-\(g)-ENABLED", "status", Words("有効", "Enabled")),
            ProductParts.element("ST-\(g)-DISABLED", "status", Words("無効", "Disabled")),
            ProductParts.element("ST-\(g)-REFUNDED", "status", Words("払い戻しが行われました", "Refunded")),
        ]

        parts.machines = ["""
            - id: \(k)-unit
              title: \(n.yaml)
              states:
                - {id: not-enabled, title: \(Words("有効になっていない (未使用)", "Not enabled (unused)").yaml)}
                - {id: enabled, title: \(Words("有効", "Enabled").yaml), status: ST-\(g)-ENABLED}
                - {id: reset, title: \(Words("リセット済み", "Reset").yaml), status: ST-\(g)-DISABLED}
                - {id: refunded, title: \(Words("払い戻しが行われました", "Refunded").yaml), status: ST-\(g)-REFUNDED}
              actions:
                - id: \(k)-reset-unit
                  title: \(Words("\(n.ja)をリセットする", "Reset the \(n.en)").yaml)
                  from: [enabled]
                  to: reset
                  irreversible: true
                  caution: \(k)-reset-irreversible
                  source: \(sEnabled)
            \(ProductParts.steps([
                Words("{PG-\(g)} ページに移動し、リージョンを選択します。", "Go to the {PG-\(g)} page and select the region."),
                Words("{TB-\(g)} タブで、リセットしたい項目を見つけます。{COL-ACTIONS} 列で {BTN-MORE-ICON} アイコン (⋮) をクリックし、{MNU-POPUP} の {BTN-RESET} をクリックします。",
                      "On the {TB-\(g)} tab, find the item you want to reset. In the {COL-ACTIONS} column, click the {BTN-MORE-ICON} icon (⋮), then click {BTN-RESET} in the {MNU-POPUP}."),
                Words("{DLG-RESET} で、リセット情報を確認し、{CHK-RESETCONFIRM} を選択して、{BTN-CONFIRM} をクリックします。",
                      "In the {DLG-RESET}, check the reset information, select {CHK-RESETCONFIRM} and click {BTN-CONFIRM}."),
            ], indent: 6))
            """]

        parts.refundVariants = ["""
            - when: {product: \(p.id)}
              source: \(sSteps)
            \(ProductParts.steps([
                Words("{PG-\(g)} ページに移動し、リージョンを選択します。", "Go to the {PG-\(g)} page and select the region."),
                Words("{TB-ORDERREFUND} タブで、対象の注文を見つけ、{COL-ACTIONS} 列の {BTN-REFUND} をクリックします。",
                      "On the {TB-ORDERREFUND} tab, find the order and click {BTN-REFUND} in the {COL-ACTIONS} column."),
                Words("{DLG-REFUNDAPP} ダイアログボックスで、{BTN-OK} をクリックします。", "In the {DLG-REFUNDAPP} dialog box, click {BTN-OK}."),
                Words("返金が成功すると、{COL-STATUS} が {ST-\(g)-REFUNDED} に変わります。", "When the refund succeeds, the {COL-STATUS} changes to {ST-\(g)-REFUNDED}."),
            ], indent: 2))
            """]

        parts.procedures = [
            ProductParts.procedure("\(k)-unused", Words("未使用の\(n.ja)の返金", "Refund an unused \(n.en)"), ["request-refund"]),
            ProductParts.procedure("\(k)-enabled", Words("有効になっている\(n.ja)の返金", "Refund an enabled \(n.en)"), ["\(k)-reset-unit", "request-refund"]),
            ProductParts.procedure("\(k)-reset", Words("リセット済みの\(n.ja)の返金", "Refund a \(n.en) that has been reset"), ["request-refund"]),
        ]

        func full(_ reason: String, _ procedure: String) -> String {
            ProductParts.refund("full-refund", reason: reason, amount: "full", channel: "console", procedure: procedure)
        }
        parts.tables = [ProductParts.table("\(k)", Words("\(n.ja)の返金", "\(n.en) refunds"), hitPolicy: "unique", inputs: ["\(f)state"], rows: [
            ProductParts.row("\(k)-not-enabled", when: [("\(f)state", "not-enabled")], then: full("\(k)-not-enabled-full", "\(k)-unused"), source: sUnused),
            ProductParts.row("\(k)-enabled", when: [("\(f)state", "enabled")], then: full("\(k)-enabled-full", "\(k)-enabled"), source: sEnabled),
            ProductParts.row("\(k)-reset", when: [("\(f)state", "reset")], then: full("\(k)-reset-full", "\(k)-reset"), source: sReset),
        ])]

        parts.reasons = [
            ProductParts.message("\(k)-not-enabled-full", Words(
                "\(n.ja)が有効になっていない (未使用) ため、全額返金をリクエストできます。",
                "The \(n.en) has not been enabled (it is unused), so you can request a full refund.")),
            ProductParts.message("\(k)-enabled-full", Words(
                "\(n.ja)が有効になっているため、{deadline} までにリセットする必要があります。リセットが成功すると、全額返金をリクエストできます。",
                "The \(n.en) has been enabled, so it must be reset by {deadline}. Once the reset succeeds, you can request a full refund.")),
            ProductParts.message("\(k)-reset-full", Words(
                "\(n.ja)のリセットが成功しているため、全額返金をリクエストできます。",
                "The \(n.en) has been reset successfully, so you can request a full refund.")),
        ]
        parts.warnings = [
            ProductParts.warning("\(k)-reset-irreversible", title: Words("リセットするとすべてのデータが削除されます", "A reset deletes all data"), Words(
                "\(n.ja)をリセットすると、すべてのデータが削除され、元に戻すことはできません。",
                "Resetting the \(n.en) deletes all of its data, and the reset cannot be undone.")),
        ]
        return parts
    }
}
