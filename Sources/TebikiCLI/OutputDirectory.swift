import Foundation
import Glibc

/// The directory a build replaces, resolved (a symbolic link to it is kept: the directory it points
/// to is what is replaced), and the rules that decide whether it may be replaced: a build writes
/// only into a directory that is absent, empty, or marked as a tebiki site by the marker every
/// build writes; never into the current directory, the content, the templates, a repository or
/// anything that holds them.
struct OutputDirectory {
    /// The marker written at the root of every site: a directory without it is not replaced.
    static let markerName = ".tebiki-site"
    /// What the marker says to someone who finds it.
    static let markerContents = """
        This directory is a site written by `tebiki build`. The next build replaces the whole
        directory, files added here included. `tebiki build` replaces only a directory that is
        absent, empty, or holds this file.

        """

    /// The output as the user gave it, for messages.
    let given: String
    /// The resolved directory that holds the output.
    let parent: String
    /// The output's name in `parent`.
    let name: String
    /// True when the output exists (as a directory, or a link to one).
    let exists: Bool

    /// The resolved output.
    var path: String { parent == "/" ? "/" + name : parent + "/" + name }
    /// A name beside the output for this build's staging directory, or for a leftover's pattern.
    func sibling(_ suffix: String) -> String { (parent == "/" ? "" : parent) + "/." + name + ".tebiki-" + suffix }

    /// The output resolved; the directories above an absent output are created.
    init(_ output: String) throws(SiteWriter.Failure) {
        given = output
        guard !output.isEmpty else { throw SiteWriter.Failure(message: "the output directory is an empty name; nothing was written") }
        var info = stat()
        if lstat(output, &info) == 0 {
            let isLink = info.st_mode & S_IFMT == S_IFLNK
            guard let real = OutputDirectory.realPath(output) else {
                if isLink {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output)) ?? "?"
                    throw SiteWriter.Failure(message: "\(output) is a symbolic link to \(target), which does not exist: create that directory or remove the link; nothing was written")
                }
                throw SiteWriter.Failure(message: "cannot resolve \(output) (\(OutputDirectory.lastError())); nothing was written")
            }
            guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw SiteWriter.Failure(message: "\(output) exists and is not a directory; nothing was written, \(output) is unchanged")
            }
            guard real != "/" else { throw SiteWriter.Failure(message: OutputDirectory.refusal(output, "it is the root of the file system")) }
            let url = URL(fileURLWithPath: real)
            parent = url.deletingLastPathComponent().path
            name = url.lastPathComponent
            exists = true
        } else {
            guard errno == ENOENT else {
                throw SiteWriter.Failure(message: "cannot examine \(output) (\(OutputDirectory.lastError())); nothing was written")
            }
            let given = output.hasSuffix("/") ? String(output.reversed().drop { $0 == "/" }.reversed()) : output
            let last = (given as NSString).lastPathComponent
            let above = (given as NSString).deletingLastPathComponent
            guard !last.isEmpty, last != ".", last != ".." else {
                throw SiteWriter.Failure(message: "\(output) does not name a directory; nothing was written")
            }
            let aboveOrHere = above.isEmpty ? "." : above
            do { try FileManager.default.createDirectory(atPath: aboveOrHere, withIntermediateDirectories: true) } catch {
                throw SiteWriter.Failure(message: "cannot create \(aboveOrHere) to hold \(output) (\(SiteWriter.reason(error))); nothing was written")
            }
            guard let real = OutputDirectory.realPath(aboveOrHere) else {
                throw SiteWriter.Failure(message: "cannot resolve \(aboveOrHere) (\(OutputDirectory.lastError())); nothing was written")
            }
            parent = real; name = last; exists = false
        }
    }

    /// Why the output may not be replaced, or nil when it may: it is (or holds) the current
    /// directory or one of `protected` (the content and templates directories), holds a
    /// repository or a model, or holds files and no marker.
    func refusal(protecting protected: [String]) -> String? {
        let target = path
        func holds(_ other: String) -> Bool { other == target || other.hasPrefix(target + "/") }
        if let here = OutputDirectory.realPath("."), holds(here) {
            return OutputDirectory.refusal(given, here == target ? "it is the current directory" : "it holds the current directory (\(here))")
        }
        for directory in protected {
            if let real = OutputDirectory.realPath(directory), holds(real) {
                return OutputDirectory.refusal(given, real == target ? "it is \(directory), which the build reads" : "it holds \(directory), which the build reads")
            }
        }
        guard exists else { return nil }
        let fm = FileManager.default
        if fm.fileExists(atPath: target + "/.git") { return OutputDirectory.refusal(given, "it holds a git repository (.git)") }
        if fm.fileExists(atPath: target + "/tebiki.yaml") { return OutputDirectory.refusal(given, "it holds a tebiki model (tebiki.yaml)") }
        guard let entries = try? fm.contentsOfDirectory(atPath: target) else {
            return "cannot list \(given) to see whether it is a tebiki site; nothing was written, \(given) is unchanged"
        }
        if entries.isEmpty { return nil }
        var info = stat()
        if lstat(target + "/" + OutputDirectory.markerName, &info) == 0, info.st_mode & S_IFMT == S_IFREG { return nil }
        return "refusing to replace \(given): it holds files that tebiki did not write (it has no \(OutputDirectory.markerName), "
            + "the marker every build writes), and a build replaces the whole directory. Give --output a new or empty directory, "
            + "or, if \(given) is a site written by an earlier tebiki, remove it yourself and build again; nothing was written, \(given) is unchanged"
    }

    private static func refusal(_ given: String, _ why: String) -> String {
        "refusing to write to \(given): \(why), and a build replaces the whole output directory. "
            + "Give --output a new or empty directory (such as site); nothing was written, \(given) is unchanged"
    }

    /// The path with every link and `..` resolved, or nil (errno set).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The message of `errno`.
    static func lastError() -> String { String(cString: strerror(errno)) }
}
