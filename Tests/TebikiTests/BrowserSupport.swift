import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finding the tools the browser and validator tests run, and running them.
enum TestTools {
    /// A failure to set up a test tool, with what to do about it.
    struct Missing: Error, CustomStringConvertible { var description: String }

    /// The first executable called `name` on the PATH (or the path in the environment variable `override`).
    static func executable(_ names: [String], override: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        if let path = env[override], !path.isEmpty { return FileManager.default.isExecutableFile(atPath: path) ? path : nil }
        let dirs = (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/lib/chromium"]
        for name in names {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        }
        return nil
    }

    /// The `tebiki` executable built beside this test bundle (`swift build --build-tests` builds both),
    /// or `TEBIKI_EXECUTABLE`.
    static func tebiki() throws -> String {
        if let path = ProcessInfo.processInfo.environment["TEBIKI_EXECUTABLE"], !path.isEmpty { return path }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: me).deletingLastPathComponent()
        // On macOS the tests run inside a bundle: …/debug/x.xctest/Contents/MacOS/x.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("tebiki").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        throw Missing(description: "the tebiki executable is not beside the test bundle (\(me)); build it with `swift build --build-tests` or set TEBIKI_EXECUTABLE")
    }

    /// Runs a program to completion; returns its status, standard output and standard error.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in directory: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-test-\(UUID().uuidString).out")
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-test-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile) }
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let out = (try? String(contentsOf: outFile, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, out, err)
    }

    /// A TCP port on the loopback that was free a moment ago.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Missing(description: "socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw Missing(description: "cannot bind a loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// The site as `tebiki build` writes it from the repository's content/ and templates/, built once
/// per test run into a temporary directory (so the tests see what the build makes now, not a
/// stale committed copy).
enum BuiltSite {
    private static let result: Result<String, TestTools.Missing> = {
        do {
            let tebiki = try TestTools.tebiki()
            let tmp = FileManager.default.temporaryDirectory
            // Sites left by earlier runs whose process is gone.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("tebiki-site-") {
                if let pid = Int32(name.dropFirst("tebiki-site-".count)), pid != getpid(), kill(pid, 0) != 0 {
                    try? FileManager.default.removeItem(atPath: tmp.appendingPathComponent(name).path)
                }
            }
            let dir = tmp.appendingPathComponent("tebiki-site-\(getpid())").path
            try? FileManager.default.removeItem(atPath: dir)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let output = dir + "/site"
            let run = try TestTools.run(tebiki, ["build", "--content", repositoryRoot + "/content",
                                                  "--templates", repositoryRoot + "/templates", "--output", output],
                                        in: repositoryRoot)
            guard run.status == 0 else {
                return .failure(TestTools.Missing(description: "tebiki build failed (exit \(run.status)):\n\(run.err)"))
            }
            return .success(output)
        } catch let e as TestTools.Missing {
            return .failure(e)
        } catch {
            return .failure(TestTools.Missing(description: "tebiki build could not run: \(error)"))
        }
    }()

    /// The built site's directory, or an error saying why there is none.
    static func directory() throws -> String { try result.get() }

    /// Every HTML file of the built site, as paths relative to its root, sorted.
    static func htmlFiles() throws -> [String] {
        let root = try directory()
        let walker = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let path = walker?.nextObject() as? String { if path.hasSuffix(".html") { files.append(path) } }
        return files.sorted()
    }
}

/// chromedriver on a free loopback port, for one test; stopped by `stop()`.
final class ChromeDriverProcess {
    let process: Process
    let port: Int

    /// Chromium and chromedriver, or a message naming the install script. `TEBIKI_CHROMIUM` and
    /// `TEBIKI_CHROMEDRIVER` override the paths.
    static func tools() throws -> (chromium: String, driver: String) {
        guard let chromium = TestTools.executable(["chromium", "chromium-browser", "google-chrome"], override: "TEBIKI_CHROMIUM") else {
            throw TestTools.Missing(description: "Chromium is not installed: run `scripts/install-deps browser` (scripts/test does), or set TEBIKI_SKIP_BROWSER_TESTS=1 to skip the browser tests on purpose")
        }
        guard let driver = TestTools.executable(["chromedriver"], override: "TEBIKI_CHROMEDRIVER") else {
            throw TestTools.Missing(description: "chromedriver is not installed (Debian package chromium-driver): run `scripts/install-deps browser` (scripts/test does), or set TEBIKI_SKIP_BROWSER_TESTS=1 to skip the browser tests on purpose")
        }
        return (chromium, driver)
    }

    /// Starts chromedriver and waits until it answers.
    init(driver: String) async throws {
        port = try TestTools.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: driver)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-level=SEVERE"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if let (code, data) = try? LoopbackHTTP.request(port: port, method: "GET", path: "/status", body: nil, timeout: 2),
               code == 200, String(decoding: data, as: UTF8.self).contains("\"ready\":true") {
                return
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        stop()
        throw TestTools.Missing(description: "chromedriver did not answer on port \(port) within 10 s")
    }

    /// Stops chromedriver. (SIGKILL: a child started by Foundation's Process inherits the test
    /// runner's blocked signals, SIGTERM among them. Quit the WebDriver session first, so that
    /// the browser is closed.)
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}
