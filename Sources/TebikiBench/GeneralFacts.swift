/// facts.yaml: the general facts of the real content (the product enumeration first), then each
/// product's facts, the shared `used` fact of the services, and the window facts.
enum GeneralFacts {
    static func file(products: [SyntheticProduct], parts: [ProductParts], services: [String]) -> String {
        var facts: [String] = []
        facts.append("""
            - id: product
              type: enum
              values:
            \(products.map { "    - {id: \($0.id), label: \($0.name.yaml)}" }.joined(separator: "\n"))
              required: true
              question: \(Words("返金をリクエストしたい注文のプロダクトまたはサービスはどれですか?", "Which product or service is the order you want refunded for?").yaml)
            """)
        facts.append("""
            - id: paid_on
              type: date
              required: true
              question: \(Words("注文の支払いをした日はいつですか?", "On what day did you pay for the order?").yaml)
              help: \(Words("返金期限は支払日から数えます。支払日を 0 日目として、7 暦日目までが期限内です。", "The refund deadline counts from the payment date. The payment date is day 0, and everything up to and including day 7 is in time.").yaml)
            """)
        facts.append("""
            - id: requested_on
              type: date
              required: true
              not_before: paid_on
              question: \(Words("返金をリクエストする日はいつですか?", "On what day will you request the refund?").yaml)
            """)
        facts.append("""
            - id: cash_paid
              type: decimal
              min: 0
              required: true
              question: \(Words("注文に対して現金で実際に支払った金額 (USD) はいくらですか?", "How much did you actually pay in cash for the order (USD)?").yaml)
              partitions:
                - {test: "0", sample: "0", label: \(Words("0 (バウチャーやクーポンだけで支払った)", "0 (paid only with vouchers or coupons)").yaml)}
                - {test: "> 0", sample: "100.00", label: \(Words("0 より多い", "More than 0").yaml)}
            """)
        facts.append("""
            - id: voucher_paid
              type: decimal
              min: 0
              default: "0"
              question: \(Words("注文のうちバウチャーやクーポンで支払った金額 (USD) はいくらですか?", "How much of the order did you pay with vouchers or coupons (USD)?").yaml)
            """)
        facts.append("""
            - id: promotion
              type: boolean
              default: "false"
              question: \(Words("特別プロモーション期間中に購入した注文ですか?", "Did you buy the order during a special promotion?").yaml)
            """)
        facts.append("""
            - id: original_method_available
              type: boolean
              default: "true"
              question: \(Words("購入時に使用した支払方法は現在も利用できますか?", "Can the payment method you used for the purchase still receive money?").yaml)
            """)
        facts += parts.flatMap(\.facts)
        if !services.isEmpty {
            facts.append("""
                - id: used
                  type: boolean
                  applies_when: {product: \(YAML.quoted(services.joined(separator: ", ")))}
                  required: true
                  question: \(Words("サービスを使用しましたか?", "Have you used the service?").yaml)
                """)
        }
        facts.append("""
            - id: requested_in_window
              type: boolean
              derive: {within_window: requested_on}
              question: \(Words("今日は、注文の支払日から 7 暦日以内ですか?", "Is today within 7 calendar days of paying for the order?").yaml)
            """)
        return "facts:\n" + facts.map { YAML.indent($0, by: 2) }.joined(separator: "\n\n") + "\n"
    }
}
