/// What every synthetic model has whatever its products: tebiki.yaml, the edition, the general
/// facts (the product enumeration first), the general rules, outcomes, the order machine with
/// the shared refund action, and the shared glossary elements; and the files assembled from
/// the products' parts.
struct GeneralParts {
    let page: SourcePage
    let productCount: Int
    private let sPromotion, sLate, sVouchers, sOriginal, sBalance, sRefund, sManual, sFull: String

    init(page: SourcePage, productCount: Int) {
        self.page = page
        self.productCount = productCount
        page.section("一般的な返金ルール")
        sLate = page.cite("返金期限:注文の支払い後 7 暦日以内に返金リクエストを送信する必要があります。期限を過ぎたリクエストは受け付けられません。", decision: "D1")
        sPromotion = page.cite("プロモーション注文:特別プロモーション期間中に購入されたプロダクトについては、そのプロモーションの特定の条件が返金ルールに適用されます。", decision: "D7")
        sVouchers = page.cite("返金額:実際に支払われた現金金額のみが返金されます。バウチャーやクーポンで支払われた金額は返金されません。", decision: "D8")
        sFull = page.cite("返金額:実際に支払われた現金金額のみが返金されます。バウチャーやクーポンで支払われた金額は返金されません。", decision: "D13")
        sOriginal = page.cite("デフォルトでは、返金は購入時に使用された元の支払方法に返金されます。")
        sBalance = page.cite("銀行カードの解約などにより、元の支払方法への返金が失敗した場合、資金はご利用の Alibaba Cloud アカウントの残高に返金されます。")
        sRefund = page.cite("注文の返金管理 ページに移動します。対象の注文を見つけ、操作 列の 払い戻し をクリックします。")
        sManual = page.cite("残高の返金を手動でリクエストする必要があります。サポートが必要な場合は、アカウントマネージャーにお問い合わせください。", decision: "D10")
    }

    /// tebiki.yaml: the real languages, one edition.
    var site: String {
        """
        # Synthetic model of \(productCount) products for the benchmark (tebiki-bench generate); do not edit.
        languages:
          - id: ja
            name: 日本語
            role: source
            date_format: "{year}年{month}月{day}日"
            month_names: [1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月]
            ui_label: ["「", "」"]
            ui_label_tight: true
          - id: en
            name: English
            role: translation
            date_format: "{month_name} {day}, {year}"
            month_names: [January, February, March, April, May, June, July, August, September, October, November, December]
            ui_label: ["\\"", "\\""]
        editions:
          - id: "\(BenchGenerator.editionID)"
            path: editions/\(BenchGenerator.editionID)
        current_edition: "\(BenchGenerator.editionID)"
        site:
          base_url: https://help.example.com/bench/

        """
    }

    /// The eight files of the edition, by file name.
    func editionFiles(products: [SyntheticProduct], parts: [ProductParts]) -> [String: String] {
        let hasMetered = products.contains { $0.archetype == .metered }
        let services = zip(products, parts).filter { $0.1.usesSharedUsedFact }.map(\.0.id)
        var files: [String: String] = [:]
        files["edition.yaml"] = """
            id: "\(BenchGenerator.editionID)"
            date: \(BenchGenerator.editionID)
            title: \(Words("合成モデル:返金ルール (\(productCount) プロダクト)", "Synthetic model: refund rules (\(productCount) products)").yaml)
            pages:
              "\(page.id)": \(BenchGenerator.pagePath)
            currency: {code: USD, places: 2}
            window: {length: 7, unit: calendar-days, counts_from: paid_on, request: requested_on}
            entry_table: refund
            route_table: route
            zero_amount: {outcome: no-refund, reason: nothing-in-cash}

            """
        files["facts.yaml"] = GeneralFacts.file(products: products, parts: parts, services: services)
        files["products.yaml"] = "products:\n" + block(parts.map(\.product))
        files["procedures.yaml"] = "procedures:\n" + block(parts.flatMap(\.procedures) + (services.isEmpty ? [] : [
            ProductParts.procedure("service-unused", Words("未使用のサービスの返金", "Refund an unused service"), ["request-refund"]),
        ]))
        files["rules.yaml"] = "tables:\n" + block([refundTable(products)] + parts.flatMap(\.tables) + [routeTable])
        files["outcomes.yaml"] = outcomes(parts: parts, hasMetered: hasMetered, hasServices: !services.isEmpty)
        let machines = parts.flatMap(\.machines) + [orderMachine(variants: parts.flatMap(\.refundVariants), hasMetered: hasMetered)]
        files["machines.yaml"] = "machines:\n" + block(machines)
        let named = SharedGlossary.used(in: machines + parts.flatMap(\.reasons) + parts.flatMap(\.warnings))
        files["glossary.yaml"] = "elements:\n" + block(named + parts.flatMap(\.glossary))
        return files
    }

    /// List items indented under a top-level key, a blank line between them.
    private func block(_ items: [String]) -> String {
        items.map { YAML.indent($0, by: 2) }.joined(separator: "\n\n") + "\n"
    }

    private func refundTable(_ products: [SyntheticProduct]) -> String {
        let rows = [
            ProductParts.row("G1-2-promotion", when: [("promotion", "true")], then: "{outcome: promotion-terms, reason: promotion}", source: sPromotion),
            ProductParts.row("G1-1-late-request", when: [("requested_in_window", "false")], then: ProductParts.noRefund(reason: "late-request"), source: sLate),
            ProductParts.row("G1-3-vouchers-only", when: [("cash_paid", "0")], then: ProductParts.noRefund(reason: "vouchers-only"), source: sVouchers),
        ] + products.map { p in
            ProductParts.row("to-\(p.id)", when: [("product", p.id)], then: "{next: \(p.key)}", source: page.cite("\(p.name.ja)の返金"))
        }
        return ProductParts.table("refund", Words("一般的な返金ルール", "General refund rules"), hitPolicy: "first",
                                  inputs: ["promotion", "requested_in_window", "cash_paid", "product"], rows: rows)
    }

    private var routeTable: String {
        ProductParts.table("route", Words("返金経路", "Refund route"), hitPolicy: "unique", inputs: ["original_method_available"], rows: [
            ProductParts.row("G1-4-original-method", when: [("original_method_available", "true")], then: "{route: original-payment-method}", source: sOriginal),
            ProductParts.row("G1-5-account-balance", when: [("original_method_available", "false")], then: "{route: account-balance}", source: sBalance),
        ])
    }

    private func orderMachine(variants: [String], hasMetered: Bool) -> String {
        var machine = """
            - id: order
              title: \(Words("注文", "Order").yaml)
              states:
                - {id: paid, title: \(Words("支払い済み", "Paid").yaml)}
                - {id: refunded, title: \(Words("払い戻し成功", "Refunded").yaml), status: ST-ORDER-REFUNDED}
            """
        if hasMetered { machine += "\n    - {id: manual-request, title: \(Words("手動で返金をリクエスト済み", "Refund requested manually").yaml)}" }
        machine += """

              actions:
                - id: request-refund
                  title: \(Words("返金をリクエストする", "Request the refund").yaml)
                  from: [paid]
                  to: refunded
                  source: \(sRefund)
            \(ProductParts.steps([
                Words("{PG-ORDERREFUND} ページに移動します。対象の注文を見つけ、{COL-ACTIONS} 列の {BTN-REFUND} をクリックします。",
                      "Go to the {PG-ORDERREFUND} page. Find the order and click {BTN-REFUND} in the {COL-ACTIONS} column."),
                Words("{DLG-REFUNDAPP} ダイアログボックスで、{BTN-REFUND} をクリックします。返金が成功すると、注文ステータスは {ST-ORDER-REFUNDED} に変わります。",
                      "In the {DLG-REFUNDAPP} dialog box, click {BTN-REFUND}. When the refund succeeds, the order status changes to {ST-ORDER-REFUNDED}."),
            ], indent: 6))
            """
        if !variants.isEmpty {
            machine += "\n      variants:\n" + variants.map { YAML.indent($0, by: 8) }.joined(separator: "\n")
        }
        if hasMetered {
            machine += """

                - id: contact-account-manager
                  title: \(Words("アカウントマネージャーに返金をリクエストする", "Request the refund through your account manager").yaml)
                  from: [paid]
                  to: manual-request
                  source: \(sManual)
            \(ProductParts.steps([
                Words("アカウントマネージャーに連絡し、消費されていないクォータに相当する残額の返金を手動でリクエストします。",
                      "Contact your account manager and request a refund of the remaining amount (the part that corresponds to the unconsumed quota) manually."),
            ], indent: 6))
            """
        }
        return machine
    }

    private func outcomes(parts: [ProductParts], hasMetered: Bool, hasServices: Bool) -> String {
        let outcomes = """
            - {id: full-refund, title: \(Words("全額返金", "Full refund").yaml), refunds: true}
            - {id: prorated-refund, title: \(Words("使用状況に基づく返金", "Prorated refund").yaml), refunds: true}
            - {id: no-refund, title: \(Words("返金不可", "No refund").yaml), refunds: false}
            - {id: promotion-terms, title: \(Words("プロモーションの条件に従う", "Promotion terms apply").yaml), refunds: false, determinable: false}
            """
        var reasons = [
            ProductParts.message("promotion", Words(
                "特別プロモーション期間中に購入されたプロダクトについては、そのプロモーションの特定の条件が返金ルールに適用されます。",
                "For products bought during a special promotion, that promotion's specific terms govern the refund.")),
            ProductParts.message("late-request", Words(
                "返金リクエストは、注文の支払い後 7 暦日以内 ({deadline} まで) に送信する必要があります。期限を過ぎたリクエストは受け付けられません。",
                "A refund request must be submitted within 7 calendar days of paying for the order (by {deadline}). Late requests are not accepted.")),
            ProductParts.message("vouchers-only", Words(
                "返金されるのは実際に支払われた現金金額のみです。この注文は現金で支払われていないため、返金できる金額はありません。",
                "Only the cash actually paid is refunded. Nothing was paid in cash for this order, so there is nothing to refund.")),
            ProductParts.message("nothing-in-cash", Words(
                "返金されるのは実際に支払われた現金金額のみです。計算した返金額が {amount} {currency} になるため、返金できる金額はありません。",
                "Only the cash actually paid is refunded. The refund works out to {amount} {currency}, so there is nothing to refund.")),
        ]
        if hasServices {
            reasons.append(ProductParts.message("service-unused-full", Words(
                "サービスが未使用のため、全額返金をリクエストできます。", "The service is unused, so you can request a full refund.")))
        }
        var warnings = parts.flatMap(\.warnings)
        if hasMetered {
            warnings.append(ProductParts.warning("manual-request-window", title: Words("手動のリクエストにも期限があります", "The manual request has a deadline too"), Words(
                "手動の返金リクエストにも一般的な返金ルールが適用されます。{deadline} までにアカウントマネージャーに連絡してください。",
                "The general refund rules also apply to a manual refund request. Contact your account manager by {deadline}.")))
        }
        let channels = [
            ProductParts.message("console", Words("コンソールで返金をリクエストします。", "You request the refund in the console.")),
            ProductParts.message("account-manager", Words("アカウントマネージャーを通じて、手動で返金をリクエストします。", "You request the refund manually through your account manager.")),
        ]
        let routes = [
            ProductParts.message("original-payment-method", Words("返金は、購入時に使用された元の支払方法に返金されます。", "The refund goes back to the original payment method used for the purchase.")),
            ProductParts.message("account-balance", Words("元の支払方法への返金が失敗した場合、資金は Alibaba Cloud アカウントの残高に返金されます。", "If the refund to the original payment method fails, the money goes to your Alibaba Cloud account balance.")),
        ]
        let full = """
            - id: full
              expression: "cash_paid"
              text: \(Words("実際に支払われた現金金額の全額です。", "The full amount actually paid in cash.").yaml)
              example:
                facts: {cash_paid: "24.50", voucher_paid: "5.50"}
                result: "24.50"
                text: \(Words("24.50 USD を現金で、5.50 USD をバウチャーで支払った場合、返金額は 24.50 USD です。", "If you paid 24.50 USD in cash and 5.50 USD with a voucher, the refund is 24.50 USD.").yaml)
                source: \(sFull)
            """
        return "outcomes:\n" + block(outcomes.split(separator: "\n").map(String.init))
            + "\nreasons:\n" + block(reasons + parts.flatMap(\.reasons))
            + "\nwarnings:\n" + block(warnings)
            + "\nchannels:\n" + block(channels)
            + "\nroutes:\n" + block(routes)
            + "\nformulas:\n" + block([full] + parts.flatMap(\.formulas))
    }
}
