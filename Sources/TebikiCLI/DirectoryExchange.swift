import Glibc

/// Exchanges two directories in one step, so that a build killed at any moment leaves either the
/// old site or the new one in place, never neither. On Linux this is `renameat2` with
/// `RENAME_EXCHANGE` (glibc 2.28 exports it but the Glibc module does not import it: it is looked
/// up by name, and failing that called through `syscall`); file systems without it say
/// `EINVAL`, and the caller falls back to two renames.
enum DirectoryExchange {
    /// What an exchange did.
    enum Outcome: Equatable {
        case exchanged
        /// The system or the file system cannot exchange; nothing changed.
        case unsupported
        /// The exchange failed with this error; nothing changed.
        case failed(String)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private typealias Syscall = @convention(c) (Int, Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int

    /// `RENAME_EXCHANGE` of linux/fs.h.
    private static let renameExchange: UInt32 = 2

    /// Exchanges the directories at `a` and `b` (both must exist).
    static func exchange(_ a: String, _ b: String) -> Outcome {
        #if os(Linux)
        let me = dlopen(nil, RTLD_NOW)
        defer { if let me { dlclose(me) } }
        let result: Int
        if let symbol = dlsym(me, "renameat2") {
            result = Int(unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a, AT_FDCWD, b, renameExchange))
        } else if let symbol = dlsym(me, "syscall"), let number = systemCallNumber {
            result = unsafeBitCast(symbol, to: Syscall.self)(number, AT_FDCWD, a, AT_FDCWD, b, renameExchange)
        } else {
            return .unsupported
        }
        if result == 0 { return .exchanged }
        if errno == ENOSYS || errno == EINVAL { return .unsupported }
        return .failed(String(cString: strerror(errno)))
        #else
        return .unsupported
        #endif
    }

    /// `SYS_renameat2` of this architecture.
    private static var systemCallNumber: Int? {
        #if arch(x86_64)
        return 316
        #elseif arch(arm64)
        return 276
        #else
        return nil
        #endif
    }
}
