import Glibc

/// An exclusive lock on a file beside the output (`.site.tebiki-lock`), held while a build
/// replaces the output: a second build of the same output fails at once and says so, instead of
/// reporting a state the first build is changing. The file stays (removing it would let two
/// builds lock two different files); the kernel releases the lock when the process ends.
struct BuildLock: ~Copyable {
    private let descriptor: Int32

    /// Takes the lock on `path` (created when absent), or fails saying that another build holds it.
    init(_ path: String, output: String) throws(SiteWriter.Failure) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SiteWriter.Failure(message: "cannot create the lock file \(path) (\(OutputDirectory.lastError())); nothing was written, \(output) is unchanged")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let error = OutputDirectory.lastError()
            close(fd)
            if busy {
                throw SiteWriter.Failure(message: "another tebiki build is writing \(output) now (it holds \(path)); this build wrote nothing: run it again when that one has finished")
            }
            throw SiteWriter.Failure(message: "cannot lock \(path) (\(error)); nothing was written, \(output) is unchanged")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
