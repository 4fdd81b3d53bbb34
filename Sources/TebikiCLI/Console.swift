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
