import ArgumentParser

/// `tebiki-bench`: the benchmark's tools (issue 6). `scripts/bench` runs them.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tebiki-bench",
        abstract: "Synthetic models for the benchmark, and the benchmark's report.",
        subcommands: [GenerateCommand.self, ReportCommand.self]
    )
}
