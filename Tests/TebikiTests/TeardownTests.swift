import Testing
@testable import TebikiCLI

/// Only the `tebiki` executable keeps its work until exit; commands the tests run in-process
/// must free theirs, or a long test run would hold every model it ever loaded.
@Suite("Teardown")
struct TeardownTests {
    final class Probe: Sendable {}

    @Test("without the executable's switch, a value given to keep is freed as usual")
    func keptValuesAreFreedWhenNotSkipping() {
        weak var probe: Probe?
        do {
            let value = Probe()
            probe = value
            Teardown.keep(value)
            #expect(probe != nil)
        }
        #expect(probe == nil)
    }
}
