import TebikiModel

/// Why the site cannot be built: a diagnostic of the render stage (a template's, with its file
/// and line, or the renderer's).
package struct SiteBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and where.
    package var diagnostic: Diagnostic

    /// An error of `rule` at `location`.
    package init(_ rule: DiagnosticRule, at location: SourceLocation? = nil, _ message: String) {
        diagnostic = Diagnostic(rule, at: location, message)
    }

    /// The stage that failed (render).
    package var stage: Stage { diagnostic.stage }

    package var description: String { diagnostic.oneLine }
}
