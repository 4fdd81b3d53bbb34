import Foundation

/// The benchmark's figures: per tool and size, the median of the runs; the ratios against Hugo and
/// the cmark-gfm floor; how time grows with N; and whether the targets of issue 6 are met.
package struct BenchReport: Sendable {
    /// The median figures of one tool on one model.
    package struct Row: Sendable, Hashable {
        package var tool: String
        package var size: String
        package var runs: Int
        package var status: String
        package var wallSeconds: Double?
        package var maxRSSKilobytes: Int?
        /// Median user + system CPU seconds.
        package var cpuSeconds: Double?
        package var pages: Int
        /// Pages per second (nil without pages or time).
        package var pagesPerSecond: Double? {
            guard let w = wallSeconds, w > 0, pages > 0 else { return nil }
            return Double(pages) / w
        }
    }

    package var rows: [Row]
    /// Facts about the machine and the tools (`nproc`, `cpu`, `hugo` …), in the order given.
    package var machine: [(String, String)]

    /// Medians of the successful runs of every (tool, size), in the order they first appear.
    package init(measurements: [BenchRun], machine: [(String, String)]) {
        self.machine = machine
        var order: [String] = []
        var groups: [String: [BenchRun]] = [:]
        for m in measurements {
            let key = m.tool + "\t" + m.size
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(m)
        }
        rows = order.compactMap { key in
            guard let runs = groups[key], let first = runs.first else { return nil }
            let ok = runs.filter { $0.status == "ok" }
            return Row(
                tool: first.tool, size: first.size, runs: ok.count,
                status: ok.isEmpty ? (runs.last?.status ?? "unavailable") : "ok",
                wallSeconds: BenchReport.median(ok.map(\.wallSeconds)),
                maxRSSKilobytes: BenchReport.median(ok.map { Double($0.maxRSSKilobytes) }).map { Int($0.rounded()) },
                cpuSeconds: BenchReport.median(ok.map(\.cpuSeconds)),
                pages: ok.map(\.pages).max() ?? 0)
        }
    }

    /// The median (the mean of the two middle values for an even count); nil when empty.
    package static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The row of `tool` on `size`, if it has figures.
    package func row(_ tool: String, _ size: String) -> Row? {
        rows.first { $0.tool == tool && $0.size == size && $0.status == "ok" }
    }

    /// The sizes with a number of products, ascending.
    package var sizes: [Int] {
        Array(Set(rows.compactMap { Int($0.size) })).sorted()
    }

    /// `a ÷ b` of wall time, when both have figures.
    package func timeRatio(_ a: Row?, _ b: Row?) -> Double? {
        guard let x = a?.wallSeconds, let y = b?.wallSeconds, y > 0 else { return nil }
        return x / y
    }

    /// `a ÷ b` of peak memory, when both have figures.
    package func memoryRatio(_ a: Row?, _ b: Row?) -> Double? {
        guard let x = a?.maxRSSKilobytes, let y = b?.maxRSSKilobytes, y > 0 else { return nil }
        return Double(x) / Double(y)
    }

    /// How a tool's time grows between consecutive sizes: the exponent k of t ∝ Nᵏ (1: linear, 2: quadratic).
    /// `cpu`: of CPU time rather than wall time (steadier when other work shares the machine).
    package func growth(_ tool: String, cpu: Bool = false) -> [(from: Int, to: Int, timeRatio: Double, exponent: Double)] {
        let points = sizes.compactMap { n in (cpu ? row(tool, String(n))?.cpuSeconds : row(tool, String(n))?.wallSeconds).map { (n, $0) } }
        guard points.count >= 2 else { return [] }
        return zip(points, points.dropFirst()).compactMap { a, b in
            guard a.1 > 0, b.1 > 0 else { return nil }
            let ratio = b.1 / a.1
            return (a.0, b.0, ratio, Foundation.log(ratio) / Foundation.log(Double(b.0) / Double(a.0)))
        }
    }
}
