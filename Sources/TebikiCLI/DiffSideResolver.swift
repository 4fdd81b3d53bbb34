import Foundation
import TebikiContent
import TebikiModel

/// Turns one side of `tebiki diff` into a model: an edition id of the content directory, a content
/// directory, or `git:REV` (the content directory as committed at REV, read with `git archive`
/// into a temporary directory: the working tree and the index are never touched).
package struct DiffSideResolver {
    /// The content directory edition ids and `git:` sides refer to.
    package var contentDirectory: String

    package init(contentDirectory: String) { self.contentDirectory = contentDirectory }

    /// The model a side names; every problem is printed as one message and gives exit status 2.
    package func load(_ spec: String) throws(ExitStatus) -> Model {
        if spec.hasPrefix("git:") { return try loadRevision(String(spec.dropFirst(4)), spec: spec) }
        let declared = ContentLoader.load(contentDirectory: contentDirectory).editions.map(\.id)
        if declared.contains(spec) {
            return try Pipeline(content: contentDirectory, edition: spec).loadModel()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), isDirectory.boolValue {
            guard FileManager.default.fileExists(atPath: spec + "/tebiki.yaml") else {
                throw fail("\(spec) is a directory without tebiki.yaml; expected a content directory")
            }
            return try Pipeline(content: spec, edition: nil).loadModel()
        }
        let editions = declared.isEmpty ? "none readable" : declared.joined(separator: ", ")
        throw fail("\"\(spec)\" is neither an edition of \(contentDirectory) (\(editions)), a content directory, nor git:REV")
    }

    private func loadRevision(_ revision: String, spec: String) throws(ExitStatus) -> Model {
        guard !revision.isEmpty, !revision.hasPrefix("-") else { throw fail("\(spec): expected git:REV, such as git:HEAD~1") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw fail("\(spec): the content directory \(contentDirectory) does not exist, so its repository cannot be found")
        }
        let top = Self.git(["rev-parse", "--show-toplevel"], in: contentDirectory)
        guard top.status == 0 else { throw fail("\(spec): \(contentDirectory) is not in a git repository (\(top.error))") }
        let root = top.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = Self.git(["rev-parse", "--show-prefix"], in: contentDirectory).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let verify = Self.git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: root)
        guard verify.status == 0 else { throw fail("\(spec): no commit \"\(revision)\" in the repository at \(root)") }
        let commit = verify.output.trimmingCharacters(in: .whitespacesAndNewlines)

        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do { try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true) } catch {
            throw fail("\(spec): cannot create a temporary directory: \(ErrorText.reason(error))")
        }
        let archive = temporary.appendingPathComponent("content.tar").path
        let pathspec = prefix.isEmpty ? "." : prefix
        let made = Self.git(["archive", "--format=tar", "-o", archive, commit, "--", pathspec], in: root)
        guard made.status == 0 else { throw fail("\(spec): \(prefix.isEmpty ? "the repository" : prefix) is not in \(revision) (\(made.error))") }
        let untar = Self.run("/usr/bin/env", ["tar", "-x", "-f", archive, "-C", temporary.path], in: temporary.path)
        guard untar.status == 0 else { throw fail("\(spec): cannot unpack the content of \(revision) (\(untar.error))") }
        let directory = temporary.appendingPathComponent(prefix).path
        guard FileManager.default.fileExists(atPath: directory + "/tebiki.yaml") else {
            throw fail("\(spec): \(prefix.isEmpty ? "" : prefix)tebiki.yaml is not in \(revision); expected a content directory there")
        }
        return try Pipeline(content: directory, edition: nil).loadModel()
    }

    private func fail(_ message: String) -> ExitStatus {
        Console.err("tebiki: diff: \(message)\n")
        return ExitStatus(2)
    }

    /// Runs git in `directory`.
    static func git(_ arguments: [String], in directory: String) -> (status: Int32, output: String, error: String) {
        run("/usr/bin/env", ["git", "-C", directory] + arguments, in: directory)
    }

    /// Runs a program and collects its output; status 127 when it cannot start.
    static func run(_ program: String, _ arguments: [String], in directory: String) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (127, "", "cannot run \(arguments.first ?? program): \(ErrorText.reason(error))") }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), message.split(separator: "\n").first.map(String.init) ?? "")
    }
}
