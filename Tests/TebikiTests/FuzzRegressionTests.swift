import Foundation
import Testing
import TebikiCLI

/// Every input the fuzzer once crashed on (`scripts/fuzz`), kept in `Fixtures/fuzz/TARGET/` and
/// read again through the same front door, so that a fixed crash stays fixed.
@Suite("Inputs that once crashed tebiki are read without a crash")
struct FuzzRegressionTests {
    static let fixtures = repositoryRoot + "/Tests/TebikiTests/Fixtures/fuzz"

    /// (target, file name) for every kept input.
    static let inputs: [(String, String)] = {
        FrontDoor.Target.allCases.flatMap { target in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures + "/" + target.rawValue)) ?? []
            return names.sorted().map { (target.rawValue, $0) }
        }
    }()

    static let door: FrontDoor = {
        do throws(FrontDoor.SetupFailure) { return try FrontDoor(contentDirectory: repositoryRoot + "/content") } catch { fatalError(error.description) }
    }()

    @Test("the kept inputs are there: the scenario and content front doors have at least one each")
    func keptInputsExist() {
        let targets = Set(Self.inputs.map(\.0))
        #expect(targets.contains("scenario"))
        #expect(targets.contains("content"))
    }

    /// A kept input is read to the end (a crash would stop the whole run), and a refusal says what
    /// is wrong in one line.
    @Test("a kept input is read without a crash, or refused in one line", arguments: inputs)
    func replay(target: String, name: String) throws {
        let kind = try #require(FrontDoor.Target(rawValue: target))
        let data = try #require(FileManager.default.contents(atPath: "\(Self.fixtures)/\(target)/\(name)"))
        if case .refused(let message) = Self.door.read(String(decoding: data, as: UTF8.self), as: kind) {
            #expect(!message.isEmpty)
            #expect(!message.contains("\n"), "one line: \(message)")
        }
    }
}
