import Foundation

/// Content read from a directory on disk.
public struct FileSystemContentSource: ContentSource {
    /// The content directory, as given.
    public var directory: String
    /// The directory's last path component.
    public var name: String

    /// Creates a source for the content directory at `directory`.
    public init(directory: String) {
        self.directory = directory
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        let last = url.lastPathComponent
        self.name = last.isEmpty || last == "/" ? "content" : last
    }

    /// The UTF-8 text of the file at `path` under the directory. The file must be inside the
    /// directory once every symbolic link is followed: a link that leads out is refused unread.
    public func read(_ path: String) -> Result<String, ContentReadError> {
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
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.unreadable("it is not UTF-8 text")) }
        return .success(text)
    }

    /// The path with every symbolic link and `..` resolved, or nil.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
