/// One synthetic product: its number, shape, names and the ids derived from them.
package struct SyntheticProduct: Sendable, Hashable {
    /// 1-based number; ids carry it zero-padded, so they do not depend on N.
    package let number: Int
    /// Its shape.
    package let archetype: Archetype
    /// Its name in both languages.
    package let name: Words
    /// The product id (`p0042-key-gateway`).
    package let id: String

    /// The product with `number` (1-based): shapes and names follow from the number alone.
    package init(number: Int) {
        self.number = number
        archetype = Archetype.allCases[(number - 1) % Archetype.allCases.count]
        let first = SyntheticProduct.nouns[(number - 1) % SyntheticProduct.nouns.count]
        let second = SyntheticProduct.kinds[((number - 1) / SyntheticProduct.nouns.count) % SyntheticProduct.kinds.count]
        name = Words("\(first.ja)\(second.ja) \(number)", "\(first.en) \(second.en) \(number)")
        id = "\(SyntheticProduct.key(number))-\(first.slug)-\(second.slug)"
    }

    /// `p0042`: the prefix of the product's machine, procedure, table, reason and warning ids.
    var key: String { SyntheticProduct.key(number) }
    /// `p0042_`: the prefix of its fact ids.
    var factPrefix: String { key + "_" }
    /// `P0042`: the part of its glossary ids after the kind (`PG-P0042`).
    var glossaryKey: String { key.uppercased() }

    static func key(_ number: Int) -> String {
        let digits = String(number)
        return "p" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static let nouns: [(ja: String, en: String, slug: String)] = [
        ("キー", "Key", "key"), ("証明書", "Certificate", "certificate"), ("ドメイン", "Domain", "domain"),
        ("ログ", "Log", "log"), ("トークン", "Token", "token"), ("署名", "Signing", "signing"),
        ("アクセス", "Access", "access"), ("監査", "Audit", "audit"), ("暗号化", "Encryption", "encryption"),
        ("バックアップ", "Backup", "backup"), ("アラート", "Alert", "alert"), ("ポリシー", "Policy", "policy"),
        ("シークレット", "Secret", "secret"), ("ID", "Identity", "identity"), ("ネットワーク", "Network", "network"),
        ("ストレージ", "Storage", "storage"), ("メッセージ", "Message", "message"),
    ]
    private static let kinds: [(ja: String, en: String, slug: String)] = [
        ("ゲートウェイ", "Gateway", "gateway"), ("管理", "Manager", "manager"), ("モニタリング", "Monitoring", "monitoring"),
        ("リポジトリ", "Repository", "repository"), ("認証局", "Authority", "authority"), ("サービス", "Service", "service"),
        ("ボールト", "Vault", "vault"), ("デプロイ", "Deployment", "deployment"), ("通知", "Notification", "notification"),
        ("スキャナー", "Scanner", "scanner"), ("ブローカー", "Broker", "broker"),
    ]
}
