/// Why the site cannot be built: the stage and what is wrong, in one line for the reader.
public struct SiteBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stage that failed (`templates`, `render`).
    public var stage: String
    /// What is wrong and where.
    public var message: String

    /// Creates an error.
    public init(stage: String, message: String) { self.stage = stage; self.message = message }

    public var description: String { "\(stage): \(message)" }
}
