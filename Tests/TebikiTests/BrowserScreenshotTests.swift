import Foundation
import Testing

/// Screenshots of the main pages in both languages, light and dark, wide and narrow, saved to
/// `.build-screens/` (ignored by git) for a person to look at; and the layout faults a browser
/// can measure: content wider than the window (sideways scrolling), text overflowing its box,
/// images or diagrams without a text alternative.
@Suite("Browser: main pages, screenshots and layout", .serialized, .disabled(if: browserTestsSkipped, "TEBIKI_SKIP_BROWSER_TESTS=1"))
struct BrowserScreenshotTests {
    /// The main pages (site-relative, without the language folder) and their short names.
    static let pages: [(name: String, path: String)] = [
        ("index", "index.html"),
        ("refund-rules", "refund-rules.html"),
        ("product-ssl", "products/ssl-certificate.html"),
        ("glossary", "glossary.html"),
        ("guide-question", "guide/index.html"),
        ("guide-outcome", "guide/result/S-6-issued-1-year.html"),
    ]

    /// Where screenshots go: `.build-screens/` at the repository root (or `TEBIKI_SCREENS_DIR`).
    static let screens: String = {
        ProcessInfo.processInfo.environment["TEBIKI_SCREENS_DIR"] ?? repositoryRoot + "/.build-screens"
    }()

    /// What a page's layout looks like to the browser: overflow, clipped text, unlabelled graphics.
    static let measureScript = """
        const doc = document.documentElement;
        const out = {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, height: doc.scrollHeight, wide: [], unlabelled: []};
        for (const el of document.querySelectorAll('main *, header *, footer *')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          // An element that sticks out of the window, unless an ancestor scrolls it on purpose.
          if (r.right > doc.clientWidth + 1 || r.left < -1) {
            let scrolled = false;
            for (let a = el.parentElement; a; a = a.parentElement) {
              const s = getComputedStyle(a);
              if (['auto', 'scroll', 'hidden'].includes(s.overflowX) && a !== doc && a !== document.body) { scrolled = true; break; }
            }
            if (!scrolled) out.wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
          }
        }
        for (const el of document.querySelectorAll('img:not([alt]), svg:not([aria-hidden="true"])')) {
          if (el.closest('svg') !== el && el.tagName.toLowerCase() === 'svg' && el.parentElement.closest('svg')) continue;
          const label = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.querySelector && el.querySelector(':scope > title'));
          if (!label) out.unlabelled.push(el.outerHTML.slice(0, 80));
        }
        return out;
        """

    struct Measure { var scrollWidth: Int; var clientWidth: Int; var height: Int; var wide: [String]; var unlabelled: [String] }

    static func measure(_ web: WebDriver) async throws -> Measure {
        let v = try await web.execute(measureScript) as? [String: Any] ?? [:]
        return Measure(scrollWidth: v["scrollWidth"] as? Int ?? -1, clientWidth: v["clientWidth"] as? Int ?? -1,
                       height: v["height"] as? Int ?? 900, wide: v["wide"] as? [String] ?? [], unlabelled: v["unlabelled"] as? [String] ?? [])
    }

    /// Opens `path`, saves the whole page as screenshots `file-1.png`, `file-2.png` … (tiles of
    /// at most 1,500 px, so that each can be read at full size), and returns the page's measures.
    static func shoot(_ session: BrowserSession, _ path: String, file: String, width: Int, maxTiles: Int = 8) async throws -> Measure {
        let web = session.web
        try await web.setWindow(width: width, height: 900)
        try await web.open(session.url(path))
        let m = try await measure(web)
        try FileManager.default.createDirectory(atPath: screens, withIntermediateDirectories: true)
        for old in (try? FileManager.default.contentsOfDirectory(atPath: screens)) ?? [] where old.hasPrefix(file + "-") && old.hasSuffix(".png") {
            let rest = old.dropFirst(file.count + 1).dropLast(4)
            if Int(rest) != nil { try? FileManager.default.removeItem(atPath: screens + "/" + old) }
        }
        let tile = 1500
        let height = min(m.height, 30_000)
        for (k, top) in stride(from: 0, to: max(height, 1), by: tile).enumerated() where k < maxTiles {
            let clip: [String: Any] = ["x": 0, "y": top, "width": width, "height": min(tile, height - top), "scale": 1]
            let shot = try await web.cdp("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true, "clip": clip])
            guard let b64 = (shot as? [String: Any])?["data"] as? String, let png = Data(base64Encoded: b64) else {
                throw WebDriver.Failure(description: "no screenshot of \(path)")
            }
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(file) is not a PNG")
            try png.write(to: URL(fileURLWithPath: screens + "/" + file + "-\(k + 1).png"))
        }
        return m
    }

    @Test("every main page, ja and en, light and dark, desktop and phone: no sideways scrolling, graphics labelled",
          arguments: ["ja", "en"])
    func mainPages(_ language: String) async throws {
        try await BrowserSession.with { session in
            for (scheme, suffix) in [("light", ""), ("dark", "-dark")] {
                try await session.web.emulate(colorScheme: scheme)
                for page in Self.pages {
                    let path = "\(language)/\(page.path)"
                    #expect(FileManager.default.fileExists(atPath: session.site + "/" + path), "the site has no \(path)")
                    for (width, tag) in [(1280, "desktop"), (390, "phone")] {
                        if scheme == "dark" && tag == "phone" { continue }
                        let m = try await Self.shoot(session, path, file: "\(language)-\(page.name)-\(tag)\(suffix)", width: width,
                                                     maxTiles: scheme == "light" && tag == "desktop" ? 8 : 2)
                        #expect(m.scrollWidth <= m.clientWidth, "\(path) at \(width) px scrolls sideways: \(m.scrollWidth) > \(m.clientWidth)")
                        #expect(m.wide.isEmpty, "\(path) at \(width) px: elements outside the window: \(m.wide.prefix(5))")
                        #expect(m.unlabelled.isEmpty, "\(path): graphics without a text alternative: \(m.unlabelled.prefix(3))")
                    }
                }
            }
        }
    }

    @Test("the 404 page and the root page render")
    func rootPages() async throws {
        try await BrowserSession.with { session in
            for (path, file) in [("404.html", "root-404"), ("index.html", "root-index")] {
                let m = try await Self.shoot(session, path, file: file, width: 1280)
                #expect(m.scrollWidth <= m.clientWidth, "\(path) scrolls sideways")
                let h1 = try await session.web.findAll("h1")
                #expect(h1.count == 1, "\(path) has \(h1.count) h1")
            }
        }
    }

    @Test("keyboard focus is visible on links (an outline or a ring)", arguments: ["ja", "en"])
    func focusVisible(_ language: String) async throws {
        try await BrowserSession.with { session in
            try await session.web.open(session.url("\(language)/guide/index.html"))
            // Tab to the first answer link the way a keyboard user does, then read its focus style.
            let style = try await session.web.execute("""
                const a = document.querySelector('main li a');
                a.focus({focusVisible: true});
                const s = getComputedStyle(a);
                return {outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow, focused: document.activeElement === a};
                """) as? [String: Any] ?? [:]
            #expect(style["focused"] as? Bool == true)
            let outline = style["outline"] as? String ?? ""
            let shadow = style["shadow"] as? String ?? "none"
            #expect(!outline.hasPrefix("none") || shadow != "none", "a focused link shows neither outline nor ring: \(style)")
        }
    }
}
