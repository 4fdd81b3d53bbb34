import Foundation
import TebikiContent
import TebikiModel
import Testing

/// The repository's content/ read into memory, so that a test can break one file of the
/// earlier edition and see where the loader points.
enum EditionFixture {
    /// Every YAML file of content/, by path relative to it.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        let root = URL(fileURLWithPath: repositoryRoot + "/content")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try? String(contentsOf: url, encoding: .utf8)
        }
        return files
    }()

    static let old = "editions/2024-10-25"

    /// content/ with `edits` applied (paths relative to content/; an empty `find` deletes the file,
    /// an empty file text with a find of "<new>" creates it).
    static func source(_ edits: [Edit]) -> InMemoryContentSource {
        var files = files
        for edit in edits {
            if edit.find == "<new>" { files[edit.file] = edit.replace; continue }
            guard let text = files[edit.file] else { Issue.record("no file \(edit.file)"); continue }
            if edit.find.isEmpty { files[edit.file] = nil; continue }
            let parts = text.components(separatedBy: edit.find)
            #expect(parts.count == 2, "'\(edit.find)' must occur once in \(edit.file)")
            files[edit.file] = parts.joined(separator: edit.replace)
        }
        return InMemoryContentSource(files)
    }

    /// `content/<file>:line:col` of the first occurrence of `needle` in `text` (columns in Unicode scalars).
    static func locate(_ needle: String, in text: String, file: String) -> String {
        guard let range = text.range(of: needle) else { return "content/\(file):?:?" }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = text[lineStart..<range.lowerBound].unicodeScalars.count + 1
        return "content/\(file):\(line):\(column)"
    }
}

/// The earlier edition, loaded from the real content/ once.
let oldModel: Model = {
    let result = ContentLoader.load(contentDirectory: repositoryRoot + "/content", edition: "2024-10-25")
    guard let model = result.model else {
        fatalError("edition 2024-10-25 does not load:\n" + result.diagnostics.map(\.oneLine).joined(separator: "\n"))
    }
    return model
}()

/// A broken variant of the earlier edition: edits of content/, the diagnostic it must give
/// (id, and the place of `at` in the edited file `in`), and the suggestion if any.
struct SharingCase: Sendable, CustomTestStringConvertible {
    var name: String
    var edits: [Edit]
    var id: String
    var at: String
    var file: String
    var suggestion: String? = nil
    var edition = "2024-10-25"
    var testDescription: String { name }
}

private let old = EditionFixture.old

let sharingCases: [SharingCase] = [
    SharingCase(name: "replacing an id the extended edition lacks",
                edits: [Edit("\(old)/glossary.yaml", "    - id: PG-ORDERREFUND\n", "    - id: PG-ORDERREFUNDS\n")],
                id: "content.unknown-reference", at: "PG-ORDERREFUNDS", file: "\(old)/glossary.yaml", suggestion: "PG-ORDERREFUND"),
    SharingCase(name: "removing an id the extended edition lacks",
                edits: [Edit("\(old)/glossary.yaml", "    - BTN-CONFIRMDELETE\n", "    - BTN-CONFIRM-DELETE\n")],
                id: "content.unknown-reference", at: "BTN-CONFIRM-DELETE", file: "\(old)/glossary.yaml", suggestion: "BTN-CONFIRMDELETE"),
    SharingCase(name: "adding an id the extended edition already declares",
                edits: [Edit("\(old)/glossary.yaml", "    - id: TB-CERTMGMT\n", "    - id: TB-DOMAIN\n")],
                id: "content.duplicate-id", at: "TB-DOMAIN", file: "\(old)/glossary.yaml", suggestion: "replace"),
    SharingCase(name: "replacing and removing the same id",
                edits: [Edit("\(old)/glossary.yaml", "    - TERM-MANAGED           #", "    - PG-PCA\n    - TERM-MANAGED           #")],
                id: "content.duplicate-id", at: "PG-PCA\n    - TERM-MANAGED", file: "\(old)/glossary.yaml"),
    SharingCase(name: "a section written as a plain list in an extending edition",
                edits: [Edit("\(old)/outcomes.yaml", "channels:\n  remove: [account-manager]", "channels:\n  - account-manager\n  #")],
                id: "content.wrong-type", at: "- account-manager", file: "\(old)/outcomes.yaml"),
    SharingCase(name: "an unknown key among the changes of a section",
                edits: [Edit("\(old)/products.yaml", "  remove: [message-notification", "  remvoe: [message-notification")],
                id: "content.unknown-key", at: "remvoe:", file: "\(old)/products.yaml", suggestion: "remove"),
    SharingCase(name: "an unknown key at the top of an extending file",
                edits: [Edit("\(old)/procedures.yaml", "procedures:\n", "procedure:\n")],
                id: "content.unknown-key", at: "procedure:", file: "\(old)/procedures.yaml", suggestion: "procedures"),
    SharingCase(name: "an edition that extends an undeclared edition",
                edits: [Edit("tebiki.yaml", "extends: \"2025-12-19\"", "extends: \"2025-12-18\"")],
                id: "content.unknown-reference", at: "\"2025-12-18\"", file: "tebiki.yaml", suggestion: "2025-12-19"),
    SharingCase(name: "a cycle of extends",
                edits: [Edit("tebiki.yaml", "  - id: \"2025-12-19\"\n    path: editions/2025-12-19\n",
                             "  - id: \"2025-12-19\"\n    path: editions/2025-12-19\n    extends: \"2024-10-25\"\n")],
                id: "content.invalid-value", at: "\"2024-10-25\"\n", file: "tebiki.yaml"),
    SharingCase(name: "an extending edition without edition.yaml",
                edits: [Edit("\(old)/edition.yaml", "", "")],
                id: "content.missing-file", at: "", file: ""),
    SharingCase(name: "removing a fact an inherited or replaced element still uses",
                edits: [Edit("\(old)/facts.yaml", "    - used ", "    - validity_years\n    - used ")],
                id: "content.unknown-reference", at: "validity_years: 1}", file: "\(old)/rules.yaml", suggestion: nil),
    SharingCase(name: "an inherited element citing a page this edition does not declare",
                edits: [Edit("\(old)/products.yaml", "  remove: [message-notification, domain-monitoring, certificate-repository, cloud-deployment]\n", "")],
                id: "content.unknown-reference", at: "\"001\", line: 275", file: "editions/2025-12-19/products.yaml"),
    SharingCase(name: "a replaced element is read as strictly as any: a missing translation",
                edits: [Edit("\(old)/glossary.yaml", "label: {ja: 注文管理, en: Order Refund Management}", "label: {ja: 注文管理}")],
                id: "content.missing-translation", at: "{ja: 注文管理}", file: "\(old)/glossary.yaml"),
    SharingCase(name: "a reconstructed label in an undeclared language",
                edits: [Edit("\(old)/glossary.yaml", "      label: {ja: 総合管理 > 注文の返金管理, en: Comprehensive Management > Order Refund Management}\n      reconstructed: [ja]",
                             "      label: {ja: 総合管理 > 注文の返金管理, en: Comprehensive Management > Order Refund Management}\n      reconstructed: [jp]")],
                id: "content.unknown-reference", at: "jp]", file: "\(old)/glossary.yaml", suggestion: "ja"),
    SharingCase(name: "a reconstructed label without a note saying what was lost",
                edits: [Edit("\(old)/glossary.yaml", "      note: \"seed 000 lost the menu path (L14, L108", "      #ote: \"seed 000 lost the menu path (L14, L108")],
                id: "content.missing-key", at: "id: MNU-NAV-PCA", file: "\(old)/glossary.yaml"),
    SharingCase(name: "an empty file in an extending edition",
                edits: [Edit("\(old)/procedures.yaml", "<new>", "# nothing\n")],
                id: "content.wrong-type", at: "", file: "\(old)/procedures.yaml"),
]

@Suite("Editions: sharing content between the earlier and the current edition")
struct EditionLoaderTests {
    @Test("both editions load without a diagnostic", arguments: ["2024-10-25", "2025-12-19"])
    func loadsClean(_ edition: String) {
        let result = ContentLoader.load(contentDirectory: repositoryRoot + "/content", edition: edition)
        #expect(result.diagnostics.map(\.oneLine) == [])
        #expect(result.model?.edition.id == edition)
        #expect(result.loadedEdition == edition)
    }

    @Test("tebiki.yaml declares both editions, the earlier one extending the current one")
    func editionsAreDeclared() {
        let result = ContentLoader.load(contentDirectory: repositoryRoot + "/content")
        #expect(result.currentEdition == "2025-12-19")
        #expect(result.editions.map(\.id) == ["2025-12-19", "2024-10-25"])
        #expect(result.editions.map(\.extends) == [nil, "2025-12-19"])
        #expect(result.model?.edition.id == "2025-12-19")
    }

    @Test("the current edition's model is the same whether asked for by id or by default")
    func currentUnchanged() {
        let byID = ContentLoader.load(contentDirectory: repositoryRoot + "/content", edition: "2025-12-19").model
        #expect(byID == realModel)
        #expect(realModel.glossary.allSatisfy { $0.reconstructed.isEmpty })
    }

    @Test("what is the same is shared: inherited elements are the current edition's, from its files")
    func sharedElementsComeFromOneFile() throws {
        for id in ["COL-ACTIONS", "BTN-REFUND", "ST-ISSUED", "DLG-REVOKE", "CHK-RESETCONFIRM"] {
            let a = try #require(oldModel.glossary[id: id]), b = try #require(realModel.glossary[id: id])
            #expect(a == b)
            #expect(a.location.file.hasSuffix("editions/2025-12-19/glossary.yaml"))
        }
        for id in ["paid_on", "requested_on", "cash_paid", "promotion", "validity_years", "ca_status"] {
            #expect(oldModel.facts[id: id] == realModel.facts[id: id], "fact \(id)")
        }
        #expect(oldModel.reasons[id: "ca-reset-full"] == realModel.reasons[id: "ca-reset-full"])
        for id in ["ssl-unused", "ssl-pending", "ssl-under-review", "gateway-reset", "pca-enabled"] {
            #expect(oldModel.procedures[id: id] == realModel.procedures[id: id], "procedure \(id)")
        }
        #expect(oldModel.edition.window == realModel.edition.window)
        #expect(oldModel.edition.currency == realModel.edition.currency)
        // The folder of the earlier edition holds only what differs: no file repeats the current one.
        for name in ContentLoader.editionFiles {
            let mine = EditionFixture.files["\(old)/\(name)"]
            if let mine { #expect(mine != EditionFixture.files["editions/2025-12-19/\(name)"], "\(name) is a copy") }
        }
    }

    @Test("what differs is the earlier edition's own, from its own files")
    func changedElementsComeFromTheirFile() throws {
        let a = try #require(oldModel.glossary[id: "PG-ORDERREFUND"])
        #expect(a.location.file.hasSuffix("editions/2024-10-25/glossary.yaml"))
        #expect(oldModel.edition.pages == ["000": "seeds/000_28d2526b4d7384ad.txt"])
        #expect(oldModel.edition.date.description == "2024-10-25")
    }

    @Test("an edition loads into a complete model: every reference resolves inside it")
    func completeModel() {
        var missing: [String] = []
        for procedure in oldModel.procedures {
            for item in procedure.items where oldModel.action(item.action) == nil { missing.append("action \(item.action)") }
        }
        for table in oldModel.tables {
            for fact in table.inputs where oldModel.facts[id: fact] == nil { missing.append("fact \(fact)") }
            for rule in table.rules where rule.source.page != "000" { missing.append("rule \(rule.id) cites page \(rule.source.page)") }
        }
        #expect(missing == [])
    }

    @Test("sharing errors point at the line to edit", arguments: sharingCases)
    func sharingError(_ c: SharingCase) throws {
        let source = EditionFixture.source(c.edits)
        let result = ContentLoader.load(from: source, edition: c.edition)
        #expect(result.model == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        let match: Diagnostic?
        if c.file.isEmpty {
            match = errors.first { $0.id == c.id }
        } else {
            let text = try #require(source.files[c.file])
            let expected = c.at.isEmpty ? "content/\(c.file):1:1" : EditionFixture.locate(c.at, in: text, file: c.file)
            match = errors.first { $0.id == c.id && $0.location?.description == expected }
            #expect(match != nil, "expected \(c.id)@\(expected); got \(errors.map(brief))")
        }
        let found = try #require(match, "got \(errors.map(brief))")
        if let suggestion = c.suggestion { #expect(found.suggestion == suggestion) }
        #expect(!found.summary.isEmpty)
    }

    @Test("an edition may extend an edition that extends another: changes apply from the bottom up")
    func chainOfThree() throws {
        let source = EditionFixture.source([
            Edit("tebiki.yaml", "    extends: \"2025-12-19\"\n",
                 "    extends: \"2025-12-19\"\n  - id: \"2024-01-01\"\n    path: editions/2024-01-01\n    extends: \"2024-10-25\"\n"),
            Edit("editions/2024-01-01/edition.yaml", "<new>", """
                id: "2024-01-01"
                date: 2024-01-01
                title: {ja: 試験, en: Test}
                """),
            Edit("editions/2024-01-01/glossary.yaml", "<new>", """
                elements:
                  replace:
                    - id: BTN-RENEW
                      kind: button
                      label: {ja: 事前更新, en: Renew in advance}
                  add:
                    - id: TB-TEST
                      kind: tab
                      label: {ja: 試験, en: Test}
                """),
        ])
        let result = ContentLoader.load(from: source, edition: "2024-01-01")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.oneLine) == [])
        let model = try #require(result.model)
        #expect(model.edition.pages == oldModel.edition.pages)           // from 2024-10-25
        #expect(model.edition.window == realModel.edition.window)         // from 2025-12-19, through 2024-10-25
        #expect(model.glossary[id: "BTN-RENEW"]?.label["ja"] == "事前更新")
        #expect(model.glossary.ids.last == "TB-TEST")
        #expect(model.glossary[id: "PG-ORDERREFUND"] == oldModel.glossary[id: "PG-ORDERREFUND"])
        #expect(model.glossary[id: "COL-ACTIONS"] == realModel.glossary[id: "COL-ACTIONS"])
        #expect(model.tables == oldModel.tables)
    }

    @Test("the current edition does not see the earlier edition's breakage")
    func currentIgnoresOld() {
        let source = EditionFixture.source([Edit("\(old)/glossary.yaml", "    - id: PG-ORDERREFUND\n", "    - id: PG-ORDERREFUNDS\n")])
        #expect(ContentLoader.load(from: source, edition: "2025-12-19").model == realModel)
    }

    @Test("a label the source page lost is marked reconstructed, with a note", arguments: [
        "MNU-NAV-ORDERREFUND", "MNU-NAV-PCA", "MNU-NAV-SSL", "MNU-NAV-HAG", "MNU-MORE",
    ])
    func reconstructedLabels(_ id: String) throws {
        let element = try #require(oldModel.glossary[id: id])
        #expect(element.reconstructed == ["ja"])
        #expect(!(element.note ?? "").isEmpty)
        #expect(!element.label["ja"].isEmpty && !element.label["en"].isEmpty)
    }

    @Test("only lost labels are marked reconstructed")
    func onlyLostLabels() {
        let marked = oldModel.glossary.filter { !$0.reconstructed.isEmpty }.map(\.id).sorted()
        #expect(marked == ["MNU-MORE", "MNU-NAV-HAG", "MNU-NAV-ORDERREFUND", "MNU-NAV-PCA", "MNU-NAV-SSL"])
    }
}
