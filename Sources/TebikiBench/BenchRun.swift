/// One timed run of the benchmark, as `scripts/bench` records it in `raw.tsv`:
/// `tool<TAB>size<TAB>run<TAB>wall_seconds<TAB>max_rss_kb<TAB>pages<TAB>status<TAB>cpu_seconds`.
package struct BenchRun: Sendable, Hashable {
    /// What ran: `tebiki-load`, `tebiki-build`, `tebiki-check`, `hugo`, `cmark-gfm`.
    package var tool: String
    /// The model: a number of products, or `real` (content/).
    package var size: String
    /// The run's number, from 1.
    package var run: Int
    /// Elapsed wall-clock time, in seconds.
    package var wallSeconds: Double
    /// Peak resident memory, in kilobytes (`/usr/bin/time` %M).
    package var maxRSSKilobytes: Int
    /// Markdown pages the run processed (0 when it has no pages).
    package var pages: Int
    /// `ok`, or why there is no figure: `unavailable` (the command does not exist yet), `failed:CODE`, `timeout`.
    package var status: String
    /// User plus system CPU time, in seconds: steadier than wall time on a shared machine, and
    /// above the wall time when both cores work.
    package var cpuSeconds: Double

    /// Parses `raw.tsv`; a line that is not seven tab-separated fields is reported with its number.
    package static func parse(_ text: String) -> Result<[BenchRun], ParseError> {
        var result: [BenchRun] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 8, let run = Int(f[2]), let wall = Double(f[3]), let rss = Int(f[4]), let pages = Int(f[5]),
                  let cpu = Double(f[7]) else {
                return .failure(ParseError(line: index + 1, text: String(line)))
            }
            result.append(BenchRun(tool: f[0], size: f[1], run: run, wallSeconds: wall, maxRSSKilobytes: rss, pages: pages, status: f[6], cpuSeconds: cpu))
        }
        return .success(result)
    }

    /// A line of `raw.tsv` that could not be read.
    package struct ParseError: Error, Sendable, CustomStringConvertible {
        package var line: Int
        package var text: String
        package var description: String {
            "raw.tsv:\(line): expected tool, size, run, wall seconds, max RSS (kB), pages, status and CPU seconds separated by tabs; got \"\(text)\""
        }
    }
}
