import Glibc

/// An exclusive lock on a file beside the output (`.site.tebiki-lock`), held while a build
/// replaces the output: a second build of the same output fails at once and says so, instead of
/// reporting a state the first build is changing. The file is removed when the lock is released;
/// a build that locked a file another build had just removed sees that the path no longer names
/// its file, and tries again on the new one (the usual rule for lock files that are removed).
struct BuildLock: ~Copyable {
    private let descriptor: Int32
    private let path: String

    /// Takes the lock on `path` (created when absent), or fails saying that another build holds it.
    init(_ path: String, output: String) throws(SiteWriter.Failure) {
        while true {
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
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                descriptor = fd
                self.path = path
                return
            }
            close(fd)  // the file was removed by the build that held it: lock the new one
        }
    }

    deinit {
        unlink(path)
        close(descriptor)
    }
}
