import ArgumentParser
import Foundation
import TebikiBench

/// `tebiki-bench report --raw raw.tsv --machine machine.tsv --json results.json`: medians, ratios,
/// growth and targets; prints the table and writes the JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Summarise the benchmark's runs.")

    @Option(name: .long, help: ArgumentHelp("The runs, as scripts/bench records them.", valueName: "file"))
    var raw: String

    @Option(name: .long, help: ArgumentHelp("Facts about the machine: key<TAB>value per line.", valueName: "file"))
    var machine: String?

    @Option(name: .long, help: ArgumentHelp("Where to write the JSON results.", valueName: "file"))
    var json: String

    func run() throws {
        guard let rawText = try? String(contentsOfFile: raw, encoding: .utf8) else {
            throw ValidationError("--raw \(raw): cannot read the file")
        }
        let measurements: [BenchRun]
        switch BenchRun.parse(rawText) {
        case .success(let m): measurements = m
        case .failure(let e): throw ValidationError(e.description)
        }
        var facts: [(String, String)] = []
        if let machine, let text = try? String(contentsOfFile: machine, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let f = line.split(separator: "\t", maxSplits: 1).map(String.init)
                if f.count == 2 { facts.append((f[0], f[1])) }
            }
        }
        let report = BenchReport(measurements: measurements, machine: facts)
        do { try Data(report.json.utf8).write(to: URL(fileURLWithPath: json)) } catch {
            throw ValidationError("--json \(json): cannot write: \(error.localizedDescription)")
        }
        print(report.text, terminator: "")
        print("\nresults: \(json)")
    }
}
