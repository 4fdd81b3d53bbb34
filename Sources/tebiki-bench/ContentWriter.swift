import ArgumentParser
import Foundation

/// Writes generated files under a directory (the generator's one writer).
struct ContentWriter {
    let directory: String

    func write(_ files: [String: String]) throws {
        let fm = FileManager.default
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } catch {
                throw ValidationError("cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
