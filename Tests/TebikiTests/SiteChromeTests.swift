import Foundation
import Testing
import TebikiModel
import TebikiRender

@Suite("Site: chrome and accessibility")
struct SiteChromeTests {
    static var htmlPages: [String] { siteBuild.pages.map(\.path).filter { $0.hasSuffix(".html") } }

    @Test("every HTML page has a lang, one h1, landmarks, a skip link, the style sheet and the edition")
    func chrome() {
        let date = realModel.edition.date
        for page in siteBuild.pages where page.path.hasSuffix(".html") {
            let html = page.contents
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\""), "\(page.path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(page.path) has not exactly one h1")
            for landmark in ["<header", "<main id=\"main\"", "<footer", "class=\"skip-link\" href=\"#main\"", "rel=\"stylesheet\""] {
                #expect(html.contains(landmark), "\(page.path) lacks \(landmark)")
            }
            #expect(realModel.languages.contains { html.contains($0.format(date)) }, "\(page.path) does not show the edition date")
            for external in ["<script", "https://fonts.", "cdn", "@import"] {
                #expect(!html.contains(external), "\(page.path) contains \(external)")
            }
        }
    }

    @Test("headings do not skip levels")
    func headingOrder() {
        for page in siteBuild.pages where page.path.hasSuffix(".html") {
            var previous = 0
            var rest = page.contents[...]
            while let r = rest.range(of: "<h") {
                let after = rest[r.upperBound...]
                rest = after
                guard let d = after.first?.wholeNumberValue, (1...6).contains(d), after.dropFirst().first == " " || after.dropFirst().first == ">" else { continue }
                #expect(d <= previous + 1, "\(page.path): h\(d) after h\(previous)")
                previous = d
            }
        }
    }

    @Test("every Markdown page of a language shows the edition and links the other languages")
    func markdownChrome() {
        for page in siteBuild.pages where page.path.hasSuffix(".md") && page.path.contains("/") {
            let lang = String(page.path.prefix { $0 != "/" })
            let language = realModel.language(lang)
            #expect(language.map { page.contents.contains($0.format(realModel.edition.date)) } == true, "\(page.path)")
            for other in realModel.languages where other.id != lang {
                #expect(page.contents.contains("](" ) && page.contents.contains(other.name), "\(page.path) does not link \(other.name)")
            }
        }
    }

    @Test("the language switcher names each language in its own language and links the same page")
    func languageSwitcher() throws {
        let html = try #require(sitePages["en/glossary.html"])
        for l in realModel.languages where l.id != "en" {
            #expect(html.contains("<a href=\"../\(l.id)/glossary.html\" hreflang=\"\(l.id)\" lang=\"\(l.id)\">\(l.name)</a>"))
        }
        #expect(html.contains("<span lang=\"en\" aria-current=\"page\">English</span>"))
    }

    @Test("the glossary shows every label in every language, each marked with its language")
    func glossary() throws {
        for l in realModel.languages {
            let html = try #require(sitePages["\(l.id)/glossary.html"])
            for element in realModel.glossary {
                for other in realModel.languages {
                    let label = HTMLEscape(element.label[other.id])
                    #expect(html.contains("<strong class=\"ui-label\"><span lang=\"\(other.id)\">\(label)</span></strong>")
                            || html.contains("<span lang=\"\(other.id)\">\(label)</span>"), "\(l.id) glossary: \(element.id) in \(other.id)")
                }
            }
        }
    }

    @Test("the style sheet has dark mode, print styles and visible focus")
    func css() throws {
        let css = try #require(sitePages["style.css"])
        for needle in ["prefers-color-scheme: dark", "@media print", ":focus-visible", "@media (min-width"] {
            #expect(css.contains(needle))
        }
        #expect(!css.contains("url(http"))
    }

    @Test("the root index chooses a language and is the x-default; the 404 page uses root-relative links")
    func rootPages() throws {
        let index = try #require(sitePages["index.html"])
        for l in realModel.languages {
            #expect(index.contains("<a href=\"\(l.id)/index.html\" hreflang=\"\(l.id)\" lang=\"\(l.id)\">\(l.name)</a>"))
        }
        let notFound = try #require(sitePages["404.html"])
        let basePath = URL(string: siteBaseURL)?.path ?? "/"
        #expect(notFound.contains("href=\"\(basePath)/style.css\"") || notFound.contains("href=\"\(basePath)style.css\""))
    }
}
