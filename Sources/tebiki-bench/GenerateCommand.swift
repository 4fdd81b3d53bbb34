import ArgumentParser
import Foundation
import TebikiBench
import TebikiContent

/// `tebiki-bench generate --products N --output DIR`: writes a synthetic content directory and
/// checks that it loads with no diagnostic at all.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic content directory of N products, shaped like content/."
    )

    @Option(name: .long, help: "How many products (4 or more gives every shape of product).")
    var products: Int

    @Option(name: .long, help: ArgumentHelp("The directory to write (created; its generated files are replaced).", valueName: "dir"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("The real strings.yaml, copied as it is (the tool's own words).", valueName: "file"))
    var strings: String = "content/strings.yaml"

    func validate() throws {
        guard products >= 1 else { throw ValidationError("--products must be 1 or more (got \(products))") }
    }

    func run() throws {
        guard let stringsText = try? String(contentsOfFile: strings, encoding: .utf8) else {
            throw ValidationError("--strings \(strings): cannot read the file; expected the content's strings.yaml")
        }
        let files = BenchGenerator(products: products, strings: stringsText).files()
        let loaded = ContentLoader.load(from: InMemoryContentSource(files, name: URL(fileURLWithPath: output).lastPathComponent))
        if !loaded.diagnostics.isEmpty {
            for d in loaded.diagnostics { FileHandle.standardError.write(Data((d.oneLine + "\n").utf8)) }
            throw ExitCode(2)
        }
        try ContentWriter(directory: output).write(files)
        print("\(output): \(products) products, \(files.count) files, \(files.values.reduce(0) { $0 + $1.utf8.count }) bytes; loads with no diagnostic")
    }
}
