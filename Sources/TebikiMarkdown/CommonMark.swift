// The only file that imports the C library. It copies C strings into Swift values and frees
// C memory before it returns, so nothing above it sees a pointer.
import CCmarkGFM

/// GitHub Flavored Markdown to HTML through cmark-gfm, in its safe mode: raw HTML in the
/// input is dropped and dangerous URLs are removed, so text from the model cannot inject markup.
public enum CommonMark {
    /// The GFM extensions enabled: tables, strikethrough, autolinks, task lists, tag filter.
    public static let extensions = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Renders Markdown to an HTML fragment.
    ///
    /// - Parameter markdown: GFM text.
    /// - Returns: the HTML, or nil if the library failed to allocate.
    public static func html(_ markdown: String) -> String? {
        registerOnce
        // CMARK_OPT_DEFAULT is safe in 0.29 (raw HTML omitted); GITHUB_PRE_LANG keeps `lang` on code blocks.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        if bytes.isEmpty { cmark_parser_feed(parser, "", 0) }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return nil }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }

    /// The version of the linked library, for reports.
    public static var version: String { String(cString: cmark_version_string()) }

    private static let registerOnce: Void = { cmark_gfm_core_extensions_ensure_registered() }()
}
