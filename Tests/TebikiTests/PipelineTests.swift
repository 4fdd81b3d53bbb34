import Foundation
import TebikiModel
import TebikiRender
import Testing
@testable import TebikiCLI

/// The one pipeline of `build` and `check`: the same stages, the same site, every failure a
/// diagnostic of its stage.
@Suite("Pipeline")
struct PipelineTests {
    static let templates = repositoryRoot + "/templates"

    @Test("check runs the stages build runs and builds the same site in memory, What changed included")
    func checkBuildsTheSiteBuildWrites() throws {
        let run = Pipeline(content: RealContent.directory, edition: nil, templates: Self.templates).run()
        #expect(run.failure == nil)
        let site = try #require(run.site)
        #expect(site.pages == siteBuild.pages)
        #expect(site.claims == siteBuild.claims)
        #expect(site.pages.contains { $0.path.hasSuffix("/what-changed.html") })
        let report = try #require(run.report)
        #expect(report.claimsChecked == site.claims.count)
        #expect(!report.hasErrors)
    }

    @Test("content that is not there stops the run at load")
    func noContent() throws {
        let run = Pipeline(content: RealContent.directory + "/nothing-here", edition: nil, templates: Self.templates).run()
        let failure = try #require(run.failure)
        #expect(failure.stage == .load)
        #expect(failure.diagnostics.map(\.rule) == [.contentMissingFile])
        #expect(run.report == nil && run.site == nil)
    }

    @Test("templates that cannot be read stop the run at render, after the model's check")
    func noTemplates() throws {
        let run = Pipeline(content: RealContent.directory, edition: nil, templates: Self.templates + "/nothing-here").run()
        let failure = try #require(run.failure)
        #expect(failure.stage == .render)
        #expect(failure.diagnostics.map(\.rule) == [.templatesUnreadable])
        #expect(failure.diagnostics.allSatisfy { $0.stage == failure.stage })
        #expect(run.report != nil)
    }

    @Test("a site that cannot be written stops the run at write, and nothing is written")
    func cannotWrite() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-pipeline-\(getpid())")
        try "not a directory".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = Pipeline(content: RealContent.directory, edition: nil, templates: Self.templates, output: file.path).run()
        let failure = try #require(run.failure)
        #expect(failure.stage == .write)
        #expect(failure.diagnostics.map(\.rule) == [.writeFailure])
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a directory")
    }
}
