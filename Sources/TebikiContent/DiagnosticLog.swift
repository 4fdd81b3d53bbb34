import TebikiModel

/// Collects the diagnostics of one load: every problem is recorded and loading goes on.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    /// Records a diagnostic of `rule` (every rule of the loader is an error).
    func error(_ rule: DiagnosticRule, at location: SourceLocation?, _ summary: String, explanation: String = "", suggestion: String? = nil) {
        diagnostics.append(Diagnostic(rule, at: location, summary, explanation: explanation, suggestion: suggestion))
    }

    /// Records a diagnostic as it is.
    func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// True when an error was recorded.
    var hasErrors: Bool { diagnostics.hasErrors }
}
