// The fuzzed front door (issue 15): libFuzzer on every input tebiki parses (`FrontDoor` in
// TebikiCLI reads each; FuzzRegressionTests replays the inputs kept in the tests).
// Built only by `scripts/fuzz`: TEBIKI_FUZZ=1 adds this target to Package.swift, and the build
// passes `-sanitize=fuzzer,address`. This main hands over to libFuzzer's driver.
//   TEBIKI_FUZZ_TARGET   scenario, content, unary-test or expression (default scenario)
//   TEBIKI_FUZZ_CONTENT  the content directory (default content)
//   TEBIKI_FUZZ_FILE     with content: the file an input stands for (default the rules)
import Foundation
import TebikiCLI

/// libFuzzer's driver: parses its own flags from argv and calls `callback` with every input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("tebiki-fuzz: \(message)\n".utf8))
    exit(2)
}

let environment = ProcessInfo.processInfo.environment
let name = environment["TEBIKI_FUZZ_TARGET"] ?? "scenario"
guard let chosen = FrontDoor.Target(rawValue: name) else {
    fail("TEBIKI_FUZZ_TARGET is '\(name)'; expected one of \(FrontDoor.Target.allCases.map(\.rawValue).joined(separator: ", "))")
}
nonisolated(unsafe) let target = chosen
nonisolated(unsafe) let door: FrontDoor
do throws(FrontDoor.SetupFailure) {
    door = try FrontDoor(contentDirectory: environment["TEBIKI_FUZZ_CONTENT"] ?? "content", contentFile: environment["TEBIKI_FUZZ_FILE"])
} catch {
    fail(error.description)
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    _ = door.read(String(decoding: bytes, as: UTF8.self), as: target)
    return 0
})
