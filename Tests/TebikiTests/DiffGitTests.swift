import ArgumentParser
import Foundation
import Testing
import TebikiCLI
import TebikiDiff
import TebikiModel

/// `tebiki diff` on the command line: sides by edition, directory and `git:REV` (on a repository
/// the test creates), `--exit-code`, and one clear error with status 2.
@Suite("Diff: sides and exit status", .serialized)
struct DiffGitTests {
    /// Runs `tebiki diff` in-process; the exit status.
    static func exitStatus(_ arguments: [String]) -> Int32 {
        do {
            var command = try TebikiCommand.parseAsRoot(["diff"] + arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            return -1
        }
    }

    static func git(_ arguments: [String], in directory: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", directory.path, "-c", "user.name=tebiki", "-c", "user.email=tebiki@example.com",
                       "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    @Test("git:REV reads the committed content without touching the working tree")
    func gitRevisions() throws {
        let repo = try DiffContent.temporaryDirectory("diff-git")
        defer { try? FileManager.default.removeItem(at: repo) }
        let content = repo.appendingPathComponent("content")
        try DiffContent.write(DiffContent.fixture, to: content)
        try Self.git(["init", "-q"], in: repo)
        try Self.git(["add", "."], in: repo)
        try Self.git(["commit", "-q", "-m", "first"], in: repo)
        let changed = DiffContent.patched(DiffContent.fixture, [("label: {ja: 払い戻し, en: Refund}", "label: {ja: 返金する, en: Refund}")])
        try DiffContent.write(changed, to: content)
        try Self.git(["commit", "-q", "-am", "second"], in: repo)
        // An uncommitted edit in the working tree, which git:HEAD must not see.
        let edited = DiffContent.patched(DiffContent.fixture, [("label: {ja: 払い戻し, en: Refund}", "label: {ja: 作業中, en: Refund}")])
        try DiffContent.write(edited, to: content)
        let statusBefore = try String(contentsOf: content.appendingPathComponent("tebiki.yaml"), encoding: .utf8)

        let resolver = DiffSideResolver(contentDirectory: content.path)
        let first = try resolver.load("git:HEAD~1"), second = try resolver.load("git:HEAD")
        let diff = ModelDiffer.diff(before: first, after: second)
        #expect(diff.labels.count == 1)
        #expect(diff.labels.first?.before?["ja"] == "払い戻し" && diff.labels.first?.after?["ja"] == "返金する")
        let working = try resolver.load(content.path)
        #expect(ModelDiffer.diff(before: second, after: working).labels.first?.after?["ja"] == "作業中")
        #expect(ModelDiffer.diff(before: second, after: second).isEmpty)

        #expect(Self.exitStatus(["git:HEAD~1", "git:HEAD", "--content", content.path, "--format", "json"]) == 0)
        #expect(Self.exitStatus(["git:HEAD~1", "git:HEAD", "--content", content.path, "--exit-code", "--format", "json"]) == 1)
        #expect(Self.exitStatus(["git:HEAD", "git:HEAD", "--content", content.path, "--exit-code"]) == 0)
        #expect(Self.exitStatus(["git:nope", "git:HEAD", "--content", content.path]) == 2)
        // The working tree is as it was: git archive reads objects only.
        #expect(try String(contentsOf: content.appendingPathComponent("tebiki.yaml"), encoding: .utf8) == statusBefore)
        #expect(DiffContent.files(in: content.path) == edited)
    }

    @Test("sides: edition ids and directories; errors exit 2", arguments: [
        (["2025-01-01", "2025-01-01", "--exit-code"], Int32(0)),
        (["2025-01-01", "FIXTURE", "--exit-code", "--format", "html"], Int32(0)),
        (["2025-01-01", "1999-01-01"], Int32(2)),
        (["2025-01-01", "2025-01-01", "--format", "pdf"], Int32(2)),
        (["2025-01-01", "2025-01-01", "--lang", "fr"], Int32(2)),
    ])
    func sides(_ arguments: [String], _ status: Int32) {
        let args = arguments.map { $0 == "FIXTURE" ? DiffContent.fixtureDirectory : $0 } + ["--content", DiffContent.fixtureDirectory]
        #expect(Self.exitStatus(args) == status)
    }
}
