import TebikiContent
import TebikiModel

/// The stages of every command, in one visible order:
/// load → validate → evaluate → check → render → write.
/// Each command runs a prefix of them; a stage that fails names itself in the error.
package enum Stage: String {
    case load, validate, evaluate, check, render, write
}

/// Loads content/ and reports its diagnostics on standard error.
package struct Pipeline {
    /// The content directory.
    package var contentDirectory: String
    /// The edition, or nil for the current one.
    package var edition: String?

    package init(contentDirectory: String, edition: String?) {
        self.contentDirectory = contentDirectory
        self.edition = edition
    }

    /// The model, or exit status 2 after printing every error (the command cannot run).
    package func loadModel() throws(ExitStatus) -> Model {
        let result = ContentLoader.load(contentDirectory: contentDirectory, edition: edition)
        let diagnostics = result.diagnostics
        for d in diagnostics where d.severity != .note { Console.err(d.oneLine + "\n") }
        guard let model = result.model, !diagnostics.hasErrors else {
            let count = diagnostics.filter { $0.severity == .error }.count
            Console.err("tebiki: \(Stage.load.rawValue): \(contentDirectory) has \(count) error\(count == 1 ? "" : "s"); nothing was done\n")
            throw ExitStatus(2)
        }
        return model
    }
}
