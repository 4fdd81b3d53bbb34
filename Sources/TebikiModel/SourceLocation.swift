/// Where a model element or a diagnostic comes from: a file, a 1-based line and column.
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file path as given to the loader (relative to the content directory's parent).
    package var file: String
    /// 1-based line.
    package var line: Int
    /// 1-based column (in Unicode scalars).
    package var column: Int

    /// Creates a location.
    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form editors and CI annotators understand.
    package var description: String { "\(file):\(line):\(column)" }

    package static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// A location for elements that were not read from a file (tests, synthetic models).
    package static let unknown = SourceLocation(file: "<memory>", line: 0, column: 0)
}
