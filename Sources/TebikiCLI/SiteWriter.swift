import Foundation
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
            let failures = ParallelMap.map(pages.count) { i -> String? in
                do { try Data(pages[i].contents.utf8).write(to: staging.appendingPathComponent(pages[i].path)) } catch {
                    return "\(pages[i].path): \(error.localizedDescription)"
                }
                return nil
            }
            if let first = failures.lazy.compactMap({ $0 }).first {
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
