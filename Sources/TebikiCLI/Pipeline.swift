import Foundation
import TebikiCheck
import TebikiConcurrency
import TebikiContent
import TebikiDiff
import TebikiModel
import TebikiRender

/// The one pipeline of `build` and `check`, its stages in one visible order:
/// load → check the model → render → check the pages → write.
///
/// `build` runs every stage; `check` stops before writing, so that it proves the very site
/// `build` would write ("What changed" included). Every failure is a diagnostic of its stage.
/// The model's check and the rendering do not depend on each other (the renderer reads the
/// classes the checker decided): they run beside each other, so that either's stretches on one
/// core leave the other cores to the other. When the site is to be written, a stage whose check
/// found errors stops the run; otherwise only a stage that cannot do its work stops it.
package struct Pipeline {
    /// The content directory.
    package var content: String
    /// The edition, or nil for the current one.
    package var edition: String?
    /// The templates directory; nil: no site is rendered, only the model is checked.
    package var templates: String?
    /// A built site whose pages are checked too.
    package var siteDirectory: String?
    /// Where the site is written; nil: the run stops before writing.
    package var output: String?
    /// Told how many pages are rendered out of how many.
    package var progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }

    package init(content: String, edition: String?, templates: String? = nil, siteDirectory: String? = nil, output: String? = nil) {
        self.content = content; self.edition = edition; self.templates = templates
        self.siteDirectory = siteDirectory; self.output = output
    }

    /// What a run produced, stage by stage.
    package struct Run: Sendable {
        /// The current edition as loaded (nil when there is no content to load).
        package var loaded: LoadResult?
        /// The check of the model and of the pages (nil when the load failed).
        package var report: CheckReport?
        /// The site built in memory (nil without templates, or when it cannot be built).
        package var site: SiteBuild?
        /// The stage that stopped the run, and why; nil when every stage ran.
        package var failure: Failure?
        /// The checker, with every scenario class it decided.
        package var checker: Checker?
        /// The edition before the current one, for "What changed".
        package var previous: Model?
    }

    /// Why a stage stopped the run.
    package struct Failure: Error, Sendable {
        /// The stage that stopped.
        package var stage: Stage
        /// What is wrong: the stage's errors.
        package var diagnostics: [Diagnostic]
        /// One line: what failed (`content has 2 errors`).
        package var summary: String
    }

    /// Runs the stages in order until one stops the run.
    package func run() -> Run {
        var run = Run()
        // load
        guard let model = load(into: &run) else { return run }
        let baseURL = run.loaded?.baseURL ?? ""

        // check the model, and render beside it
        let checker = Checker(model: model)
        run.checker = checker
        let previous = run.previous
        let (modelDiagnostics, rendered) = ParallelMap.pair(
            { checker.checkModel() },
            { templates.map { render(model: model, previous: previous, baseURL: baseURL, templates: $0, checker: checker) } }
        )
        var report = CheckReport(diagnostics: modelDiagnostics, classesChecked: checker.classesChecked, scenariosChecked: checker.scenariosChecked)
        run.report = report
        if output != nil, report.hasErrors {
            run.failure = Failure(stage: .checkModel, errorsOf: report)
            return run
        }
        switch rendered {
        case .failure(let failure)?:
            run.failure = failure
            return run
        case .success(let site)?: run.site = site
        case nil: break
        }

        // check the pages: those built in memory, then those of a site on disk
        let claims = run.site?.claims ?? []
        report = report.adding(claims.isEmpty ? [] : checker.checkPages(run.site?.pages ?? [], claims: claims), claimsChecked: claims.count)
        if let directory = siteDirectory {
            let pages: [Page]
            do { pages = try Pipeline.readSite(directory: directory) } catch {
                run.failure = Failure(stage: .checkPages, diagnostics: [
                    Diagnostic(.checkPageUnreadableSite, at: nil, "cannot read the site directory \(directory): \(ErrorText.reason(error))"),
                ], summary: "the site directory \(directory) cannot be read")
                return run
            }
            report = report.adding(checker.checkPages(pages, claims: claims, siteDirectory: directory), claimsChecked: claims.count)
        }
        run.report = report
        guard let output, let site = run.site else { return run }
        if report.hasErrors {
            run.failure = Failure(stage: .checkPages, errorsOf: report)
            return run
        }

        // write
        do throws(SiteWriter.Failure) { try SiteWriter(output: output, protecting: [content] + (templates.map { [$0] } ?? [])).write(site.pages) } catch {
            run.failure = Failure(stage: .write, diagnostics: [Diagnostic(.writeFailure, at: nil, error.message)],
                                  summary: "the site cannot be written")
        }
        return run
    }

    /// The load stage alone.
    package func load() -> Run {
        var run = Run()
        _ = load(into: &run)
        return run
    }

    /// load: the current edition and, when a site is rendered, its base URL and the edition
    /// before it (for "What changed"). Nil, with the failure in `run`, when the run cannot go on.
    private func load(into run: inout Run) -> Model? {
        guard FileManager.default.fileExists(atPath: content + "/tebiki.yaml") else {
            run.failure = Failure(stage: .load, diagnostics: [
                Diagnostic(.contentMissingFile, at: nil, "\(content)/tebiki.yaml does not exist; give the content directory with --content"),
            ], summary: "\(content) holds no content")
            return nil
        }
        let loaded = ContentLoader.load(contentDirectory: content, edition: edition)
        run.loaded = loaded
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard let model = loaded.model, errors.isEmpty else {
            if errors.isEmpty {
                run.failure = Failure(stage: .load, diagnostics: [
                    Diagnostic(.contentMissingKey, at: nil, "\(content)/tebiki.yaml names no current edition; give one with --edition"),
                ], summary: "\(content) declares no edition to load")
            } else {
                run.failure = Failure(stage: .load, diagnostics: loaded.diagnostics.filter { $0.severity != .note },
                                      summary: "\(content) has \(Pipeline.count(errors.count, "error"))")
            }
            return nil
        }
        guard templates != nil else { return model }
        guard loaded.baseURL != nil else {
            run.failure = Failure(stage: .load, diagnostics: [
                Diagnostic(.contentMissingKey, at: nil, "\(content)/tebiki.yaml has no site.base_url; the pages of the site need it"),
            ], summary: "\(content)/tebiki.yaml has no site.base_url")
            return nil
        }
        // The edition before this one: editions are identified by their dates (`2024-10-25`), so
        // "before" is the latest earlier id. None for the first edition.
        guard let previous = loaded.editions.map(\.id).filter({ $0 < model.edition.id }).max() else { return model }
        let before = ContentLoader.load(contentDirectory: content, edition: previous)
        guard let previousModel = before.model, !before.diagnostics.hasErrors else {
            run.failure = Failure(stage: .load, diagnostics: before.diagnostics.filter { $0.severity == .error },
                                  summary: "the previous edition \(previous) has errors")
            return nil
        }
        run.previous = previousModel
        return model
    }

    /// render: the templates read and checked, "What changed" against the previous edition, and
    /// every page in memory.
    private func render(model: Model, previous: Model?, baseURL: String, templates: String, checker: Checker) -> Result<SiteBuild, Failure> {
        let layoutFile = templates + "/layout.mustache", cssFile = templates + "/style.css"
        func read(_ path: String) throws(SiteBuildError) -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SiteBuildError(.templatesUnreadable, "cannot read \(path); give the templates directory with --templates")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw SiteBuildError(.templatesUnreadable, "\(path) is not UTF-8 text")
            }
            return text
        }
        do throws(SiteBuildError) {
            let siteTemplates = try SiteTemplates(layout: try read(layoutFile), css: try read(cssFile), layoutName: layoutFile, cssName: cssFile)
            let articles = previous.map { WhatChangedPage.articles(before: $0, after: model) } ?? []
            let builder = SiteBuilder(model: model, baseURL: baseURL, templates: siteTemplates, articles: articles, decided: checker.decided)
            return .success(try builder.build(progress: progress))
        } catch {
            return .failure(Failure(stage: error.stage, diagnostics: [error.diagnostic], summary: "the site cannot be built"))
        }
    }

    /// Every Markdown and HTML page under `directory`, by path relative to it.
    package static func readSite(directory: String) throws -> [Page] {
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

    /// `1 error`, `2 errors`.
    package static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The model alone, for the commands that need no more (`explain`, `diff`): the load
    /// stage's diagnostics on standard error, and exit status 2 when it has errors.
    package func loadModel() throws(ExitStatus) -> Model {
        let result = ContentLoader.load(contentDirectory: content, edition: edition)
        let diagnostics = result.diagnostics
        Console.err(CheckOutput.lines(diagnostics.filter { $0.severity != .note }))
        guard let model = result.model, !diagnostics.hasErrors else {
            let count = diagnostics.filter { $0.severity == .error }.count
            Console.err("tebiki: \(Stage.load): \(content) has \(Pipeline.count(count, "error")); nothing was done\n")
            throw ExitStatus(2)
        }
        return model
    }
}

extension Pipeline.Failure {
    /// A check that found errors: they stop the run before anything is written.
    init(stage: Stage, errorsOf report: CheckReport) {
        let errors = report.diagnostics.filter { $0.severity == .error }
        self.init(stage: stage, diagnostics: errors, summary: Pipeline.count(errors.count, "error"))
    }
}
