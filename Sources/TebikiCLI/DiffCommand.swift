import ArgumentParser
import TebikiDiff
import TebikiModel

/// `tebiki diff A B`: what changes for customers, and in the rules, steps and labels, from A to B.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two models of the policy: behaviour, rules, procedures, console labels, texts.",
        discussion: """
            Each side is an edition id of the content directory (2024-10-25), a content directory,
            or git:REV (the content directory as committed at REV; the working tree is not touched):
              tebiki diff 2024-10-25 2025-12-19
              tebiki diff git:HEAD~1 content --format json
            Exit status: 0 done (with --exit-code: no changes); 1 with --exit-code, there are changes;
            2 a side cannot be read or its content has errors.
            """
    )

    @Argument(help: ArgumentHelp("The model before: an edition id, a content directory or git:REV.", valueName: "before"))
    var before: String

    @Argument(help: ArgumentHelp("The model after: an edition id, a content directory or git:REV.", valueName: "after"))
    var after: String

    @Option(name: .long, help: ArgumentHelp("The content directory edition ids and git:REV refer to.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: "Output format: markdown (for a pull-request comment), html or json.")
    var format: String = "markdown"

    @Option(name: .long, help: "Language of the words: ja or en (any language the later model declares).")
    var lang: String = "ja"

    @Flag(name: .long, help: "Exit with status 1 when there are changes, as git diff --exit-code does.")
    var exitCode = false

    func run() throws {
        try running { () throws(ExitStatus) in
            let formats = ["markdown", "html", "json"]
            guard formats.contains(format) else {
                Console.err("tebiki: diff: --format: unknown format \"\(format)\"; expected one of: \(formats.joined(separator: ", "))\n")
                throw ExitStatus(2)
            }
            // load
            let resolver = DiffSideResolver(contentDirectory: content)
            let beforeModel = try resolver.load(before)
            let afterModel = try resolver.load(after)
            guard let language = afterModel.language(lang) ?? beforeModel.language(lang) else {
                Console.err("tebiki: diff: --lang: unknown language \"\(lang)\"; expected one of: \(afterModel.languages.map(\.id).joined(separator: ", "))\n")
                throw ExitStatus(2)
            }
            // evaluate
            let diff = ModelDiffer.diff(before: beforeModel, after: afterModel, beforeName: before, afterName: after)
            // render, write
            switch format {
            case "json": Console.out(DiffJSON.text(diff))
            case "html":
                let markdown = DiffMarkdown(diff: diff, before: beforeModel, after: afterModel, language: language).text
                let title = afterModel.string("diff.title", language.id).replacingAll("{before}", with: before).replacingAll("{after}", with: after)
                guard let page = DiffHTML.page(markdown: markdown, title: title, language: language.id) else {
                    Console.err("tebiki: \(Stage.render): cmark-gfm could not render the diff\n")
                    throw ExitStatus(2)
                }
                Console.out(page)
            default: Console.out(DiffMarkdown(diff: diff, before: beforeModel, after: afterModel, language: language).text)
            }
            if exitCode && !diff.isEmpty { throw ExitStatus(1) }
        }
    }
}
