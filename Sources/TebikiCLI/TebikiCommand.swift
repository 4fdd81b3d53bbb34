import ArgumentParser

/// The `tebiki` command: its subcommands are the capabilities of the tool.
public struct TebikiCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tebiki",
        abstract: "Bilingual refund guides, decision trees, a checker and a semantic diff, from one model of the rules.",
        subcommands: [ExplainCommand.self, BuildCommand.self, CheckCommand.self, DiffCommand.self],
        defaultSubcommand: nil
    )

    public init() {}
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
