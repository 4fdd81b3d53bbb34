import Foundation

/// Content read from a directory on disk.
package struct FileSystemContentSource: ContentSource {
    /// The content directory, as given.
    package var directory: String
    /// The directory's last path component.
    package var name: String

    /// Creates a source for the content directory at `directory`.
    package init(directory: String) {
        self.directory = directory
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        let last = url.lastPathComponent
        self.name = last.isEmpty || last == "/" ? "content" : last
    }

    /// The UTF-8 text of the file at `path` under the directory. The file must be inside the
    /// directory once every symbolic link is followed: a link that leads out is refused unread.
    package func read(_ path: String) -> Result<String, ContentReadError> {
        if let problem = ContentPath.problem(path) { return .failure(.unreadable("its path \(problem)")) }
        let full = directory.hasSuffix("/") ? directory + path : directory + "/" + path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(.missing)
        }
        guard let root = Self.realPath(directory), let real = Self.realPath(full) else {
            return .failure(.unreadable("its path cannot be resolved"))
        }
        guard real.hasPrefix(root == "/" ? "/" : root + "/") else {
            return .failure(.unreadable("it is a symbolic link (or under one) that leads outside \(name)/, to \(real); content files must be inside the content directory"))
        }
        guard let data = FileManager.default.contents(atPath: full) else { return .failure(.unreadable("it cannot be opened")) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.unreadable(Self.notUTF8(data))) }
        return .success(text)
    }

    /// Where bytes that are not UTF-8 first occur, in lines and columns of the text before them.
    static func notUTF8(_ data: Data) -> String {
        var bytes = data.makeIterator(), parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                if Unicode.UTF8.decode(encoded) == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error:
                return "it is not UTF-8 text: line \(line), column \(column) holds a byte that is not UTF-8"
            case .emptyInput:
                return "it is not UTF-8 text"
            }
        }
    }

    /// The path with every symbolic link and `..` resolved, or nil.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
