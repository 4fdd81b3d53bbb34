import Foundation
#if canImport(Glibc)
import Glibc
private let unistd_write = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let unistd_write = Darwin.write
#endif

/// Where the commands write: standard output and standard error, unbuffered by Swift.
package enum Console {
    /// Writes to standard output.
    package static func out(_ text: String) {
        write(fd: 1, text)
    }

    /// Writes to standard error.
    package static func err(_ text: String) {
        write(fd: 2, text)
    }

    private static func write(fd: Int32, _ text: String) {
        var t = text
        t.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = unistd_write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// Whether standard error is a terminal (for colour and progress).
    package static var errIsTerminal: Bool { isatty(2) != 0 }
}

/// A command's failure with the exit status it maps to; the message has been printed.
package struct ExitStatus: Error {
    package var code: Int32
    package init(_ code: Int32) { self.code = code }
}

/// Foundation errors in words for people: the system's reason, never a Cocoa domain and number
/// (`NSCocoaErrorDomain error 512`).
package enum ErrorText {
    /// The reason `error` happened, e.g. "Permission denied" or "no space left on the device".
    package static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        guard ns.domain == NSCocoaErrorDomain else {
            let text = "\(error)"
            return text.contains("Domain=") ? "an unexpected error" : text
        }
        switch ns.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or directory"
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteFileExistsError: return "a file of that name exists"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
        case NSFileReadCorruptFileError, NSFileReadInapplicableStringEncodingError: return "the file cannot be read as text"
        case NSFileReadTooLargeError: return "the file is too large"
        case NSFileReadUnknownError, NSFileReadInvalidFileNameError: return "the file cannot be read"
        default: return "the file could not be written or read"
        }
    }
}
