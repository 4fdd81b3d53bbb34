import Foundation
import Glibc
import TebikiConcurrency
import TebikiModel
import TebikiRender

/// The one writer of the site: writes every page into a staging directory beside the output,
/// then exchanges it with the output in one step and removes the old site. It replaces only a
/// directory that is absent, empty or marked as a tebiki site (`OutputDirectory`), under a lock
/// (`BuildLock`), and every failure says what state the output is in.
package struct SiteWriter {
    /// Why the site could not be written, and in what state the output is.
    package struct Failure: Error, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    /// The output directory (`site`).
    package let output: String
    /// Directories the build reads (content, templates): the output may neither be nor hold them.
    package let protected: [String]
    /// False to swap with two renames even where the system can exchange (tests of the fallback).
    package let atomicExchange: Bool

    package init(output: String, protecting protected: [String] = [], atomicExchange: Bool = true) {
        self.output = output
        self.protected = protected
        self.atomicExchange = atomicExchange
    }

    /// The name of the marker file written at the root of every site.
    package static var markerName: String { OutputDirectory.markerName }
    /// The marker's text.
    package static var markerContents: String { OutputDirectory.markerContents }

    /// Writes `contents` to a new file at `path` with plain POSIX calls (Foundation's
    /// `Data.write` synced every file to disk, which was a quarter of a large build; the swap
    /// at the end is what makes the site appear whole). The error, or nil.
    private static func writeFile(_ path: String, _ contents: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        var text = contents
        let error: String? = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
        if close(fd) != 0, error == nil { return String(cString: strerror(errno)) }
        return error
    }

    /// Writes `pages` (and the marker) as the whole content of the output directory.
    package func write(_ pages: [Page]) throws(Failure) {
        let seen = try OutputDirectory(output)
        if let refusal = seen.refusal(protecting: protected) { throw Failure(message: refusal) }
        let lock = try BuildLock(seen.sibling("lock"), output: output)
        // Under the lock, nothing else writes this output: whatever staging or old directory is
        // left beside it was left by a killed build; and the output is looked at again, as the
        // build that held the lock before may have made it.
        removeLeftovers(of: seen)
        let target = try OutputDirectory(output)
        guard target.path == seen.path else {
            throw Failure(message: "\(output) now leads to \(target.path), not \(seen.path) as a moment ago; nothing was written: build again")
        }
        if let refusal = target.refusal(protecting: protected) { throw Failure(message: refusal) }
        let staging = target.sibling("new-\(getpid())")
        do {
            try writeStaging(pages, at: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw Failure(message: "\(error.message); nothing was written, \(output) is unchanged")
        }
        try swap(staging, into: target)
        _ = consume lock
    }

    /// Every page and the marker in a new directory at `root`.
    private func writeStaging(_ pages: [Page], at root: String) throws(Failure) {
        let fm = FileManager.default
        guard mkdir(root, 0o755) == 0 else {
            throw Failure(message: "cannot create \(root) (\(OutputDirectory.lastError()))")
        }
        // Every path checked and every folder made once, then the files written on every core.
        var folders = Set<String>()
        for page in pages {
            let parts = page.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !page.path.hasPrefix("/"), !parts.isEmpty,
                  parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                throw Failure(message: "page path \"\(page.path)\" is not a relative path inside the site")
            }
            let folder = parts.dropLast().joined(separator: "/")
            if !folder.isEmpty, folders.insert(folder).inserted {
                do { try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) } catch {
                    throw Failure(message: "cannot create the folder \(folder) (\(SiteWriter.reason(error)))")
                }
            }
        }
        // A folder's files are written by one thread: two threads creating files in one folder
        // wait on its lock. The largest folders go first, so that they go to different threads.
        var byFolder: [String: [Int]] = [:]
        for (i, page) in pages.enumerated() {
            byFolder[page.path.split(separator: "/").dropLast().joined(separator: "/"), default: []].append(i)
        }
        let groups = byFolder.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map(\.value)
        let failures = ParallelMap.map(groups.count) { g -> String? in
            for i in groups[g] {
                if let error = SiteWriter.writeFile(root + "/" + pages[i].path, pages[i].contents) { return "\(pages[i].path): \(error)" }
            }
            return nil
        }
        // The first failure in page order.
        if let first = failures.compactMap({ $0 }).min() {
            throw Failure(message: "cannot write \(first)")
        }
        if let error = SiteWriter.writeFile(root + "/" + OutputDirectory.markerName, OutputDirectory.markerContents) {
            throw Failure(message: "cannot write \(OutputDirectory.markerName): \(error)")
        }
    }

    /// Puts the complete site at `staging` in place of the output and removes the old one.
    private func swap(_ staging: String, into target: OutputDirectory) throws(Failure) {
        let fm = FileManager.default
        guard target.exists else {
            guard rename(staging, target.path) == 0 else {
                let error = OutputDirectory.lastError()
                try? fm.removeItem(atPath: staging)
                throw Failure(message: "cannot move the new site to \(output) (\(error)); nothing was written, \(output) is unchanged")
            }
            return
        }
        switch atomicExchange ? DirectoryExchange.exchange(staging, target.path) : .unsupported {
        case .exchanged:
            // The old site is now at the staging name.
            do { try fm.removeItem(atPath: staging) } catch {
                throw Failure(message: "\(output) was replaced, but the previous site could not be removed (\(SiteWriter.reason(error))): "
                    + "it is at \(staging), and the next build removes it")
            }
        case .failed(let error):
            try? fm.removeItem(atPath: staging)
            throw Failure(message: "cannot replace \(output) (\(error)); nothing was written, \(output) is unchanged")
        case .unsupported:
            // Two renames: between them the output is absent, and every message says where each copy is.
            let old = target.sibling("old-\(getpid())")
            guard rename(target.path, old) == 0 else {
                let error = OutputDirectory.lastError()
                try? fm.removeItem(atPath: staging)
                throw Failure(message: "cannot move \(output) aside (\(error)); nothing was written, \(output) is unchanged")
            }
            guard rename(staging, target.path) == 0 else {
                let error = OutputDirectory.lastError()
                guard rename(old, target.path) == 0 else {
                    let back = OutputDirectory.lastError()
                    throw Failure(message: "cannot move the new site into \(output) (\(error)), nor the previous site back (\(back)): "
                        + "\(output) is missing; the previous site is at \(old) and the new one at \(staging): move one of them to \(output)")
                }
                try? fm.removeItem(atPath: staging)
                throw Failure(message: "cannot move the new site into \(output) (\(error)); nothing was written, \(output) is unchanged")
            }
            do { try fm.removeItem(atPath: old) } catch {
                throw Failure(message: "\(output) was replaced, but the previous site could not be removed (\(SiteWriter.reason(error))): "
                    + "it is at \(old), and the next build removes it")
            }
        }
    }

    /// Removes the staging and old directories that killed builds left beside the output: this
    /// writer's (`.site.tebiki-new-PID`, `.site.tebiki-old-PID`: any, since the lock is held) and
    /// those of tebiki before the marker (`.site.new-PID`, `.site.old-PID`, when PID is gone).
    private func removeLeftovers(of target: OutputDirectory) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: target.parent) else { return }
        let prefix = "." + target.name + "."
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            var leftover = rest.hasPrefix("tebiki-new-") || rest.hasPrefix("tebiki-old-")
            for legacy in ["new-", "old-"] where rest.hasPrefix(legacy) {
                if let pid = Int32(rest.dropFirst(legacy.count)), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { leftover = true }
            }
            if leftover { try? fm.removeItem(atPath: (target.parent == "/" ? "" : target.parent) + "/" + name) }
        }
    }

    /// A Foundation error in words: the system's reason when there is one, not a Cocoa error number.
    static func reason(_ error: Error) -> String { ErrorText.reason(error) }
}
