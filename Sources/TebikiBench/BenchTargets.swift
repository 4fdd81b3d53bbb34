/// The targets of issue 6, judged on a report.
package struct BenchTarget: Sendable, Hashable {
    /// `met`, `missed` or `not measured`.
    package enum Verdict: String, Sendable { case met, missed, unmeasured = "not measured" }

    package var id: String
    package var text: String
    package var verdict: Verdict
    /// The figure the verdict rests on, in words.
    package var figure: String
}

extension BenchReport {
    /// The largest size measured (1000 in a full run).
    var largest: String { sizes.last.map(String.init) ?? "1000" }

    /// Every target of issue 6 with its verdict on this report.
    package var targets: [BenchTarget] {
        let n = largest
        let build = row("tebiki-build", n), hugo = row("hugo", n), check = row("tebiki-check", n), real = row("tebiki-check", "real")
        var result: [BenchTarget] = []
        func judge(_ id: String, _ text: String, _ value: Double?, _ holds: (Double) -> Bool, _ shown: (Double) -> String) {
            guard let value else { result.append(BenchTarget(id: id, text: text, verdict: .unmeasured, figure: "—")); return }
            result.append(BenchTarget(id: id, text: text, verdict: holds(value) ? .met : .missed, figure: shown(value)))
        }
        judge("build-vs-hugo-time", "tebiki build at least 2× faster than Hugo on the same pages (N=\(n))",
              timeRatio(build, hugo), { $0 <= 0.5 }, { "tebiki ÷ Hugo = \(Format.ratio($0))" })
        judge("build-vs-hugo-memory", "tebiki build peak memory no more than Hugo's (N=\(n))",
              memoryRatio(build, hugo), { $0 <= 1 }, { "tebiki ÷ Hugo = \(Format.ratio($0))" })
        judge("check-large", "tebiki check under 10 s (N=\(n))", check?.wallSeconds, { $0 < 10 }, { Format.seconds($0) })
        judge("check-real", "tebiki check under 0.2 s on content/", real?.wallSeconds, { $0 < 0.2 }, { Format.seconds($0) })
        for tool in ["tebiki-build", "tebiki-check"] {
            let steps = growth(tool)
            let worst = steps.map(\.exponent).max()
            judge("\(tool)-linear", "\(tool) time growing about linearly with N (exponent ≤ 1.2 between sizes)", worst, { $0 <= 1.2 }, { "largest exponent \(Format.ratio($0))" })
        }
        return result
    }
}
