// The only file that imports the C library. It copies C strings into Swift values (or lends
// them, read-only, to a closure) and frees C memory before it returns, so nothing above it keeps
// a pointer.
import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GitHub Flavored Markdown to HTML through cmark-gfm, in its safe mode: raw HTML in the
/// input is dropped and dangerous URLs are removed, so text from the model cannot inject markup.
package enum CommonMark {
    /// The GFM extensions enabled: tables, strikethrough, autolinks, task lists, tag filter.
    package static let extensions = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Renders Markdown to an HTML fragment.
    ///
    /// - Parameter markdown: GFM text.
    /// - Returns: the HTML, or nil if the library failed to allocate.
    package static func html(_ markdown: String) -> String? {
        withHTML(markdown) { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders Markdown and hands the HTML to `body` as cmark-gfm's own UTF-8 bytes, before they
    /// are freed: a caller that post-processes the bytes (the site's pages) makes no `String` of
    /// them first. The buffer is valid only inside `body`; nothing of it may escape.
    ///
    /// - Returns: `body`'s result, or nil if the library failed to allocate.
    package static func withHTML<R>(_ markdown: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        registerOnce
        // CMARK_OPT_DEFAULT is safe in 0.29 (raw HTML omitted); GITHUB_PRE_LANG keeps `lang` on code blocks.
        // No CMARK_OPT_VALIDATE_UTF8: the input is a Swift String, so it is valid UTF-8 already
        // and the check would only copy every line again. (NUL bytes, which are valid UTF-8, are
        // replaced by U+FFFD in `cmark_parser_feed` with or without the option.)
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var markdown = markdown
        markdown.withUTF8 { bytes in
            if let base = bytes.baseAddress, !bytes.isEmpty {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
            } else {
                cmark_parser_feed(parser, "", 0)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return nil }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        let count = strlen(rendered)
        return try rendered.withMemoryRebound(to: UInt8.self, capacity: count) { try body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The version of the linked library, for reports.
    package static var version: String { String(cString: cmark_version_string()) }

    private static let registerOnce: Void = { cmark_gfm_core_extensions_ensure_registered() }()
}
