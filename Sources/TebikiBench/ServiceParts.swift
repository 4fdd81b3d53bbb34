/// A product shaped like the four services: the shared `used` fact, refunded in full while unused
/// through the shared `service-unused` procedure, and not at all once used.
struct ServiceParts {
    let p: SyntheticProduct
    let page: SourcePage

    func parts() -> ProductParts {
        let k = p.key, g = p.glossaryKey, n = p.name
        var parts = ProductParts()
        parts.usesSharedUsedFact = true
        let heading = page.cite("\(n.ja)の返金")
        let sUnused = page.cite("\(n.ja)は、サービスが未使用である必要があります。つまり、設定が作成されていないことを意味します。")
        let sUsed = page.cite("\(n.ja)は、サービスが未使用である必要があります。", decision: "D12")

        parts.product = """
            - id: \(p.id)
              title: \(n.yaml)
              summary: \(Words("\(n.ja)は、設定が作成されていない場合は未使用です。未使用の場合のみ返金をリクエストできます。", "The \(n.en) is unused as long as nothing has been configured. It can be refunded only while unused.").yaml)
              source: \(heading)
              resources:
                - machine: order
                  initial: paid
            """
        parts.glossary = [ProductParts.element("PG-\(g)", "page", Words("\(n.ja)設定", "\(n.en) Settings"))]
        parts.tables = [ProductParts.table("\(k)", Words("\(n.ja)の返金", "\(n.en) refunds"), hitPolicy: "unique", inputs: ["used"], rows: [
            ProductParts.row("\(k)-unused", when: [("used", "false")],
                             then: ProductParts.refund("full-refund", reason: "service-unused-full", amount: "full", channel: "console", procedure: "service-unused"),
                             source: sUnused),
            ProductParts.row("\(k)-used", when: [("used", "true")], then: ProductParts.noRefund(reason: "\(k)-used"), source: sUsed),
        ])]
        parts.reasons = [ProductParts.message("\(k)-used", Words(
            "{PG-\(g)} で設定が作成されている (サービスが使用済み) ため、返金の対象外です。\(n.ja)は未使用の場合のみ返金できます。",
            "Something has been configured on the {PG-\(g)} page (the service is used), so it cannot be refunded. The \(n.en) can be refunded only while unused."))]
        return parts
    }
}
