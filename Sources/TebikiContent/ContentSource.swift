/// Why a content file could not be read.
package enum ContentReadError: Error, Sendable, Hashable {
    /// There is no file at the path.
    case missing
    /// The file exists but cannot be read as UTF-8 text.
    case unreadable(String)
}

/// The rule for paths inside the content directory (an edition's `path`, a file the loader reads):
/// relative, and never through `..`, so that content cannot name a file outside its directory.
package enum ContentPath {
    /// Why `path` cannot name something inside the content directory, or nil.
    package static func problem(_ path: String) -> String? {
        if path.isEmpty { return "is empty" }
        if path.hasPrefix("/") { return "is absolute ('\(path)'); it must be relative to the content directory" }
        if path.split(separator: "/").contains("..") {
            return "goes up with '..' ('\(path)'); it must stay inside the content directory"
        }
        return nil
    }
}

/// Where content files come from: a directory on disk, or a dictionary of texts in tests.
/// The loader reads through this and nothing else, so it never touches the disk itself.
package protocol ContentSource: Sendable {
    /// The name locations give the content directory (its last path component, `content`).
    var name: String { get }
    /// The text of the file at `path`, relative to the content directory (`editions/2025-12-19/rules.yaml`).
    func read(_ path: String) -> Result<String, ContentReadError>
}

/// Content held in memory: file texts by path relative to the content directory.
package struct InMemoryContentSource: ContentSource {
    /// Texts by relative path.
    package var files: [String: String]
    /// The name locations give the content directory.
    package var name: String

    /// Creates a source from texts by relative path.
    package init(_ files: [String: String], name: String = "content") {
        self.files = files
        self.name = name
    }

    /// The text at `path`, or `.missing`.
    package func read(_ path: String) -> Result<String, ContentReadError> {
        files[path].map { .success($0) } ?? .failure(.missing)
    }
}
