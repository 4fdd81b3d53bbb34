import ArgumentParser
import TebikiCheck
import TebikiModel

/// `tebiki build`: the site (bilingual guides in Markdown and HTML, decision trees, the decision
/// guide) from content/ and templates/, written atomically to site/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site: guides in Markdown and HTML, decision trees and the decision guide.",
        discussion: """
            Stages: load (content/) → check (the model) → render (in memory) → check (the step lists
            of the pages) → write. Errors of the check refuse the build (see `tebiki check`). The pages are written to a
            temporary directory beside the output and swapped in only when everything succeeded: a
            failing build leaves the previous site as it was and says why. Two builds of the same
            content and templates are byte-identical. At most 5 diagnostics of one rule are printed,
            then how many more there are (`tebiki check --format json` lists every one).
            Exit status: 0 built; 1 the check found errors, the templates or the rendering failed, or
            the site could not be written; 2 the content has errors.
            """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The templates directory (layout.mustache, style.css).", valueName: "dir"))
    var templates: String = "templates"

    @Option(name: .long, help: ArgumentHelp("The output directory.", valueName: "dir"))
    var output: String = "site"

    func run() throws {
        try running { () throws(ExitStatus) in
            let clock = ContinuousClock()
            let start = clock.now
            var pipeline = Pipeline(content: contentOptions.content, edition: contentOptions.edition, templates: templates, output: output)
            if Console.errIsTerminal {
                pipeline.progress = { done, total in
                    guard clock.now - start > .seconds(1), done % 20 == 0 || done == total else { return }
                    Console.err("\rtebiki: \(Stage.render): \(done)/\(total) pages" + (done == total ? "\n" : ""))
                }
            }
            let run = pipeline.run()
            defer { Teardown.keep(run) }
            // The load's warnings (or, when the current edition does not load, its errors: the failure's).
            if let loaded = run.loaded, loaded.model != nil {
                Console.err(CheckOutput.lines(loaded.diagnostics.filter { $0.severity != .note }))
            }
            if let failure = run.failure { throw refuse(failure, run) }
            guard let model = run.loaded?.model, let site = run.site, let report = run.report else { throw ExitStatus(1) }
            let warnings = report.count(.warning)
            let elapsed = clock.now - start
            let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let perLanguage = model.languages.map { "\($0.id) \(site.pageCounts[$0.id] ?? 0)" }.joined(separator: ", ")
            Console.err("tebiki: build: wrote \(site.pages.count) files to \(output)/ (\(perLanguage), root \(site.pageCounts[""] ?? 0)); "
                + "\(site.claims.count) step lists checked against \(report.classesChecked) scenario classes"
                + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"): see tebiki check)" : "")
                + "; edition \(model.edition.id); \(ms) ms\n")
        }
    }

    /// Prints why nothing was published and gives the exit status: 2 when the content does not
    /// load, else 1. A check's errors are printed as `check` would (its warnings are left to
    /// `tebiki check`).
    private func refuse(_ failure: Pipeline.Failure, _ run: Pipeline.Run) -> ExitStatus {
        switch failure.stage {
        case .checkModel, .checkPages:
            let report = run.report ?? CheckReport(diagnostics: [], classesChecked: 0, scenariosChecked: 0)
            Console.err(CheckOutput.text(CheckReport(diagnostics: failure.diagnostics, classesChecked: report.classesChecked,
                                                     scenariosChecked: report.scenariosChecked, claimsChecked: report.claimsChecked),
                                         colour: Console.errIsTerminal))
            Console.err("tebiki: \(failure.stage): \(failure.summary); nothing was published, \(output) is unchanged\n")
        default:
            Console.err(CheckOutput.lines(failure.diagnostics))
            Console.err("tebiki: \(failure.stage): \(failure.summary); \(output) is unchanged\n")
        }
        return ExitStatus(failure.stage == .load ? 2 : 1)
    }
}
