import Foundation
import TebikiModel
import TebikiRender
import Testing

/// The rules of the diagnostics, defined once: each is emitted somewhere by name, documented in
/// README.md, and named after its identifier.
@Suite("Diagnostics: the rules")
struct DiagnosticRuleTests {
    /// Every Swift file of Sources/ but the registry, as one text.
    static let sources: String = {
        let root = URL(fileURLWithPath: repositoryRoot + "/Sources").standardizedFileURL
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var text = ""
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift", url.lastPathComponent != "DiagnosticRule.swift" else { continue }
            text += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        return text
    }()

    static let readme = (try? String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)) ?? ""

    /// The name a rule has in Swift: its identifier in camel case, with YAML and ID in capitals.
    static func name(_ rule: DiagnosticRule) -> String {
        let words = rule.id.split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init)
        return words[0] + words.dropFirst().map { w in
            ["yaml": "YAML", "id": "ID"][w] ?? w.prefix(1).uppercased() + w.dropFirst()
        }.joined()
    }

    @Test("every rule is emitted by name outside the registry", arguments: DiagnosticRule.allCases)
    func emitted(_ rule: DiagnosticRule) throws {
        let name = Self.name(rule)
        #expect(DiagnosticRule(rawValue: rule.id) == rule)
        let used = try Regex("\\.\(name)\\b")
        #expect(Self.sources.contains(used), "no source names .\(name) (\(rule.id)): a rule nobody emits is dead")
    }

    @Test("every rule is documented in README.md with its severity and meaning", arguments: DiagnosticRule.allCases)
    func documented(_ rule: DiagnosticRule) {
        let row = "| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.explanation) |"
        #expect(Self.readme.contains(row + "\n"), "README.md lacks the row \(row)")
    }

    @Test("README.md's section Diagnostics documents no rule that does not exist")
    func noStaleDocumentation() {
        guard let start = Self.readme.range(of: "### Diagnostics\n") else { Issue.record("README.md has no section Diagnostics"); return }
        let section = String(Self.readme[start.upperBound...]).components(separatedBy: "\n## ")[0]
        let documented = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
        #expect(Set(documented) == Set(DiagnosticRule.allCases.map(\.id)))
        #expect(documented.count == DiagnosticRule.allCases.count)
    }

    @Test("a diagnostic takes its identifier, severity and stage from its rule")
    func diagnosticOfRule() {
        let d = Diagnostic(.checkTableDuplicateRow, at: nil, "rows 'a' and 'b' are the same")
        #expect(d.id == "check.table.duplicate-row")
        #expect(d.severity == .warning)
        #expect(d.stage == .checkModel)
        #expect(d.oneLine == "warning: rows 'a' and 'b' are the same [check.table.duplicate-row]")
        #expect(Diagnostic(.contentUnknownKey, at: nil, "x").stage == .load)
        #expect(Diagnostic(.checkPageStepDiffers, at: nil, "x").stage == .checkPages)
        #expect(Diagnostic(.templatesSyntax, at: nil, "x").stage == .render)
        #expect(Diagnostic(.writeFailure, at: nil, "x").stage == .write)
    }

    @Test("a bad template is a diagnostic of the render stage at its file and line", arguments: [
        ("<html>\n  {{#a}}{{/b}}\n{{{content}}}", "a {}", DiagnosticRule.templatesSyntax, "t/layout.mustache", 2),
        ("<html>\n{{content}}\n</html>", "a {}", .templatesNoContent, "t/layout.mustache", 1),
        ("{{{content}}}{{{content}}}", "a {}", .templatesContentRepeated, "t/layout.mustache", 1),
        ("{{{content}}}", "no rules", .templatesNoStyleRules, "t/style.css", 1),
    ])
    func badTemplate(_ layout: String, _ css: String, _ rule: DiagnosticRule, _ file: String, _ line: Int) {
        do {
            _ = try SiteTemplates(layout: layout, css: css, layoutName: "t/layout.mustache", cssName: "t/style.css")
            Issue.record("the templates were accepted")
        } catch {
            #expect(error.diagnostic.rule == rule)
            #expect(error.stage == .render)
            #expect(error.diagnostic.location?.file == file)
            #expect(error.diagnostic.location?.line == line)
        }
    }
}
