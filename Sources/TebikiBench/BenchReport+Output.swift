/// The report as a table for people and as JSON for machines (keys in a fixed order).
extension BenchReport {
    /// The printed report: figures, ratios, growth and targets.
    package var text: String {
        var out = "tebiki benchmark (median of the runs; wall time and peak resident memory)\n"
        out += machine.map { "  \($0.0): \($0.1)" }.joined(separator: "\n") + "\n\n"
        var table = [["tool", "model", "runs", "wall", "CPU", "peak RSS", "pages", "pages/s"]]
        for r in rows {
            let model = r.size == "real" ? "content/" : "N=\(r.size)"
            if r.status != "ok" {
                table.append([r.tool, model, "0", r.status == "unavailable" ? "not yet available" : r.status, "", "", "", ""])
                continue
            }
            table.append([r.tool, model, String(r.runs), r.wallSeconds.map(Format.seconds) ?? "—", r.cpuSeconds.map(Format.seconds) ?? "—",
                          r.maxRSSKilobytes.map(Format.megabytes) ?? "—", r.pages > 0 ? String(r.pages) : "—",
                          r.pagesPerSecond.map(Format.rate) ?? "—"])
        }
        out += Format.table(table) + "\n\n"
        let n = largest
        out += "Ratios at N=\(n):\n"
        for (label, a, b) in ratioPairs(n) {
            let t = timeRatio(a, b).map(Format.ratio) ?? "not measured"
            let m = memoryRatio(a, b).map(Format.ratio) ?? "not measured"
            out += "  \(label): time \(t), peak memory \(m)\n"
        }
        out += "\nGrowth with N (t ∝ N^k; wall time, then CPU time):\n"
        for tool in growthTools {
            for cpu in [false, true] {
                let steps = growth(tool, cpu: cpu)
                out += "  \(tool) \(cpu ? "CPU " : "wall"): " + (steps.isEmpty ? "not measured" : steps.map { "N \($0.from)→\($0.to) ×\(Format.ratio($0.timeRatio)) (k=\(Format.ratio($0.exponent)))" }.joined(separator: ", ")) + "\n"
            }
        }
        out += "\nTargets (issue 6):\n"
        for t in targets { out += "  [\(t.verdict.rawValue)] \(t.text): \(t.figure)\n" }
        return out
    }

    /// The report as JSON.
    package var json: String {
        func num(_ d: Double?) -> String { d.map(Format.number) ?? "null" }
        func int(_ i: Int?) -> String { i.map(String.init) ?? "null" }
        let n = largest
        var parts: [String] = []
        parts.append("\"machine\": {" + machine.map { "\(Format.json($0.0)): \(Format.json($0.1))" }.joined(separator: ", ") + "}")
        parts.append("\"results\": [\n" + rows.map { r in
            "    {\"tool\": \(Format.json(r.tool)), \"model\": \(Format.json(r.size)), \"status\": \(Format.json(r.status)), \"runs\": \(r.runs), "
                + "\"wall_seconds_median\": \(num(r.wallSeconds)), \"cpu_seconds_median\": \(num(r.cpuSeconds)), \"max_rss_kb_median\": \(int(r.maxRSSKilobytes)), "
                + "\"pages\": \(r.pages), \"pages_per_second\": \(num(r.pagesPerSecond))}"
        }.joined(separator: ",\n") + "\n  ]")
        parts.append("\"ratios\": [\n" + ratioPairs(n).map { label, a, b in
            "    {\"pair\": \(Format.json(label)), \"model\": \(Format.json(n)), \"time\": \(num(timeRatio(a, b))), \"memory\": \(num(memoryRatio(a, b)))}"
        }.joined(separator: ",\n") + "\n  ]")
        for cpu in [false, true] {
            parts.append("\"\(cpu ? "growth_cpu" : "growth")\": {" + growthTools.map { tool in
            "\(Format.json(tool)): [" + growth(tool, cpu: cpu).map {
                "{\"from\": \($0.from), \"to\": \($0.to), \"time_ratio\": \(Format.number($0.timeRatio)), \"exponent\": \(Format.number($0.exponent))}"
            }.joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "}")
        }
        parts.append("\"targets\": [\n" + targets.map {
            "    {\"id\": \(Format.json($0.id)), \"target\": \(Format.json($0.text)), \"verdict\": \(Format.json($0.verdict.rawValue)), \"figure\": \(Format.json($0.figure))}"
        }.joined(separator: ",\n") + "\n  ]")
        return "{\n  " + parts.joined(separator: ",\n  ") + "\n}\n"
    }

    private var growthTools: [String] { ["tebiki-load", "tebiki-build", "tebiki-check"] }

    private func ratioPairs(_ n: String) -> [(String, Row?, Row?)] {
        let build = row("tebiki-build", n)
        return [("tebiki build ÷ Hugo", build, row("hugo", n)), ("tebiki build ÷ cmark-gfm floor", build, row("cmark-gfm", n))]
    }
}
