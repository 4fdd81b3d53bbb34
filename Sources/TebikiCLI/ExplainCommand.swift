import ArgumentParser
import Foundation
import TebikiEngine
import TebikiModel

/// `tebiki explain`: the decision for one order, as a support agent would paste it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Decide one refund request: outcome, amount, deadline, warnings and the console steps.",
        discussion: """
            Give the scenario as flags named after the facts of content/ (for people):
              tebiki explain --product ssl-certificate --paid-on 2025-12-01 --requested-on 2025-12-02 \\
                --cash-paid 30.00 --certificate-status issued --validity-years 3
            or as JSON (--scenario FILE, or - for standard input). `--questions` lists every fact,
            its allowed values and the question that asks for it.
            Exit status: 0 decided; 1 the scenario is invalid; 2 the content has errors.
            """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp("A JSON scenario file, or - for standard input.", valueName: "file"))
    var scenario: String?

    @Option(name: .long, help: "Language of the output: ja or en (any language content/ declares).")
    var lang: String = "ja"

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Flag(name: .long, help: "List the facts a scenario may give, with their questions and values.")
    var questions = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Facts as --name value (or name=value).", valueName: "facts"))
    var facts: [String] = []

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    func run() throws {
        try running { () throws(ExitStatus) in
            let model = try contentOptions.pipeline.loadModel()
            guard let language = model.language(lang) else {
                Console.err("tebiki: --lang: unknown language \"\(lang)\"; expected one of: \(model.languages.map(\.id).joined(separator: ", "))\n")
                throw ExitStatus(1)
            }
            if questions {
                Console.out(ExplainQuestions.text(model: model, language: language))
                return
            }
            let decoded = try readScenario(model: model)
            let decision: Decision
            do throws(EngineFailure) { decision = try Engine(model: model).evaluate(decoded) } catch {
                Console.err("tebiki: \(Stage.evaluate): \(error.message)\n")
                throw ExitStatus(2)
            }
            switch format {
            case .text: Console.out(ExplainOutput.text(decision, model: model, language: language))
            case .markdown: Console.out(ExplainOutput.markdown(decision, model: model, language: language))
            case .json: Console.out(ExplainOutput.json(decision, model: model, language: language).serialized() + "\n")
            }
        }
    }

    /// The scenario from JSON or from flags; every problem on its own line, exit status 1.
    private func readScenario(model: Model) throws(ExitStatus) -> Scenario {
        let decoder = ScenarioDecoder(model: model)
        let result: Result<Scenario, ScenarioErrors>
        let origin: String
        if let scenario {
            guard facts.isEmpty else {
                Console.err("tebiki: give the scenario either as --scenario or as flags, not both (got \(facts.joined(separator: " ")))\n")
                throw ExitStatus(1)
            }
            origin = scenario == "-" ? "<stdin>" : scenario
            let handle = scenario == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: scenario)
            guard let handle else {
                Console.err("tebiki: --scenario: cannot read \(scenario)\n")
                throw ExitStatus(1)
            }
            // Read with a cap: an endless stream must not grow memory without bound.
            let data = ScenarioInput.read(handle)
            guard data.count <= ScenarioInput.maximumBytes else {
                Console.err("tebiki: \(origin): the scenario is larger than \(ScenarioInput.maximumBytes) bytes (1 MiB); expected one JSON object\n")
                throw ExitStatus(1)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                Console.err("tebiki: \(origin): not UTF-8 text; expected a JSON object\n")
                throw ExitStatus(1)
            }
            result = decoder.decode(json: text)
        } else {
            origin = "flags"
            switch FactFlags.parse(facts) {
            case .success(let pairs): result = decoder.decode(pairs.map { ($0.0, .text($0.1)) })
            case .failure(let e):
                Console.err("tebiki: \(e.message)\n")
                throw ExitStatus(1)
            }
        }
        switch result {
        case .success(let s): return s
        case .failure(let e):
            Console.err(ScenarioInput.errorLines(e.errors, origin: origin, model: model))
            throw ExitStatus(1)
        }
    }
}

/// Turns `--paid-on 2025-12-01`, `--paid-on=2025-12-01`, `paid_on=2025-12-01` and a lone
/// `--promotion` (true) into fact/value pairs. Fact names are data, so flags are not declared in Swift.
enum FactFlags {
    struct Failure: Error { var message: String }

    static func parse(_ words: [String]) -> Result<[(String, String)], Failure> {
        var pairs: [(String, String)] = []
        var i = 0
        func key(_ s: Substring) -> String { s.replacingOccurrences(of: "-", with: "_") }
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("--") {
                let body = w.dropFirst(2)
                if let eq = body.firstIndex(of: "=") {
                    pairs.append((key(body[..<eq]), String(body[body.index(after: eq)...])))
                } else if i + 1 < words.count, !words[i + 1].hasPrefix("--") {
                    pairs.append((key(body), words[i + 1])); i += 1
                } else {
                    pairs.append((key(body), "true"))
                }
            } else if let eq = w.firstIndex(of: "=") {
                pairs.append((String(w[..<eq]), String(w[w.index(after: eq)...])))
            } else {
                return .failure(Failure(message: "unexpected argument \"\(w)\"; expected --fact value or fact=value"))
            }
            i += 1
        }
        // A repeated fact is refused, as a duplicate JSON key is: taking the last value silently
        // would decide a scenario the user did not mean.
        var seen: [String: String] = [:]
        for (name, value) in pairs {
            if let first = seen[name] {
                let flag = "--" + name.replacingOccurrences(of: "_", with: "-")
                return .failure(Failure(message: "\(flag) given twice (\"\(first)\", then \"\(value)\"); give each fact once"))
            }
            seen[name] = value
        }
        return .success(pairs)
    }
}

/// Bounds on a scenario given as JSON: its size, and how many errors about unknown fields are printed.
enum ScenarioInput {
    /// The largest scenario read, in bytes; a real one is well under a kilobyte.
    static let maximumBytes = 1 << 20
    /// How many unknown fields are named before a summary line.
    static let unknownFieldsShown = 5

    /// At most `maximumBytes + 1` bytes of the handle: one byte more than allowed says "too large".
    static func read(_ handle: FileHandle) -> Data {
        var data = Data()
        while data.count <= maximumBytes {
            guard let chunk = try? handle.read(upToCount: min(64 << 10, maximumBytes + 1 - data.count)), !chunk.isEmpty else { break }
            data.append(chunk)
        }
        return data
    }

    /// One line per error. Errors about the model's facts are at most one or two per fact, so all are
    /// printed; unknown fields are as many as the input has keys, so only the first few are.
    static func errorLines(_ errors: [ScenarioError], origin: String, model: Model) -> String {
        var out = "", unknown = 0
        for error in errors {
            if let field = error.field, !model.facts.contains(id: field) {
                unknown += 1
                if unknown > unknownFieldsShown { continue }
            }
            out += "\(origin): \(error)\n"
        }
        let more = unknown - unknownFieldsShown
        if more > 0 { out += "\(origin): ... and \(more) more unknown field\(more == 1 ? "" : "s")\n" }
        return out
    }
}

/// `explain --questions`: the facts as a questionnaire.
enum ExplainQuestions {
    static func text(model: Model, language: Language) -> String {
        let decoder = ScenarioDecoder(model: model)
        var out = ""
        for fact in model.facts where !fact.isDerived {
            out += "--\(fact.id.replacingOccurrences(of: "_", with: "-"))  (\(decoder.expectation(for: fact)))\n"
            if let q = fact.question { out += "    \(q[language.id])\n" }
            if !fact.appliesWhen.isEmpty {
                out += "    " + model.string("explain.applies-when", language.id) + ": "
                out += fact.appliesWhen.map { "\($0.fact) = \($0.test)" }.joined(separator: ", ") + "\n"
            }
            if let d = fact.defaultValue { out += "    " + model.string("explain.default", language.id) + ": \(d)\n" }
            for v in fact.values { out += "      \(v.id): \(v.label[language.id])\n" }
        }
        return out
    }
}
