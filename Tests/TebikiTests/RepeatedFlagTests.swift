import Foundation
import Testing
import ArgumentParser
@testable import TebikiCLI

/// A flag given twice used to take its last value silently (issue 15); now it is refused,
/// as a duplicate JSON key is, naming the flag, with exit status 1.
@Suite("Repeated flags are refused")
struct RepeatedFlagTests {
    @Test("a fact given twice, in any spelling, is refused naming it", arguments: [
        (["--cash-paid", "1.00", "--cash-paid", "2.00"], "--cash-paid given twice (\"1.00\", then \"2.00\")"),
        (["--cash-paid=1.00", "cash_paid=2.00"], "--cash-paid given twice"),
        (["--promotion", "--promotion", "false"], "--promotion given twice"),
    ])
    func repeatedFact(_ words: [String], _ expected: String) {
        switch FactFlags.parse(words) {
        case .success(let pairs): Issue.record("accepted \(pairs)")
        case .failure(let f): #expect(f.message.contains(expected), "\(f.message)")
        }
    }

    @Test("a single-value option given twice is refused; distinct options and a value after -- are not", arguments: [
        (["explain", "--lang", "ja", "--lang", "en"], "--lang given twice; give it once" as String?),
        (["check", "--format=json", "--format", "text"], "--format given twice; give it once"),
        (["build", "--output", "a", "--output=b"], "--output given twice; give it once"),
        (["diff", "a", "b", "--content", "x", "--content", "y"], "--content given twice; give it once"),
        (["explain", "--lang", "ja", "--format", "json", "--cash-paid", "1"], nil),
        (["diff", "--format", "html", "--", "--format"], nil),
    ])
    func repeatedOption(_ arguments: [String], _ expected: String?) {
        #expect(RepeatedOption.message(arguments) == expected)
    }

    @Test("tebiki explain with a repeated flag exits 1 with one line naming it", arguments: [
        ["--product", "ssl-certificate", "--cash-paid", "1.00", "--cash-paid", "2.00"],
        ["--lang", "en", "--lang", "ja", "--product", "ssl-certificate"],
    ])
    func explainExits(_ flags: [String]) throws {
        let run = try TestTools.run(try TestTools.tebiki(), ["explain", "--content", repositoryRoot + "/content"] + flags)
        #expect(run.status == 1, "exit \(run.status): \(run.err)")
        #expect(run.err.split(separator: "\n").count == 1 && run.err.contains("given twice"), "\(run.err)")
    }

    @Test("the table of single-value options is every command's options that take a value", arguments: [
        ("explain", ExplainCommand.self as ParsableCommand.Type), ("build", BuildCommand.self), ("check", CheckCommand.self), ("diff", DiffCommand.self),
    ])
    func tableComplete(_ name: String, _ command: ParsableCommand.Type) throws {
        let help = TebikiCommand.helpMessage(for: command, columns: 1_000)
        let regex = try Regex("--([a-z-]+) <")
        let options = Set(help.matches(of: regex).map { String(help[$0.range].dropFirst(2).dropLast(2)) })
        #expect(!options.isEmpty)
        #expect(options == RepeatedOption.singleValued[name], "\(help)")
    }
}
