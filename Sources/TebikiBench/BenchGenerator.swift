/// Generates a synthetic content directory of N products with the shape of the real content:
/// the product enumeration, general rules then one decision table per product (rows citing
/// passages of a synthetic seed page), state machines with irreversible actions and waits,
/// procedures, glossary elements, every text in ja and en.
///
/// Pure: `files()` returns texts by path; the same N and strings give byte-identical files.
package struct BenchGenerator: Sendable {
    /// The edition every synthetic model has.
    package static let editionID = "2025-12-19"
    /// Where the synthetic seed page is written, relative to the content directory.
    package static let pagePath = "seeds/bench-001.txt"

    /// How many products.
    package var productCount: Int
    /// The text of the real `strings.yaml` (the tool's own words), copied as it is.
    package var strings: String

    /// A generator of `productCount` products (at least 1; 4 or more gives every shape).
    package init(products productCount: Int, strings: String) {
        self.productCount = max(1, productCount)
        self.strings = strings
    }

    /// The products, in order.
    package var products: [SyntheticProduct] { (1...productCount).map(SyntheticProduct.init(number:)) }

    /// Every file, by path relative to the content directory.
    package func files() -> [String: String] {
        let page = SourcePage(id: "001", title: "Certificate Management Service:返金ルール (合成モデル、\(productCount) プロダクト)")
        let general = GeneralParts(page: page, productCount: productCount)
        var all: [ProductParts] = []
        for product in products {
            page.section("\(product.name.ja)の返金")
            switch product.archetype {
            case .lifecycle: all.append(LifecycleParts(p: product, page: page).parts())
            case .metered: all.append(MeteredParts(p: product, page: page).parts())
            case .authority: all.append(AuthorityParts(p: product, page: page).parts())
            case .service: all.append(ServiceParts(p: product, page: page).parts())
            }
        }
        var files = ["tebiki.yaml": general.site]
        for (name, text) in general.editionFiles(products: self.products, parts: all) {
            files["editions/\(BenchGenerator.editionID)/\(name)"] = text
        }
        files["strings.yaml"] = strings
        files[BenchGenerator.pagePath] = page.text
        return files
    }
}
