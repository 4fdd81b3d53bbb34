/// A product shaped like the SSL certificate: a status enumeration whose values are machine
/// states, an irreversible revocation with a caution, a wait that must end in the window (D17),
/// further rows cancelled once per extra year (a repeat), and a first-hit table.
struct LifecycleParts {
    let p: SyntheticProduct
    let page: SourcePage

    func parts() -> ProductParts {
        let k = p.key, f = p.factPrefix, g = p.glossaryKey, n = p.name
        var parts = ProductParts()
        let heading = page.cite("\(n.ja)の返金")
        let sUnused = page.cite("\(n.ja)のクォータを使用していない場合は、全額返金をリクエストできます。")
        let sPending = page.cite("申請が保留中の場合は、申請をキャンセルしてリソースをリリースしてから返金をリクエストします。")
        let sIssued = page.cite("\(n.ja)が発行されている場合は、失効させて一覧から削除してから返金をリクエストします。")
        let sRevocation = page.cite("\(n.ja)の失効審査は、注文の支払い後 7 暦日以内に完了している必要があります。", decision: "D11")
        let sWait = page.cite("失効審査には最大 5 営業日かかる場合があります。審査が完了するまでお待ちください。", decision: "D17")
        let sRows = page.cite("複数年の注文では、2 件目以降の\(n.ja)を先にキャンセルします。", decision: "D5")
        let sDelete = page.cite("\(n.ja)の 操作 列にある 削除 をクリックします。")
        let sRemoved = page.cite("一覧から削除済みの場合は、そのまま返金をリクエストできます。", decision: "D14")

        let facts = [
            """
            - id: \(f)status
              type: enum
              values:
                - {id: none, label: \(Words("未使用", "Not used").yaml), state: \(k)-item.none}
                - {id: pending, label: \(Words("保留中の申請", "Pending Application").yaml), state: \(k)-item.pending}
                - {id: issued, label: \(Words("発行済み", "Issued").yaml), state: \(k)-item.issued}
                - {id: revoking, label: \(Words("レビュー中の失効", "Revocation Under Review").yaml), state: \(k)-item.revoking}
                - {id: revoked, label: \(Words("失効", "Revoked").yaml), state: \(k)-item.revoked}
                - {id: removed, label: \(Words("一覧から削除済み", "Removed from the list").yaml), state: \(k)-item.removed}
              applies_when: {product: \(p.id)}
              required: true
              question: \(Words("\(n.ja)の現在のステータスはどれですか?", "What is the current status of the \(n.en)?").yaml)
              help: \(Words("\(n.ja)管理ページのステータス列で確認できます。複数年の注文の場合は、最初の項目のステータスを選択してください。", "You can see it in the status column of the \(n.en) management page. For a multi-year order, choose the status of the first item.").yaml)
            """,
            """
            - id: \(f)years
              type: integer
              applies_when: {product: \(p.id)}
              default: "1"
              min: 1
              max: 3
              question: \(Words("購入した\(n.ja)の有効期間は何年ですか?", "How many years of validity did you buy the \(n.en) for?").yaml)
            """,
            """
            - id: \(f)revoked_on
              type: date
              applies_when: {product: \(p.id)}
              not_before: paid_on
              question: \(Words("\(n.ja)の失効審査が完了した日はいつですか?", "On what day did the revocation review of the \(n.en) complete?").yaml)
              help: \(Words("失効させた場合のみ入力してください。", "Answer only if you revoked it.").yaml)
            """,
            """
            - id: \(f)revocation_in_window
              type: boolean
              applies_when: {product: \(p.id)}
              derive: {within_window: \(f)revoked_on}
              question: \(Words("失効審査が完了している場合、完了したのは支払日から 7 暦日以内でしたか?", "If the revocation review has completed, did it complete within 7 calendar days of payment?").yaml)
            """,
            """
            - id: \(f)extra_rows
              type: integer
              applies_when: {product: \(p.id)}
              derive: {expression: "\(f)years - 1"}
            """,
        ]
        parts.facts = facts

        parts.product = """
            - id: \(p.id)
              title: \(n.yaml)
              summary: \(Words("\(n.ja)は、クォータを使用していない場合は未使用です。使用済みの場合は、申請をキャンセルするか、失効させて一覧から削除してから返金をリクエストします。", "The \(n.en) is unused as long as its quota has not been used. Once it is used, cancel the application, or revoke it and delete it from the list, then request the refund.").yaml)
              source: \(heading)
              resources:
                - machine: \(k)-item
                  state_from: \(f)status
                - machine: \(k)-row
                  count: \(f)extra_rows
                  initial: not-activated
                  when: {\(f)status: issued}
                - machine: order
                  initial: paid
              refund_requires: [\(k)-item.none, \(k)-item.removed, \(k)-row.removed]
            """

        parts.glossary = [
            ProductParts.element("PG-\(g)", "page", Words("\(n.ja)管理", "\(n.en) Management")),
            ProductParts.element("TB-\(g)", "tab", Words("\(n.ja)一覧", "\(n.en) List")),
            ProductParts.element("LST-\(g)", "list", Words("\(n.ja)リスト", "\(n.en) list")),
            ProductParts.element("ST-\(g)-PENDING", "status", Words("保留中の申請", "Pending Application")),
            ProductParts.element("ST-\(g)-ISSUED", "status", Words("発行済み", "Issued")),
            ProductParts.element("ST-\(g)-REVOKING", "status", Words("レビュー中の失効", "Revocation Under Review")),
            ProductParts.element("ST-\(g)-REVOKED", "status", Words("失効", "Revoked")),
            ProductParts.element("ST-\(g)-NOTACTIVATED", "status", Words("ない活性化", "Not Activated")),
            ProductParts.element("TERM-\(g)", "term", Words("\(n.ja)マネージドサービス", "\(n.en) managed service")),
        ]

        let find = Words("{PG-\(g)} ページの {TB-\(g)} タブで対象の項目を見つけ、", "On the {TB-\(g)} tab of the {PG-\(g)} page, find the item")
        parts.machines = [
            """
            - id: \(k)-item
              title: \(n.yaml)
              states:
            \(YAML.indent([
                ProductParts.state("none", Words("未使用", "Not used")),
                ProductParts.state("pending", Words("保留中の申請", "Pending Application"), status: "ST-\(g)-PENDING"),
                ProductParts.state("issued", Words("発行済み", "Issued"), status: "ST-\(g)-ISSUED"),
                ProductParts.state("revoking", Words("レビュー中の失効", "Revocation Under Review"), status: "ST-\(g)-REVOKING"),
                ProductParts.state("revoked", Words("失効", "Revoked"), status: "ST-\(g)-REVOKED"),
                ProductParts.state("removed", Words("一覧から削除済み", "Removed from the list")),
            ].joined(separator: "\n"), by: 4))
              actions:
                - id: \(k)-cancel-application
                  title: \(Words("申請をキャンセルする", "Cancel the application").yaml)
                  from: [pending]
                  to: removed
                  source: \(sPending)
            \(ProductParts.steps([
                Words(find.ja + "{COL-ACTIONS} 列にある {BTN-CANCELAPP} をクリックします。{DLG-TIP} ダイアログボックスで、{BTN-OK} をクリックします。",
                      find.en + " and click {BTN-CANCELAPP} in its {COL-ACTIONS} column. In the {DLG-TIP} dialog box, click {BTN-OK}."),
                Words("操作が完了すると、項目は {LST-\(g)} から削除され、クォータが返却されます。",
                      "When the operation completes, the item is removed from the {LST-\(g)} and the quota is returned."),
            ], indent: 6))
                - id: \(k)-revoke
                  title: \(Words("\(n.ja)を失効させる", "Revoke the \(n.en)").yaml)
                  from: [issued]
                  to: revoking
                  requires: [\(k)-row.removed]
                  irreversible: true
                  caution: \(k)-revocation-irreversible
                  source: \(sIssued)
            \(ProductParts.steps([
                Words(find.ja + "{COL-ACTIONS} 列で、{MNU-MORE} > {BTN-REVOKE} をクリックします。",
                      find.en + ". In its {COL-ACTIONS} column, click {MNU-MORE} > {BTN-REVOKE}."),
                Words("{DLG-REVOKE} パネルで、失効リクエスト情報を確認し、{BTN-OK} をクリックします。",
                      "In the {DLG-REVOKE} panel, check the revocation request information and click {BTN-OK}."),
                Words("{DLG-TIP} ダイアログボックスで、{BTN-CONTREVOKE} をクリックします。ステータスは {ST-\(g)-REVOKING} に変わります。",
                      "In the {DLG-TIP} dialog box, click {BTN-CONTREVOKE}. The status changes to {ST-\(g)-REVOKING}."),
            ], indent: 6))
                  variants:
                    - when: {\(f)years: "2, 3"}
                      source: \(sRows)
            \(ProductParts.steps([
                Words("{PG-\(g)} ページの {TB-\(g)} タブで対象の注文の最初の項目を見つけ、{COL-ACTIONS} 列で、{MNU-MORE} > {BTN-REVOKE} をクリックします。",
                      "On the {TB-\(g)} tab of the {PG-\(g)} page, find the first item of the order. In its {COL-ACTIONS} column, click {MNU-MORE} > {BTN-REVOKE}."),
                Words("{DLG-TIP} ダイアログボックスで、{BTN-CONTREVOKE} をクリックします。ステータスは {ST-\(g)-REVOKING} に変わります。",
                      "In the {DLG-TIP} dialog box, click {BTN-CONTREVOKE}. The status changes to {ST-\(g)-REVOKING}."),
            ], indent: 10))
                - id: \(k)-wait-for-revocation
                  title: \(Words("失効審査の完了を待つ", "Wait for the revocation review").yaml)
                  from: [revoking]
                  to: revoked
                  wait: {max: 5, unit: business-days, must_end_in_window: true, warning: \(k)-revocation-may-end-late}
                  source: \(sWait)
            \(ProductParts.steps([
                Words("失効審査には最大 5 営業日かかる場合があります。ステータスが {ST-\(g)-REVOKED} に変わるまでお待ちください。",
                      "The revocation review can take up to 5 business days. Wait until the status changes to {ST-\(g)-REVOKED}."),
            ], indent: 6))
                - id: \(k)-delete
                  title: \(Words("\(n.ja)を削除する", "Delete the \(n.en)").yaml)
                  from: [revoked]
                  to: removed
                  source: \(sDelete)
            \(ProductParts.steps([
                Words(find.ja + "{COL-ACTIONS} 列にある {BTN-DELETE} をクリックします。{DLG-TIP} ダイアログボックスで、{BTN-CONFIRMDELETE} をクリックします。",
                      find.en + " and click {BTN-DELETE} in its {COL-ACTIONS} column. In the {DLG-TIP} dialog box, click {BTN-CONFIRMDELETE}."),
            ], indent: 6))
            """,
            """
            - id: \(k)-row
              title: \(Words("複数年の注文の 2 件目以降の\(n.ja)", "Further \(n.en) of a multi-year order").yaml)
              states:
                - {id: not-activated, title: \(Words("ない活性化", "Not Activated").yaml), status: ST-\(g)-NOTACTIVATED}
                - {id: removed, title: \(Words("一覧から削除済み", "Removed from the list").yaml)}
              actions:
                - id: \(k)-cancel-row
                  title: \(Words("有効化されていない項目をキャンセルする", "Cancel an item that is not activated").yaml)
                  from: [not-activated]
                  to: removed
                  source: \(sRows)
            \(ProductParts.steps([
                Words("{PG-\(g)} ページの {TB-\(g)} タブで、{ST-\(g)-NOTACTIVATED} 状態の項目 ({row} 件目) を見つけ、{COL-ACTIONS} 列の {BTN-CANCEL} をクリックします。",
                      "On the {TB-\(g)} tab of the {PG-\(g)} page, find item {row} of those with the status {ST-\(g)-NOTACTIVATED} and click {BTN-CANCEL} in its {COL-ACTIONS} column."),
            ], indent: 6))
            """,
        ]

        parts.procedures = [
            ProductParts.procedure("\(k)-unused", Words("未使用の\(n.ja)の返金", "Refund an unused \(n.en)"), ["request-refund"]),
            ProductParts.procedure("\(k)-pending", Words("申請が保留中の\(n.ja)の返金", "Refund a \(n.en) whose application is pending"),
                                   ["\(k)-cancel-application", "request-refund"]),
            ProductParts.procedure("\(k)-issued", Words("発行済みの\(n.ja)の返金", "Refund an issued \(n.en)"),
                                   ["{action: \(k)-cancel-row, repeat: \(f)extra_rows}", "\(k)-revoke", "\(k)-wait-for-revocation", "\(k)-delete", "request-refund"]),
            ProductParts.procedure("\(k)-revoking", Words("失効審査中の\(n.ja)の返金", "Refund a \(n.en) whose revocation is under review"),
                                   ["\(k)-wait-for-revocation", "\(k)-delete", "request-refund"]),
            ProductParts.procedure("\(k)-revoked", Words("失効した\(n.ja)の返金", "Refund a revoked \(n.en)"), ["\(k)-delete", "request-refund"]),
            ProductParts.procedure("\(k)-removed", Words("一覧から削除済みの\(n.ja)の返金", "Refund a \(n.en) already removed from the list"), ["request-refund"]),
        ]

        func full(_ reason: String, _ procedure: String, warnings: [String] = []) -> String {
            ProductParts.refund("full-refund", reason: reason, amount: "full", channel: "console", procedure: procedure, warnings: warnings)
        }
        let status = "\(f)status"
        parts.tables = [ProductParts.table("\(k)", Words("\(n.ja)の返金", "\(n.en) refunds"), hitPolicy: "first",
            inputs: ["\(f)revocation_in_window", status, "\(f)years"],
            rows: [
                ProductParts.row("\(k)-revocation-late", when: [("\(f)revocation_in_window", "false")], then: ProductParts.noRefund(reason: "\(k)-revocation-late"), source: sRevocation),
                ProductParts.row("\(k)-unused", when: [(status, "none")], then: full("\(k)-unused-full", "\(k)-unused"), source: sUnused),
                ProductParts.row("\(k)-pending", when: [(status, "pending")], then: full("\(k)-cancel-full", "\(k)-pending"), source: sPending),
                ProductParts.row("\(k)-issued-1-year", when: [(status, "issued"), ("\(f)years", "1")], then: full("\(k)-revoke-full", "\(k)-issued"), source: sIssued),
                ProductParts.row("\(k)-issued-multi-year", when: [(status, "issued"), ("\(f)years", "2, 3")],
                                 then: full("\(k)-revoke-full", "\(k)-issued", warnings: ["\(k)-managed-included"]), source: sRows),
                ProductParts.row("\(k)-revoking", when: [(status, "revoking")], then: full("\(k)-revoke-full", "\(k)-revoking"), source: sWait),
                ProductParts.row("\(k)-revoked", when: [(status, "revoked")], then: full("\(k)-revoke-full", "\(k)-revoked"), source: sDelete),
                ProductParts.row("\(k)-removed", when: [(status, "removed")], then: full("\(k)-released-full", "\(k)-removed"), source: sRemoved),
            ])]

        parts.reasons = [
            ProductParts.message("\(k)-revocation-late", Words(
                "\(n.ja)が発行されている場合、注文の支払い後 7 暦日以内 ({deadline} まで) に失効審査が完了している必要があります。完了がこの期限より後だったため、返金の対象にはなりません。",
                "When the \(n.en) has been issued, its revocation review must complete within 7 calendar days of paying for the order (by {deadline}). It completed after that, so the order cannot be refunded.")),
            ProductParts.message("\(k)-unused-full", Words(
                "クォータを使用していないため、全額返金をリクエストできます。", "The quota has not been used, so you can request a full refund.")),
            ProductParts.message("\(k)-cancel-full", Words(
                "申請をキャンセルしてリソースをリリースすると、全額返金をリクエストできます。リリースしないままリクエストすると、{MSG-REFUND-BLOCKED} ことを示すメッセージが表示されます。",
                "Cancel the application to release the resources; you can then request a full refund. If you request it before they are released, a message says {MSG-REFUND-BLOCKED}")),
            ProductParts.message("\(k)-revoke-full", Words(
                "\(n.ja)を失効させ、失効審査が {deadline} までに完了した後、{LST-\(g)} から削除すると、全額返金をリクエストできます。",
                "Revoke the \(n.en); once its revocation review has completed by {deadline}, delete it from the {LST-\(g)}. You can then request a full refund.")),
            ProductParts.message("\(k)-released-full", Words(
                "\(n.ja)はすでに {LST-\(g)} から削除されているため、全額返金をリクエストできます。",
                "The \(n.en) has already been removed from the {LST-\(g)}, so you can request a full refund.")),
        ]
        parts.warnings = [
            ProductParts.warning("\(k)-revocation-irreversible", title: Words("失効は元に戻せません", "Revocation cannot be undone"), Words(
                "失効した\(n.ja)は回復できません。失効審査が期限を過ぎて完了した場合、返金はできません。",
                "A revoked \(n.en) cannot be restored. If the revocation review completes after the deadline, no refund is possible.")),
            ProductParts.warning("\(k)-revocation-may-end-late", title: Words("失効審査が期限を過ぎるおそれがあります", "The revocation review may end after the deadline"), Words(
                "失効審査には最大 5 営業日かかる場合があるため、完了が返金期限の {deadline} を過ぎるおそれがあります。確実に期限内に完了するのは、{last_safe_day} までに失効を開始した場合です。",
                "The revocation review may take up to 5 business days, so it may complete after the refund deadline of {deadline}. It is sure to complete in time only if you start the revocation by {last_safe_day}.")),
            ProductParts.warning("\(k)-managed-included", title: Words("マネージドサービスも一緒に返金されます", "The managed service is refunded with the order"), Words(
                "複数年の\(n.ja)に含まれている {TERM-\(g)} は、注文全体として一緒に返金されます。",
                "The {TERM-\(g)} included with a multi-year \(n.en) is refunded together with it, as part of the whole order.")),
        ]
        return parts
    }
}
