import ArgumentParser
import Foundation
import TebikiCheck
import TebikiModel

/// `tebiki check`: proves the model and the generated guides before anything is published.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the rules, the steps against the engine, the generated guides and the texts.",
        discussion: """
            Loads content/, checks every decision table (gaps, overlaps, shadowed and conflicting rows),
            simulates the steps of every class of scenarios on the state machines, reads the step lists
            of the generated guides back (the site `tebiki build` would write, built in memory with
            the same stages, and the pages of the site directory when it exists) and checks the
            texts (citations, glossary, dialogs, terms).
            Every problem has its place, a stable identifier, a severity and, where one exists, a
            scenario that shows it (paste it into `tebiki explain --scenario -`).
            The text output shows at most 5 diagnostics of one rule, then how many more there are;
            --format json and sarif list every one.
            Exit status: 0 no errors; 1 errors were found; 2 the check could not run.
            """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: "Output format: text, json or sarif (SARIF 2.1.0, for code scanning).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("A built site directory whose pages to check too (default: site, when it exists).", valueName: "dir"))
    var site: String?

    @Flag(name: .long, help: "Do not read a site directory from disk.")
    var noSite = false

    @Option(name: .long, help: ArgumentHelp("The templates directory the guides are built with (default: templates, when it exists; without one only the model is checked).", valueName: "dir"))
    var templates: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    func run() throws {
        try running { () throws(ExitStatus) in
            let templatesDirectory = templatesDirectory
            let pipeline = Pipeline(content: contentOptions.content, edition: contentOptions.edition,
                                    templates: templatesDirectory, siteDirectory: siteDirectory)
            let run = pipeline.run()
            defer { Teardown.keep(run) }
            if let failure = run.failure {
                // Content that does not load is an error found; any other stop means the check could not run.
                if failure.stage == .load, let loaded = run.loaded, loaded.diagnostics.hasErrors {
                    emit(CheckReport(diagnostics: loaded.diagnostics, classesChecked: 0, scenariosChecked: 0))
                    throw ExitStatus(1)
                }
                Console.err(CheckOutput.lines(failure.diagnostics))
                Console.err("tebiki: \(failure.stage): \(failure.summary); the check could not run\n")
                throw ExitStatus(2)
            }
            guard let loaded = run.loaded, let checked = run.report else { throw ExitStatus(2) }
            if templatesDirectory == nil {
                Console.err("tebiki: check: no templates directory; only the model is checked, not the generated guides (give --templates)\n")
            }
            let report = checked.adding(loaded.diagnostics.filter { $0.severity != .note })
            emit(report)
            if report.hasErrors { throw ExitStatus(1) }
        }
    }

    /// The templates to build the guides with: `--templates`, or `templates` when it exists.
    private var templatesDirectory: String? {
        if let templates { return templates }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory) && isDirectory.boolValue ? "templates" : nil
    }

    /// The site directory to read: `--site`, or `site` when it exists; none with `--no-site`.
    private var siteDirectory: String? {
        if noSite { return nil }
        if let site { return site }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: "site", isDirectory: &isDirectory) && isDirectory.boolValue ? "site" : nil
    }

    private func emit(_ report: CheckReport) {
        switch format {
        case .text:
            let colour = isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            Console.out(CheckOutput.text(report, colour: colour))
        case .json: Console.out(CheckOutput.json(report).serialized() + "\n")
        case .sarif: Console.out(CheckOutputSARIF.log(report).serialized() + "\n")
        }
    }
}

