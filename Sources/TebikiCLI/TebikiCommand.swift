import ArgumentParser
import Foundation

/// The `tebiki` command: its subcommands are the capabilities of the tool.
public struct TebikiCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tebiki",
        abstract: "Bilingual refund guides, decision trees, a checker and a semantic diff, from one model of the rules.",
        subcommands: [ExplainCommand.self, BuildCommand.self, CheckCommand.self, DiffCommand.self],
        defaultSubcommand: nil
    )

    public init() {}

    /// Parses and runs the command line, refusing a repeated single-value option first:
    /// swift-argument-parser keeps the last value silently, which hides a mistake.
    public static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = RepeatedOption.message(arguments) {
            Console.err("tebiki: \(message)\n")
            Foundation.exit(1)
        }
        main(arguments)
    }
}

/// A single-value option given twice (`--lang ja --lang en`), which the parser would let through.
enum RepeatedOption {
    /// The options that take one value, per subcommand (the `--name` of each `@Option` that is not
    /// an array). `explain`'s facts are refused by `FactFlags`.
    static let singleValued: [String: Set<String>] = [
        "explain": ["content", "edition", "scenario", "lang", "format"],
        "build": ["content", "edition", "templates", "output"],
        "check": ["content", "edition", "format", "site", "templates"],
        "diff": ["content", "format", "lang"],
    ]

    /// The message for the first option given twice, or nil when none is.
    static func message(_ arguments: [String]) -> String? {
        guard let command = arguments.first, let names = singleValued[command] else { return nil }
        var seen: Set<String> = []
        for word in arguments.dropFirst() {
            if word == "--" { break }
            guard word.hasPrefix("--") else { continue }
            let name = String(word.dropFirst(2).prefix { $0 != "=" })
            guard names.contains(name) else { continue }
            if !seen.insert(name).inserted { return "--\(name) given twice; give it once" }
        }
        return nil
    }
}

/// Options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content directory.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("The edition of the policy (default: the current one).", valueName: "id"))
    var edition: String?

    var pipeline: Pipeline { Pipeline(content: content, edition: edition) }
}

/// Runs a command body, mapping `ExitStatus` to the process exit code.
func running(_ body: () throws(ExitStatus) -> Void) throws(ExitCode) {
    do { try body() } catch { throw ExitCode(error.code) }
}
