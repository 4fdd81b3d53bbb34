/// A product shaped like the HTTPS Acceleration Gateway: whether it was configured, how much of
/// its quota was consumed (partitions 0 / > 0), an irreversible reset, and a prorated formula
/// with a worked example, refunded through the account manager (unique-hit table).
struct MeteredParts {
    let p: SyntheticProduct
    let page: SourcePage

    func parts() -> ProductParts {
        let k = p.key, f = p.factPrefix, g = p.glossaryKey, n = p.name
        var parts = ProductParts()
        let heading = page.cite("\(n.ja)の返金")
        let sUnused = page.cite("\(n.ja)のインスタンスは、設定を追加していない場合は未使用です。")
        let sReset = page.cite("\(n.ja)のインスタンスをリセットした後、全額返金をリクエストします。")
        let sProrated = page.cite("\(n.ja)のクォータが消費されている場合は、残高の返金を手動でリクエストする必要があります。", decision: "D10")
        let sExample = page.cite("300 クォータのうち 60 を消費した場合、返金額は 1.6 - (1.6 × 60) / 300 = 1.28 USD です。", decision: "D9")
        let configured: [(String, String)] = [("product", p.id), ("\(f)configured", "true")]

        parts.facts = [
            """
            - id: \(f)configured
              type: boolean
              applies_when: {product: \(p.id)}
              required: true
              question: \(Words("\(n.ja)のインスタンスに設定を追加しましたか?", "Have you added a configuration to the \(n.en) instance?").yaml)
              help: \(Words("設定を追加していないインスタンスは未使用です。", "An instance with no configuration added is unused.").yaml)
            """,
            """
            - id: \(f)consumed
              type: integer
              applies_when: \(YAML.conditions(configured))
              required: true
              min: 0
              max: \(f)total
              question: \(Words("これまでに消費された\(n.ja)のクォータはいくつですか?", "How many units of the \(n.en) quota have been consumed so far?").yaml)
              partitions:
                - {test: "0", sample: 0, label: \(Words("消費していない (0)", "None consumed (0)").yaml)}
                - {test: "> 0", sample: 60, label: \(Words("消費した (1 以上)", "Some consumed (1 or more)").yaml)}
            """,
            """
            - id: \(f)total
              type: integer
              applies_when: \(YAML.conditions(configured))
              required: true
              min: 1
              question: \(Words("注文に含まれているクォータはいくつですか?", "How many units of quota does the order include?").yaml)
              partitions:
                - {test: "-", sample: 300, label: \(Words("注文に含まれるクォータ", "The quota the order includes").yaml)}
            """,
        ]

        parts.product = """
            - id: \(p.id)
              title: \(n.yaml)
              summary: \(Words("\(n.ja)のインスタンスは、設定を追加していない場合は未使用です。設定を追加した場合は、クォータの消費状況に基づいて返金をリクエストできます。", "A \(n.en) instance is unused as long as no configuration has been added to it. Once one has been added, the refund depends on how much of the quota has been consumed.").yaml)
              source: \(heading)
              resources:
                - machine: \(k)-instance
                  initial: unconfigured
                  when: {\(f)configured: false}
                - machine: \(k)-instance
                  initial: configured
                  when: {\(f)configured: true, \(f)consumed: 0}
                - machine: \(k)-instance
                  initial: in-use
                  when: {\(f)configured: true, \(f)consumed: "> 0"}
                - machine: order
                  initial: paid
              refund_requires: [\(k)-instance.unconfigured, \(k)-instance.reset]
            """

        parts.glossary = [
            ProductParts.element("PG-\(g)", "page", Words("\(n.ja)", "\(n.en)")),
            ProductParts.element("TB-\(g)", "tab", Words("インスタンスの管理", "Instance Management")),
            ProductParts.element("TERM-\(g)", "term", Words("\(n.ja)クォータ", "\(n.en) quota")),
        ]

        parts.machines = ["""
            - id: \(k)-instance
              title: \(Words("\(n.ja)インスタンス", "\(n.en) instance").yaml)
              states:
                - {id: unconfigured, title: \(Words("設定が追加されていない (未使用)", "No configuration added (unused)").yaml)}
                - {id: configured, title: \(Words("設定が追加済み (消費なし)", "Configuration added (nothing consumed)").yaml)}
                - {id: reset, title: \(Words("リセット済み", "Reset").yaml)}
                - {id: in-use, title: \(Words("クォータを消費済み", "Quota consumed").yaml)}
              actions:
                - id: \(k)-reset
                  title: \(Words("インスタンスをリセットする", "Reset the instance").yaml)
                  from: [configured]
                  to: reset
                  irreversible: true
                  caution: \(k)-reset-irreversible
                  source: \(sReset)
            \(ProductParts.steps([
                Words("{PG-\(g)} ページに移動します。{TB-\(g)} タブで、対象のインスタンスを見つけ、{COL-ACTIONS} 列の {BTN-RESET} をクリックします。",
                      "Go to the {PG-\(g)} page. On the {TB-\(g)} tab, find the instance and click {BTN-RESET} in the {COL-ACTIONS} column."),
            ], indent: 6))
            """]

        parts.procedures = [
            ProductParts.procedure("\(k)-unused", Words("未使用の\(n.ja)の返金", "Refund an unused \(n.en) instance"), ["request-refund"]),
            ProductParts.procedure("\(k)-reset", Words("クォータを消費していない\(n.ja)の返金", "Refund a \(n.en) instance with no quota consumed"),
                                   ["\(k)-reset", "request-refund"]),
            ProductParts.procedure("\(k)-manual", Words("クォータを消費した\(n.ja)の返金", "Refund a \(n.en) instance with quota consumed"),
                                   ["contact-account-manager"]),
        ]

        parts.formulas = ["""
            - id: \(k)-prorated
              expression: "cash_paid * (1 - \(f)consumed / \(f)total)"
              text: \(Words("現金で支払われた金額から、消費されたクォータの割合に相当する金額を差し引いた額です。", "The cash paid minus the share that corresponds to the quota consumed.").yaml)
              example:
                facts: {cash_paid: "1.6", \(f)consumed: 60, \(f)total: 300}
                result: "1.28"
                text: \(Words("注文には 300 クォータが含まれ、合計料金は 1.6 USD です。60 を消費した場合、返金額は 1.28 USD です。", "The order includes 300 units of quota and costs 1.6 USD. If 60 are consumed, the refund is 1.28 USD.").yaml)
                source: \(sExample)
            """]

        parts.tables = [ProductParts.table("\(k)", Words("\(n.ja)の返金", "\(n.en) refunds"), hitPolicy: "unique",
            inputs: ["\(f)configured", "\(f)consumed"],
            rows: [
                ProductParts.row("\(k)-unused", when: [("\(f)configured", "false")],
                                 then: ProductParts.refund("full-refund", reason: "\(k)-unused-full", amount: "full", channel: "console", procedure: "\(k)-unused"), source: sUnused),
                ProductParts.row("\(k)-nothing-consumed", when: [("\(f)configured", "true"), ("\(f)consumed", "0")],
                                 then: ProductParts.refund("full-refund", reason: "\(k)-reset-full", amount: "full", channel: "console", procedure: "\(k)-reset"), source: sReset),
                ProductParts.row("\(k)-consumed", when: [("\(f)configured", "true"), ("\(f)consumed", "> 0")],
                                 then: ProductParts.refund("prorated-refund", reason: "\(k)-prorated", amount: "\(k)-prorated", channel: "account-manager",
                                                           procedure: "\(k)-manual", warnings: ["manual-request-window"]), source: sProrated),
            ])]

        parts.reasons = [
            ProductParts.message("\(k)-unused-full", Words(
                "インスタンスに設定が追加されていない (未使用) ため、全額返金をリクエストできます。",
                "No configuration has been added to the instance (it is unused), so you can request a full refund.")),
            ProductParts.message("\(k)-reset-full", Words(
                "設定は追加されていますが、{TERM-\(g)} は消費されていないため、インスタンスをリセットした後に全額返金をリクエストできます。",
                "A configuration has been added, but no {TERM-\(g)} has been consumed, so you can request a full refund after resetting the instance.")),
            ProductParts.message("\(k)-prorated", Words(
                "{TERM-\(g)} が消費されているため、残額の返金をアカウントマネージャーを通じて手動でリクエストする必要があります。",
                "Some {TERM-\(g)} has been consumed, so you must request the remaining amount manually through your account manager.")),
        ]
        parts.warnings = [
            ProductParts.warning("\(k)-reset-irreversible", title: Words("リセットは元に戻せません", "A reset cannot be undone"), Words(
                "\(n.ja)インスタンスのリセットは元に戻せません。返金をリクエストする場合にのみリセットしてください。",
                "Resetting a \(n.en) instance cannot be undone. Reset it only if you are going to request the refund.")),
        ]
        return parts
    }
}
