import Foundation
import Testing
import TebikiContent
import TebikiModel

/// Content sets for the diff's tests: the real content/ and the loader's fixture, read into memory,
/// patched by text replacement (each snippet found exactly once in the whole set, whatever file
/// holds it), loaded through `InMemoryContentSource` or written to a directory.
enum DiffContent {
    /// The real content/ directory.
    static let realDirectory = repositoryRoot + "/content"
    /// The loader's minimal fixture (one product, edition 2025-01-01).
    static let fixtureDirectory = repositoryRoot + "/Tests/TebikiTests/Fixtures/content"

    static let real: [String: String] = files(in: realDirectory)
    static let fixture: [String: String] = files(in: fixtureDirectory)

    /// Every YAML file under `directory`, by path relative to it.
    static func files(in directory: String) -> [String: String] {
        var files: [String: String] = [:]
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            files[relative] = try? String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// The files of the current edition 2025-12-19 and the shared ones (not another edition's folder).
    static let currentEdition: @Sendable (String) -> Bool = { !$0.hasPrefix("editions/") || $0.hasPrefix("editions/2025-12-19/") }

    /// `files` with each `(find, replace)` applied; `find` must occur exactly once in the files `scope` accepts.
    static func patched(_ files: [String: String], _ edits: [(String, String)], scope: @Sendable (String) -> Bool = { _ in true },
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String: String] {
        var files = files
        for (find, replace) in edits {
            let candidates = files.filter { scope($0.key) }
            let holders = candidates.filter { $0.value.components(separatedBy: find).count == 2 }
            let total = candidates.values.reduce(0) { $0 + $1.components(separatedBy: find).count - 1 }
            guard total == 1, let (path, text) = holders.first else {
                Issue.record("the snippet must occur once in the content, found \(total) times: \(find.prefix(60))", sourceLocation: sourceLocation)
                continue
            }
            files[path] = text.replacingOccurrences(of: find, with: replace)
        }
        return files
    }

    /// `files` with the text from `start` (included) up to `end` (excluded) removed, in the one file
    /// `scope` accepts that holds `start`.
    static func cut(_ files: [String: String], from start: String, upTo end: String?, scope: @Sendable (String) -> Bool = { _ in true },
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String: String] {
        var files = files
        let holders = files.filter { scope($0.key) && $0.value.contains(start) }
        guard holders.count == 1, let (path, text) = holders.first, let a = text.range(of: start) else {
            Issue.record("\(start.prefix(60)) must be in one file, found in \(holders.count)", sourceLocation: sourceLocation); return files
        }
        let b = end.flatMap { text.range(of: $0, range: a.upperBound..<text.endIndex)?.lowerBound } ?? text.endIndex
        files[path] = String(text[..<a.lowerBound]) + String(text[b...])
        return files
    }

    /// The model of `files` (an edition, or the current one); records the diagnostics when it does not load.
    static func model(_ files: [String: String], edition: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Model? {
        let result = ContentLoader.load(from: InMemoryContentSource(files), edition: edition)
        if result.model == nil {
            Issue.record("content does not load:\n\(result.diagnostics.map(\.oneLine).joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
        return result.model
    }

    /// Writes `files` under `directory`.
    static func write(_ files: [String: String], to directory: URL) throws {
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The real content with the earlier steps of the 2025-12-19 page: no Delete step after an issued
    /// certificate's revocation, the order page's old label, no explicit late-request rule, and no
    /// "Deploy to Cloud Products" product. The diff from it to the real content must show each.
    static let earlierVariant: [String: String] = {
        var files = patched(real, [
            ("      - revoke-certificate\n      - wait-for-revocation\n      - delete-certificate\n      - request-refund\n",
             "      - revoke-certificate\n      - wait-for-revocation\n      - request-refund\n"),
            ("    label: {ja: 注文の返金管理, en: Order Refund Management}\n    note: \"OFFICIAL (EN24)\"",
             "    label: {ja: 注文管理, en: Order Refund Management}\n    note: \"OFFICIAL (EN24)\""),
            ("      - id: cloud-deployment\n        label: {ja: クラウド製品へのデプロイ, en: Deploy to Cloud Products}\n", ""),
            ("applies_when: {product: \"message-notification, domain-monitoring, certificate-repository, cloud-deployment\"}",
             "applies_when: {product: \"message-notification, domain-monitoring, certificate-repository\"}"),
        ], scope: currentEdition)
        files = cut(files, from: "      - id: G1-1-late-request\n", upTo: "      - id: G1-3-vouchers-only", scope: currentEdition)
        files = cut(files, from: "      - id: to-cloud-deployment\n", upTo: "\n  # ===", scope: currentEdition)
        files = cut(files, from: "  - id: cloud-deployment\n    title: {ja: 「クラウド製品へのデプロイ」の返金", upTo: "  # ===", scope: currentEdition)
        files = cut(files, from: "  - id: cloud-deployment\n    title: {ja: クラウド製品へのデプロイ, en: Deploy to Cloud Products}\n    summary:", upTo: "\n  - id:", scope: currentEdition)
        return files
    }()
}
