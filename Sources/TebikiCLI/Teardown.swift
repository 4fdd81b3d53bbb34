import Synchronization

/// What the `tebiki` executable does not free before it exits.
///
/// A command's work (a model of a thousand products, its hundreds of thousands of decided
/// scenarios, every page of the site) took half a second to free, on one core, after the output
/// was already written; the operating system takes the memory back at exit for nothing. So the
/// executable keeps those values until the process ends, as compilers do. Only the executable
/// turns this on (`main.swift`): commands that the tests run in-process free their work as usual.
package enum Teardown {
    private static let state = Mutex<(skipping: Bool, kept: [any Sendable])>((false, []))

    /// From now on, `keep` holds its values until the process exits.
    package static func skipAtExit() {
        state.withLock { $0.skipping = true }
    }

    /// Keeps `value` alive until exit when the executable asked for it (else does nothing).
    package static func keep(_ value: any Sendable) {
        state.withLock { if $0.skipping { $0.kept.append(value) } }
    }
}
