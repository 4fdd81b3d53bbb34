import Foundation
import TebikiContent
import TebikiModel
import Testing

/// The loader reads only inside the content directory and bounds what aliases expand to (issue 15).
@Suite("Loader: confined to content/, aliases bounded")
struct ContentConfinementTests {
    static let products = "editions/2025-01-01/products.yaml"

    @Test("an edition path that leaves the content directory is refused where it is written",
          arguments: ["../../x", "/etc", "editions/../../x", ""])
    func editionPath(_ path: String) {
        let loaded = LoaderFixture.load([Edit("tebiki.yaml", "path: editions/2025-01-01", "path: \"\(path)\"")])
        #expect(loaded.model == nil)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(brief).first == "content.invalid-value@content/tebiki.yaml:17:11", "\(errors.map(\.oneLine))")
    }

    /// The fixture copied into a fresh directory (`root/content`), beside a directory outside it.
    func copiedFixture() throws -> (root: URL, content: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-confine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: LoaderFixture.contentDirectory, toPath: root.appendingPathComponent("content").path)
        return (root, root.appendingPathComponent("content").path)
    }

    @Test("a symbolic link to a file outside content/ is refused unread; its text never reaches a message")
    func linkToFileOutside() throws {
        let (root, content) = try copiedFixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("secret").path
        try "root:SECRET-FIRST-LINE: x: y\n".write(toFile: secret, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: content + "/" + Self.products)
        try FileManager.default.createSymbolicLink(atPath: content + "/" + Self.products, withDestinationPath: secret)
        let loaded = ContentLoader.load(contentDirectory: content)
        #expect(loaded.model == nil)
        let lines = loaded.diagnostics.map(\.oneLine)
        #expect(lines.contains { $0.contains("products.yaml") && $0.contains("leads outside") }, "\(lines)")
        #expect(!lines.contains { $0.contains("SECRET") }, "\(lines)")
    }

    @Test("an edition folder that is a link to a folder outside content/ is refused")
    func linkToFolderOutside() throws {
        let (root, content) = try copiedFixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("elsewhere").path
        try FileManager.default.moveItem(atPath: content + "/editions/2025-01-01", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: content + "/editions/2025-01-01", withDestinationPath: outside)
        let loaded = ContentLoader.load(contentDirectory: content)
        #expect(loaded.model == nil)
        #expect(loaded.diagnostics.contains { $0.oneLine.contains("leads outside") }, "\(loaded.diagnostics.map(\.oneLine))")
    }

    @Test("a symbolic link that stays inside content/ loads as before")
    func linkInside() throws {
        let (root, content) = try copiedFixture()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(atPath: content + "/" + Self.products, toPath: content + "/shared-products.yaml")
        try FileManager.default.createSymbolicLink(atPath: content + "/" + Self.products, withDestinationPath: "../../shared-products.yaml")
        let loaded = ContentLoader.load(contentDirectory: content)
        #expect(loaded.diagnostics.map(\.oneLine) == [])
        #expect(loaded.model == LoaderFixture.load().model)
    }

    @Test("a billion laughs is refused at the alias that goes beyond the budget, at once")
    func aliasBomb() {
        var bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        var files = LoaderFixture.files
        files[Self.products] = bomb
        let loaded = ContentLoader.load(from: InMemoryContentSource(files))
        #expect(loaded.model == nil)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        // Nodes added: b 110, c 1,110, d 11,110, then 11,111 per alias of d on line 5 (e): the 8th,
        // at column 8 + 7 × 4, passes 100,000.
        #expect(errors.map(brief) == ["content.invalid-value@content/\(Self.products):5:36"], "\(errors.map(\.oneLine))")
        #expect(errors.first?.summary.contains("more than 100000 nodes") == true)
    }

    @Test("aliases nested too deep are refused")
    func deepAliases() {
        // a nests 300 deep; the alias of it, 251 levels down (under the root mapping), would reach 551.
        let deep = "a: &a " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
            + "b: " + String(repeating: "[", count: 250) + "*a" + String(repeating: "]", count: 250) + "\n"
        var files = LoaderFixture.files
        files[Self.products] = deep
        let loaded = ContentLoader.load(from: InMemoryContentSource(files))
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors.first?.summary.contains("levels deep") == true, "\(errors.map(\.oneLine))")
        #expect(errors.map(brief) == ["content.invalid-value@content/\(Self.products):2:254"], "\(errors.map(\.oneLine))")
    }

    @Test("a few aliases within the budget are still read")
    func smallAliases() {
        var files = LoaderFixture.files
        guard let text = files[Self.products] else { Issue.record("no \(Self.products)"); return }
        let patched = text.replacingOccurrences(of: "    title: {ja: ウィジェット, en: Widget}", with: "    title: &t {ja: ウィジェット, en: Widget}")
        #expect(patched != text)
        files[Self.products] = patched
        let loaded = ContentLoader.load(from: InMemoryContentSource(files))
        #expect(loaded.diagnostics.map(\.oneLine) == [])
        #expect(loaded.model == LoaderFixture.load().model)
    }
}

@Suite("Loader: unreadable files")
struct ContentReadTests {
    @Test("a file that is not UTF-8 says where its first bad byte is")
    func notUTF8() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tebiki-utf8-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(atPath: LoaderFixture.contentDirectory, toPath: root.path)
        let file = root.appendingPathComponent(ContentConfinementTests.products)
        var bytes = Array("products:\n  - id: wid".utf8)
        bytes += [0xFF, 0x41, 0x0A]
        try Data(bytes).write(to: file)
        let loaded = ContentLoader.load(contentDirectory: root.path)
        #expect(loaded.diagnostics.contains { $0.oneLine.contains("line 2, column 12 holds a byte that is not UTF-8") },
                "\(loaded.diagnostics.map(\.oneLine))")
    }
}
