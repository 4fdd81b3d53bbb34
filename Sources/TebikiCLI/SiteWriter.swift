import Foundation
import Glibc
import TebikiModel
import TebikiRender

/// The one writer of the site: writes every page into a temporary directory beside the output,
/// then swaps it in. A failure at any point removes the temporary directory and leaves the
/// previous output exactly as it was.
package struct SiteWriter {
    /// Why the site could not be written.
    package struct Failure: Error, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    /// The output directory (`site`).
    package let output: String

    package init(output: String) { self.output = output }

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

    /// Writes `pages` as the whole content of the output directory.
    package func write(_ pages: [Page]) throws(Failure) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        let previous = parent.appendingPathComponent(".\(name).old-\(pid)")
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Failure(message: "\(output) exists and is not a directory; nothing was written")
        }
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
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
                    try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                }
            }
            // A folder's files are written by one thread: two threads creating files in one folder
            // wait on its lock. The largest folders go first, so that they go to different threads.
            var byFolder: [String: [Int]] = [:]
            for (i, page) in pages.enumerated() {
                byFolder[page.path.split(separator: "/").dropLast().joined(separator: "/"), default: []].append(i)
            }
            let groups = byFolder.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map(\.value)
            let root = staging.path
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
        } catch let failure as Failure {
            try? fm.removeItem(at: staging)
            throw Failure(message: "\(failure.message); \(output) is unchanged")
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure(message: "cannot write the new site beside \(output) (\(error.localizedDescription)); \(output) is unchanged")
        }
        // Swap: the old directory aside, the new one in, the old one removed.
        let hadPrevious = fm.fileExists(atPath: target.path)
        if hadPrevious {
            try? fm.removeItem(at: previous)
            do { try fm.moveItem(at: target, to: previous) } catch {
                try? fm.removeItem(at: staging)
                throw Failure(message: "cannot move \(output) aside (\(error.localizedDescription)); \(output) is unchanged")
            }
        }
        do { try fm.moveItem(at: staging, to: target) } catch {
            if hadPrevious { try? fm.moveItem(at: previous, to: target) }
            try? fm.removeItem(at: staging)
            throw Failure(message: "cannot move the new site into \(output) (\(error.localizedDescription)); \(output) is unchanged")
        }
        if hadPrevious { try? fm.removeItem(at: previous) }
    }
}
