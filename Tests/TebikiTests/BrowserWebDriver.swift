import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small W3C WebDriver client (JSON over HTTP to chromedriver on the loopback), enough to
/// drive headless Chromium through the built site: open pages, find elements, click, read text
/// and attributes, take screenshots, emulate the dark colour scheme.
struct WebDriver {
    /// A WebDriver failure, with the command that failed and what the driver said.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// An element reference returned by the driver.
    struct Element: Sendable { var id: String }

    let base: URL
    let session: String

    /// The W3C key of element references.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// Opens a session with headless Chromium.
    static func start(driverPort: Int, chromium: String, width: Int = 1280, height: Int = 900) async throws -> WebDriver {
        let base = URL(string: "http://127.0.0.1:\(driverPort)")!
        let caps: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                                 "--window-size=\(width),\(height)", "--lang=en-US", "--force-device-scale-factor=1"],
                    ] as [String: Any],
                ] as [String: Any],
            ] as [String: Any],
        ]
        let value = try await send(base: base, "POST", "/session", caps)
        guard let object = value as? [String: Any], let id = object["sessionId"] as? String else {
            throw Failure(description: "WebDriver: no session id in \(value)")
        }
        return WebDriver(base: base, session: id)
    }

    /// Ends the session (closes the browser).
    func quit() async { _ = try? await command("DELETE", "") }

    /// Loads a URL and waits for the page to load.
    func open(_ url: String) async throws { _ = try await command("POST", "/url", ["url": url]) }

    /// The current page's URL.
    func currentURL() async throws -> String { try await command("GET", "/url") as? String ?? "" }

    /// The page title.
    func title() async throws -> String { try await command("GET", "/title") as? String ?? "" }

    /// All elements matching a CSS selector, in document order (optionally inside `parent`).
    func findAll(_ css: String, in parent: Element? = nil) async throws -> [Element] {
        let path = parent.map { "/element/\($0.id)/elements" } ?? "/elements"
        let value = try await command("POST", path, ["using": "css selector", "value": css])
        return (value as? [Any] ?? []).compactMap { (($0 as? [String: Any])?[WebDriver.elementKey] as? String).map(Element.init) }
    }

    /// The first element matching a CSS selector, or nil.
    func find(_ css: String, in parent: Element? = nil) async throws -> Element? {
        try await findAll(css, in: parent).first
    }

    /// The rendered text of an element.
    func text(_ e: Element) async throws -> String { try await command("GET", "/element/\(e.id)/text") as? String ?? "" }

    /// An attribute of an element (nil when absent).
    func attribute(_ e: Element, _ name: String) async throws -> String? {
        try await command("GET", "/element/\(e.id)/attribute/\(name)") as? String
    }

    /// A DOM property of an element (`href` gives the absolute URL).
    func property(_ e: Element, _ name: String) async throws -> String? {
        try await command("GET", "/element/\(e.id)/property/\(name)") as? String
    }

    /// Clicks an element (scrolling it into view, as a person would).
    func click(_ e: Element) async throws { _ = try await command("POST", "/element/\(e.id)/click", [:]) }

    /// Runs a script in the page and returns its result.
    func execute(_ script: String, _ args: [Any] = []) async throws -> Any {
        try await command("POST", "/execute/sync", ["script": script, "args": args])
    }

    /// Resizes the window.
    func setWindow(width: Int, height: Int) async throws {
        _ = try await command("POST", "/window/rect", ["width": width, "height": height])
    }

    /// A PNG screenshot of the viewport.
    func screenshot() async throws -> Data {
        guard let b64 = try await command("GET", "/screenshot") as? String, let data = Data(base64Encoded: b64) else {
            throw Failure(description: "WebDriver: the screenshot is not base64 PNG")
        }
        return data
    }

    /// A Chrome DevTools Protocol command (chromedriver's extension), e.g. to emulate dark mode.
    func cdp(_ cmd: String, _ params: [String: Any]) async throws -> Any {
        try await command("POST", "/goog/cdp/execute", ["cmd": cmd, "params": params])
    }

    /// Emulates `prefers-color-scheme` (`dark`, `light`) and print media when asked.
    func emulate(colorScheme: String, media: String = "") async throws {
        _ = try await cdp("Emulation.setEmulatedMedia", [
            "media": media, "features": [["name": "prefers-color-scheme", "value": colorScheme]],
        ])
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        try await WebDriver.send(base: base, method, "/session/\(session)" + path, body)
    }

    /// Sends one command and returns its `value`, or throws the driver's error.
    static func send(base: URL, _ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let (status, data) = try LoopbackHTTP.request(port: base.port ?? 80, method: method, path: path, body: payload)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let value = json?["value"] ?? NSNull()
        if status >= 400 || (value as? [String: Any])?["error"] != nil {
            let v = value as? [String: Any]
            let message = (v?["message"] as? String).map { String($0.prefix(400)) } ?? String(decoding: data.prefix(400), as: UTF8.self)
            throw Failure(description: "WebDriver \(method) \(path): \(v?["error"] as? String ?? "HTTP \(status)"): \(message)")
        }
        return value
    }
}

/// HTTP/1.1 to a server on the loopback, one request per connection. (FoundationNetworking's
/// URLSession rejects chromedriver's responses, whose headers have no space after the colon.)
enum LoopbackHTTP {
    static func request(port: Int, method: String, path: String, body: Data?, timeout: Int = 120) throws -> (status: Int, body: Data) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriver.Failure(description: "socket() failed") }
        defer { close(fd) }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw WebDriver.Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept: application/json\r\n"
        if let body { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        var request = Data((head + "\r\n").utf8)
        if let body { request.append(body) }
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes { send(fd, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw WebDriver.Failure(description: "cannot send to 127.0.0.1:\(port)") }
            sent += n
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 { throw WebDriver.Failure(description: "no answer from 127.0.0.1:\(port)\(path) within \(timeout) s") }
            if n == 0 { break }
            response.append(contentsOf: buffer[0..<n])
            if let (status, length, start) = parseHead(response), let length, response.count >= start + length {
                return (status, response.subdata(in: start..<(start + length)))
            }
        }
        guard let (status, _, start) = parseHead(response) else {
            throw WebDriver.Failure(description: "a malformed HTTP answer from 127.0.0.1:\(port)")
        }
        return (status, response.subdata(in: start..<response.count))
    }

    /// Status, Content-Length (if given) and where the body starts, once the head is complete.
    static func parseHead(_ data: Data) -> (Int, Int?, Int)? {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var length: Int?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "content-length" {
                length = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        }
        return (status, length, end.upperBound - data.startIndex)
    }
}
