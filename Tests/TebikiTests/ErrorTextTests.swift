import Foundation
import Testing
@testable import TebikiCLI

/// `NSCocoaErrorDomain error 512` reached the user (issue 15): Foundation's errors are now said in
/// words, the system's reason where there is one.
@Suite("Foundation errors in words")
struct ErrorTextTests {
    @Test("a Cocoa error number never reaches the user", arguments: [
        (NSError(domain: NSCocoaErrorDomain, code: 512), "the file could not be written or read"),
        (NSError(domain: NSCocoaErrorDomain, code: NSFileWriteOutOfSpaceError), "no space left on the device"),
        (NSError(domain: NSCocoaErrorDomain, code: 512, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))]),
         "Permission denied"),
        (NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC)), "No space left on device"),
        (NSError(domain: "SomeDomain", code: 7), "an unexpected error"),
    ])
    func words(_ error: NSError, _ expected: String) {
        let text = ErrorText.reason(error)
        #expect(text == expected)
        #expect(!text.contains("Domain") && !text.contains("512"))
    }

    @Test("a real failure to write under a file is said in words")
    func realFailure() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-file-\(UUID().uuidString)").path
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            try FileManager.default.createDirectory(atPath: file + "/child", withIntermediateDirectories: true)
            Issue.record("a folder was created under a file")
        } catch {
            let text = ErrorText.reason(error)
            #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("error 512") && !text.isEmpty, "\(text)")
        }
    }
}
