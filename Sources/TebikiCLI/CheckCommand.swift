import ArgumentParser
import Foundation
import TebikiAnalysis
import TebikiCheck
import TebikiContent
import TebikiEngine
import TebikiModel
import TebikiRender

/// `tebiki check`: proves the model and the generated guides before anything is published.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the rules, the steps against the engine, the generated guides and the texts.",
        discussion: """
            Loads content/, checks every decision table (gaps, overlaps, shadowed and conflicting rows),
            simulates the steps of every class of scenarios on the state machines, reads the step lists
            of the generated guides back (built in memory, and those of the site directory when it
            exists) and checks the texts (citations, glossary, dialogs, terms).
            Every problem has its place, a stable identifier, a severity and, where one exists, a
            scenario that shows it (paste it into `tebiki explain --scenario -`).
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
            let contentDirectory = contentOptions.content
            guard FileManager.default.fileExists(atPath: contentDirectory + "/tebiki.yaml") else {
                Console.err("tebiki: \(Stage.load.rawValue): \(contentDirectory)/tebiki.yaml does not exist; give the content directory with --content\n")
                throw ExitStatus(2)
            }
            let loaded = ContentLoader.load(contentDirectory: contentDirectory, edition: contentOptions.edition)
            guard let model = loaded.model, !loaded.diagnostics.hasErrors else {
                guard loaded.diagnostics.hasErrors else {
                    Console.err("tebiki: \(Stage.load.rawValue): \(contentDirectory) declares no edition to check\n")
                    throw ExitStatus(2)
                }
                emit(CheckReport(diagnostics: loaded.diagnostics, classesChecked: 0, scenariosChecked: 0))
                throw ExitStatus(1)
            }
            let checker = Checker(model: model)
            // The model's checks and the guides built in memory do not depend on each other: they
            // run beside each other, so that either's stretches on one core leave the other core
            // to the other.
            let templatesDirectory = templatesDirectory
            let (modelDiagnostics, site) = ParallelMap.pair(
                { checker.checkModel() },
                { templatesDirectory.map { CheckSite.build(model: model, baseURL: loaded.baseURL, templates: $0, decided: checker.decided) } }
            )
            var built: (pages: [Page], claims: [StepClaim]) = ([], [])
            switch site {
            case .success(let b): built = (b.pages, b.claims)
            case .failure(let problem):
                Console.err("tebiki: \(Stage.render.rawValue): \(problem.message); the guides cannot be built to be checked\n")
                throw ExitStatus(2)
            case nil:
                Console.err("tebiki: check: no templates directory; only the model is checked, not the generated guides (give --templates)\n")
            }
            var report = CheckReport(diagnostics: modelDiagnostics, classesChecked: checker.classesChecked, scenariosChecked: checker.scenariosChecked)
                .adding(built.claims.isEmpty ? [] : checker.checkPages(built.pages, claims: built.claims), claimsChecked: built.claims.count)
            if let directory = siteDirectory {
                let pages: [Page]
                do { pages = try CheckSite.read(directory: directory) } catch {
                    Console.err("tebiki: \(Stage.check.rawValue): cannot read the site directory \(directory): \(error)\n")
                    throw ExitStatus(2)
                }
                report = report.adding(checker.checkPages(pages, claims: built.claims, siteDirectory: directory), claimsChecked: built.claims.count)
            }
            report = report.adding(loaded.diagnostics.filter { $0.severity != .note })
            emit(report)
            Teardown.keep(checker); Teardown.keep(built.pages); Teardown.keep(loaded)
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

/// The pages `check` reads: the site built in memory with its step claims, and a built site on disk.
enum CheckSite {
    /// Why the site cannot be built.
    struct Problem: Error { var message: String }

    /// The site built in memory (as `tebiki build` would write it), with the step lists it claims.
    static func build(model: Model, baseURL: String?, templates: String, decided: DecidedClasses? = nil) -> Result<SiteBuild, Problem> {
        guard let baseURL else { return .failure(Problem(message: "tebiki.yaml has no site.base_url")) }
        let layoutFile = templates + "/layout.mustache", cssFile = templates + "/style.css"
        guard let layout = FileManager.default.contents(atPath: layoutFile).flatMap({ String(data: $0, encoding: .utf8) }),
              let css = FileManager.default.contents(atPath: cssFile).flatMap({ String(data: $0, encoding: .utf8) })
        else { return .failure(Problem(message: "cannot read \(layoutFile) and \(cssFile); give the templates directory with --templates")) }
        do throws(SiteBuildError) {
            let siteTemplates = try SiteTemplates(layout: layout, css: css, layoutName: layoutFile, cssName: cssFile)
            return .success(try SiteBuilder(model: model, baseURL: baseURL, templates: siteTemplates, decided: decided).build())
        } catch {
            return .failure(Problem(message: error.description))
        }
    }

    /// Every Markdown and HTML page under `directory`, by path relative to it.
    static func read(directory: String) throws -> [Page] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var pages: [Page] = []
        while let url = enumerator.nextObject() as? URL {
            guard ["md", "html"].contains(url.pathExtension) else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let data = try Data(contentsOf: url)
            pages.append(Page(path: path, contents: String(decoding: data, as: UTF8.self)))
        }
        return pages.sorted()
    }
}
