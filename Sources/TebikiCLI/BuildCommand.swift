import ArgumentParser
import Foundation
import TebikiCheck
import TebikiContent
import TebikiModel
import TebikiRender

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
            content and templates are byte-identical.
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
            // load
            let loaded = ContentLoader.load(contentDirectory: contentOptions.content, edition: contentOptions.edition)
            for d in loaded.diagnostics where d.severity != .note { Console.err(d.oneLine + "\n") }
            guard let model = loaded.model, !loaded.diagnostics.hasErrors else {
                let count = loaded.diagnostics.filter { $0.severity == .error }.count
                Console.err("tebiki: \(Stage.load.rawValue): \(contentOptions.content) has \(count) error\(count == 1 ? "" : "s"); \(output) is unchanged\n")
                throw ExitStatus(2)
            }
            guard let baseURL = loaded.baseURL else {
                Console.err("tebiki: \(Stage.load.rawValue): \(contentOptions.content)/tebiki.yaml has no site.base_url; \(output) is unchanged\n")
                throw ExitStatus(2)
            }
            let siteTemplates = try readTemplates()

            // check: the model first (tables, procedures against the engine, texts, hygiene);
            // nothing is rendered from a model that fails it.
            let checker = Checker(model: model)
            var report = CheckReport(diagnostics: checker.checkModel(), classesChecked: checker.classesChecked, scenariosChecked: checker.scenariosChecked)
            try refuseOnErrors(report, stage: .check)

            // render
            let articles = try whatChanged(since: loaded, current: model)
            let builder = SiteBuilder(model: model, baseURL: baseURL, templates: siteTemplates, articles: articles, decided: checker.decided)
            let showProgress = Console.errIsTerminal
            let build: SiteBuild
            do throws(SiteBuildError) {
                build = try builder.build { done, total in
                    guard showProgress, clock.now - start > .seconds(1), done % 20 == 0 || done == total else { return }
                    Console.err("\rtebiki: \(Stage.render.rawValue): \(done)/\(total) pages" + (done == total ? "\n" : ""))
                }
            } catch {
                Console.err("tebiki: \(Stage.render.rawValue): \(error.description); \(output) is unchanged\n")
                throw ExitStatus(1)
            }
            // check again: the step lists of the rendered pages against the simulated procedures.
            report = report.adding(checker.checkPages(build.pages, claims: build.claims), claimsChecked: build.claims.count)
            try refuseOnErrors(report, stage: .check)
            let warnings = report.count(.warning)
            // write
            do throws(SiteWriter.Failure) { try SiteWriter(output: output, protecting: [contentOptions.content, templates]).write(build.pages) } catch {
                Console.err("tebiki: \(Stage.write.rawValue): \(error.message)\n")
                throw ExitStatus(1)
            }
            Teardown.keep(checker); Teardown.keep(build.pages); Teardown.keep(loaded)
            let elapsed = clock.now - start
            let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let perLanguage = model.languages.map { "\($0.id) \(build.pageCounts[$0.id] ?? 0)" }.joined(separator: ", ")
            Console.err("tebiki: build: wrote \(build.pages.count) files to \(output)/ (\(perLanguage), root \(build.pageCounts[""] ?? 0)); "
                + "\(build.claims.count) step lists checked against \(report.classesChecked) scenario classes"
                + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"): see tebiki check)" : "")
                + "; edition \(model.edition.id); \(ms) ms\n")
        }
    }

    /// The "What changed" page against the edition before the one built; none for the first edition.
    private func whatChanged(since loaded: LoadResult, current: Model) throws(ExitStatus) -> [Article] {
        switch WhatChangedStage.articles(contentDirectory: contentOptions.content, loaded: loaded, current: current) {
        case .success(let articles): return articles
        case .failure(let failure):
            for d in failure.diagnostics { Console.err(d.oneLine + "\n") }
            Console.err("tebiki: \(Stage.load.rawValue): the previous edition \(failure.edition) has errors; \(output) is unchanged\n")
            throw ExitStatus(2)
        }
    }

    /// Prints the check's errors (warnings are left to `tebiki check`) and refuses to publish on any.
    private func refuseOnErrors(_ report: CheckReport, stage: Stage) throws(ExitStatus) {
        guard report.hasErrors else { return }
        let errors = CheckReport(diagnostics: report.diagnostics.filter { $0.severity == .error },
                                 classesChecked: report.classesChecked, scenariosChecked: report.scenariosChecked,
                                 claimsChecked: report.claimsChecked)
        Console.err(CheckOutput.text(errors, colour: Console.errIsTerminal))
        let count = errors.diagnostics.count
        Console.err("tebiki: \(stage.rawValue): \(count) error\(count == 1 ? "" : "s"); nothing was published, \(output) is unchanged\n")
        throw ExitStatus(1)
    }

    /// The layout and the style sheet, parsed and checked; a bad template names its file and line.
    private func readTemplates() throws(ExitStatus) -> SiteTemplates {
        let layoutFile = templates + "/layout.mustache", cssFile = templates + "/style.css"
        func read(_ path: String) throws(ExitStatus) -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.err("tebiki: templates: cannot read \(path); give the templates directory with --templates; \(output) is unchanged\n")
                throw ExitStatus(1)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                Console.err("tebiki: templates: \(path) is not UTF-8 text; \(output) is unchanged\n")
                throw ExitStatus(1)
            }
            return text
        }
        let layout = try read(layoutFile), css = try read(cssFile)
        do throws(SiteBuildError) {
            return try SiteTemplates(layout: layout, css: css, layoutName: layoutFile, cssName: cssFile)
        } catch {
            Console.err("tebiki: \(error.description); \(output) is unchanged\n")
            throw ExitStatus(1)
        }
    }
}
