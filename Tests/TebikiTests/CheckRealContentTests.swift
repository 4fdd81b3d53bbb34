import TebikiCheck
import TebikiModel
import Testing

/// The real content/ passes the check: no errors, every scenario class covered.
@Suite("Check: real content")
struct CheckRealContentTests {
    static let report = Checker(model: realModel).check()

    @Test("the real content has no errors")
    func noErrors() {
        let errors = Self.report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.oneLine) == [])
        #expect(Self.report.classesChecked > 0)
    }
}
