import Testing
import TebikiBench

/// The benchmark's report (issue 6): medians, ratios, growth exponents and target verdicts from raw runs.
@Suite struct BenchReportTests {
    static func raw(_ lines: [String]) -> String { (["# header"] + lines).joined(separator: "\n") + "\n" }

    @Test("the median of an odd and an even number of runs", arguments: [
        ([3.0, 1.0, 2.0], 2.0), ([4.0, 1.0, 3.0, 2.0], 2.5), ([7.0], 7.0),
    ])
    func median(values: [Double], expected: Double) {
        #expect(BenchReport.median(values) == expected)
    }

    @Test("a malformed line is reported with its number")
    func malformed() {
        guard case .failure(let e) = BenchRun.parse(Self.raw(["tebiki-build\t10\t1\tfast\t100\t5\tok\t1"])) else {
            Issue.record("a non-numeric wall time was accepted"); return
        }
        #expect(e.line == 2)
    }

    @Test("ratios, growth and targets follow from the medians; failed runs are left out")
    func figures() throws {
        let text = Self.raw([
            "tebiki-build\t10\t1\t0.10\t1000\t20\tok\t0.1",
            "tebiki-build\t100\t1\t1.00\t2000\t200\tok\t1.0",
            "tebiki-build\t1000\t1\t40.0\t9000\t2000\tfailed:1\t40",
            "tebiki-build\t1000\t2\t10.0\t3000\t2000\tok\t10",
            "tebiki-build\t1000\t3\t12.0\t5000\t2000\tok\t12",
            "hugo\t1000\t1\t44.0\t4000\t2000\tok\t44",
            "cmark-gfm\t1000\t1\t1.0\t1000\t2000\tok\t1",
            "tebiki-check\t1000\t1\t0\t0\t0\tunavailable\t0",
        ])
        let runs = try BenchRun.parse(text).get()
        let report = BenchReport(measurements: runs, machine: [("nproc", "2")])
        let build = try #require(report.row("tebiki-build", "1000"))
        #expect(build.runs == 2 && build.wallSeconds == 11.0 && build.maxRSSKilobytes == 4000)
        #expect(build.pagesPerSecond.map { Int($0) } == 181)
        #expect(report.timeRatio(build, report.row("hugo", "1000")) == 0.25)
        let growth = report.growth("tebiki-build")
        #expect(growth.count == 2)
        #expect(abs(growth[0].exponent - 1.0) < 1e-9)
        #expect(growth[1].exponent > 1.0)
        let verdicts = Dictionary(uniqueKeysWithValues: report.targets.map { ($0.id, $0.verdict) })
        #expect(verdicts["build-vs-hugo-time"] == .met)
        #expect(verdicts["build-vs-hugo-memory"] == .met)
        #expect(verdicts["check-large"] == .unmeasured)
        #expect(verdicts["tebiki-build-linear"] == .met)
        #expect(report.text.contains("not yet available"))
        #expect(report.json.contains("\"verdict\": \"not measured\""))
    }
}
