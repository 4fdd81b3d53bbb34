import Foundation
import TebikiContent
import TebikiEngine
import TebikiModel

/// The inputs tebiki takes from outside, each read the way the tool reads it: what the fuzzer
/// (`Fuzz/tebiki-fuzz`, `scripts/fuzz`) feeds, and what `FuzzRegressionTests` replays.
package struct FrontDoor: Sendable {
    /// Which input a text is.
    package enum Target: String, CaseIterable, Sendable {
        /// The JSON input of `tebiki explain`: decoded against the model, decided, written out.
        case scenario
        /// One content file, loaded with the rest of the content around it.
        case content
        /// A decision-table cell, parsed for an integer fact.
        case unaryTest = "unary-test"
        /// A formula.
        case expression
    }

    /// Why the front door cannot be set up.
    package struct SetupFailure: Error, CustomStringConvertible {
        package var description: String
    }

    private let model: Model
    private let engine: Engine
    private let decoder: ScenarioDecoder
    /// The content's files, by path relative to the content directory.
    private let files: [String: String]
    /// The file a `content` input replaces.
    private let contentFile: String

    /// Reads the content directory once.
    /// - Parameter contentFile: the file a `content` input stands for (default: the current edition's rules).
    package init(contentDirectory: String, contentFile: String? = nil) throws(SetupFailure) {
        let loaded = ContentLoader.load(contentDirectory: contentDirectory)
        guard let model = loaded.model, !loaded.diagnostics.hasErrors else {
            throw SetupFailure(description: "\(contentDirectory) does not load (run `tebiki check --content \(contentDirectory)`)")
        }
        var files: [String: String] = [:]
        let root = URL(fileURLWithPath: contentDirectory)
        for case let path as String in FileManager.default.enumerator(atPath: contentDirectory) ?? FileManager.DirectoryEnumerator() {
            guard path.hasSuffix(".yaml") || path.hasSuffix(".txt") || path.hasSuffix(".md") else { continue }
            if let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) { files[path] = text }
        }
        self.model = model
        self.engine = Engine(model: model)
        self.decoder = ScenarioDecoder(model: model)
        self.files = files
        self.contentFile = contentFile ?? "editions/\(model.edition.id)/rules.yaml"
    }

    /// What became of an input.
    package enum Reading: Sendable, Equatable {
        /// Taken: decided, loaded or parsed.
        case accepted
        /// Refused, with the first message the user would read.
        case refused(String)
    }

    /// Reads `text` as `target` the way the tool does, and everything that follows from it.
    /// A refusal is a fine answer; only a crash (or a sanitizer's report) is a finding.
    package func read(_ text: String, as target: Target) -> Reading {
        switch target {
        case .scenario:
            let scenario: Scenario
            switch decoder.decode(json: text) {
            case .failure(let errors): return .refused(errors.errors.first.map { "\($0.field ?? "input"): \($0.message)" } ?? "")
            case .success(let decoded): scenario = decoded
            }
            let decision: Decision
            do { decision = try engine.evaluate(scenario) } catch { return .refused("\(error)") }
            for language in model.languages {
                _ = ExplainOutput.text(decision, model: model, language: language)
                _ = ExplainOutput.markdown(decision, model: model, language: language)
                _ = ExplainOutput.json(decision, model: model, language: language).serialized()
            }
            return .accepted
        case .content:
            var files = files
            files[contentFile] = text
            let loaded = ContentLoader.load(from: InMemoryContentSource(files))
            return loaded.diagnostics.first { $0.severity == .error }.map { .refused($0.oneLine) } ?? .accepted
        case .unaryTest:
            let signature = FactSignature(type: .integer)
            let parsed = UnaryTestParser.parse(text, fact: "n", signature: signature, facts: ["n": signature])
            return parsed.problems.first.map { .refused($0.message) } ?? .accepted
        case .expression:
            switch Expression.parse(text) {
            case .success: return .accepted
            case .failure(let problem): return .refused(problem.message)
            }
        }
    }
}
