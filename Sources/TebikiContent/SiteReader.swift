import TebikiModel

/// Reads tebiki.yaml: languages, editions, the current edition and the site settings.
struct SiteReader {
    let ctx: LoadContext

    /// What tebiki.yaml declares.
    struct Site {
        var languages: [Language] = []
        var editions: [EditionEntry] = []
        var currentEdition: String?
        var baseURL: String?
        /// Where `editions` is, for a requested edition that is not declared.
        var editionsLocation: SourceLocation?
    }

    func read(_ node: YNode?, file: SourceFile) -> Site {
        var site = Site()
        let root = ctx.root(node, file: file, required: ["languages", "editions", "current_edition", "site"])
        let languageNodes = ctx.items(root, "languages", kinds: [.language])
        site.languages = languageNodes.compactMap(language)
        let sources = site.languages.filter { $0.role == .source }
        if let list = root?["languages"], sequenceReadable(list) {
            if sources.isEmpty && !site.languages.isEmpty {
                ctx.error(.contentInvalidValue, at: list.location, "no language has role: source; exactly one language is the source language")
            }
            for extra in sources.dropFirst() {
                ctx.error(.contentInvalidValue, at: extra.location,
                          "language '\(extra.id)' is a second source language after '\(sources[0].id)'; exactly one language has role: source")
            }
        }
        site.languages = Array(sources.prefix(1)) + site.languages.filter { $0.id != sources.first?.id }
        ctx.languages = site.languages.map(\.id)
        ctx.languagesKnown = !site.languages.isEmpty

        var extends: [String: Located<String>] = [:]
        for item in ctx.items(root, "editions", kinds: [.edition]) {
            guard let f = ctx.fields(item, "an edition", required: ["id", "path"], optional: ["extends"]) else { continue }
            let id = ctx.id(f, "id"), path = ctx.text(f, "path")
            let base = f.has("extends") ? ctx.id(f, "extends") : nil
            if let id, ctx.declare(.edition, id), let base { extends[id.value] = base }
            if let id, let path, let problem = ContentPath.problem(path.value) {
                ctx.error(.contentInvalidValue, at: path.location, "the path of edition '\(id.value)' \(problem)")
            } else if let id, let path {
                site.editions.append(EditionEntry(id: id.value, path: path.value, location: f.location, extends: base?.value))
            }
        }
        checkExtends(extends, declared: site.editions.map(\.id))
        site.editionsLocation = root?["editions"]?.location
        if let current = root.flatMap({ ctx.id($0, "current_edition") }) {
            site.currentEdition = current.value
            if !ctx.unavailable.contains(.edition), !ctx.isDeclared(.edition, current.value) {
                ctx.error(.contentUnknownReference, at: current.location,
                          "current_edition '\(current.value)' is not one of the declared editions (\(ctx.list(site.editions.map(\.id))))",
                          suggestion: nearestName(to: current.value, in: site.editions.map(\.id)))
            }
        }
        if let s = root?["site"], let f = ctx.fields(s, "'site'", required: ["base_url"]), let url = ctx.text(f, "base_url") {
            if !Self.isBaseURL(url.value) {
                ctx.error(.contentInvalidValue, at: url.location,
                          "'base_url' must be an absolute http(s) URL with a host that ends with / and has no spaces, quotes, angle brackets or backslashes, found '\(url.value)'")
            } else {
                site.baseURL = url.value
            }
        }
        return site
    }

    /// An absolute `http://` or `https://` URL with a host, ending with `/`, of printable ASCII
    /// without the characters that could end an HTML attribute or a URL (`"'<>\\` ` and space).
    /// It is written into every page, so a value that is not one is refused where it is read.
    static func isBaseURL(_ s: String) -> Bool {
        guard let rest = s.hasPrefix("https://") ? s.dropFirst(8) : s.hasPrefix("http://") ? s.dropFirst(7) : nil,
              s.hasSuffix("/"), let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty
        else { return false }
        let refused = Set("\"'<>\\`{}|^".utf8)
        return s.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !refused.contains($0) }
    }

    /// Every `extends` names a declared edition, and no edition extends itself through a chain.
    private func checkExtends(_ extends: [String: Located<String>], declared: [String]) {
        for (id, base) in extends.sorted(by: { $0.key < $1.key }) {
            guard ctx.isDeclared(.edition, base.value) else {
                if !ctx.unavailable.contains(.edition) {
                    ctx.error(.contentUnknownReference, at: base.location,
                              "edition '\(id)' extends '\(base.value)', which is not one of the declared editions (\(ctx.list(declared)))",
                              suggestion: nearestName(to: base.value, in: declared.filter { $0 != id }))
                }
                continue
            }
            var chain = [id], next = base.value
            while let further = extends[next], !chain.contains(next) {
                chain.append(next)
                next = further.value
            }
            if next == id {
                ctx.error(.contentInvalidValue, at: base.location,
                          "edition '\(id)' extends itself through \((chain + [id]).joined(separator: " → ")); an edition extends an edition that does not extend it back")
            }
        }
    }

    private func sequenceReadable(_ node: YNode) -> Bool {
        node.kind == .sequence
    }

    private func language(_ node: YNode) -> Language? {
        guard var f = ctx.fields(node, "a language", required: ["id", "name", "role", "date_format", "month_names", "ui_label"], optional: ["ui_label_tight"]) else { return nil }
        let id = ctx.id(f, "id")
        if let id { ctx.declare(.language, id) }
        f = f.named("language", id)
        let name = ctx.text(f, "name")
        let role = ctx.choice(f, "role", among: [Language.Role.source, .translation])
        let dateFormat = ctx.text(f, "date_format")
        if let dateFormat, let n = f["date_format"] { checkDateFormat(dateFormat.value, n, f.what) }
        var monthNames: [String]?
        if let n = f["month_names"], let items = ctx.sequence(n, "'month_names' of \(f.what)") {
            let names = items.compactMap { ctx.text($0, "a month name of \(f.what)")?.value }
            if items.count != 12 {
                ctx.error(.contentInvalidValue, at: n.location, "'month_names' of \(f.what) must have 12 names, January first; found \(items.count)")
            } else if names.count == 12 {
                monthNames = names
            }
        }
        var uiLabel: [String]?
        if let n = f["ui_label"], let items = ctx.sequence(n, "'ui_label' of \(f.what)") {
            let marks = items.compactMap { ctx.text($0, "a mark of 'ui_label' of \(f.what)")?.value }
            if items.count != 2 {
                ctx.error(.contentInvalidValue, at: n.location, "'ui_label' of \(f.what) must have 2 marks, opening and closing; found \(items.count)")
            } else if marks.count == 2 {
                uiLabel = marks
            }
        }
        let tight = ctx.bool(f, "ui_label_tight") ?? false
        guard let id, let name, let role, let dateFormat, let monthNames, let uiLabel else { return nil }
        return Language(
            id: id.value, name: name.value, role: role, dateFormat: dateFormat.value, monthNames: monthNames,
            uiLabelOpen: uiLabel[0], uiLabelClose: uiLabel[1], uiLabelTight: tight, location: f.location)
    }

    private func checkDateFormat(_ format: String, _ node: YNode, _ what: String) {
        let allowed = ["day", "month", "month_name", "year"]
        switch Template.parse(format) {
        case .failure(let problem):
            ctx.error(.contentTemplateSyntax, at: node.location(offset: problem.offset),
                      "'date_format' of \(what) is not a valid template: \(problem.message)")
        case .success:
            for (name, offset) in TemplateScan.placeholderOffsets(format) where !allowed.contains(name) {
                ctx.error(.contentUnknownPlaceholder, at: node.location(offset: offset),
                          "unknown placeholder {\(name)} in 'date_format' of \(what); expected \(allowed.map { "{\($0)}" }.joined(separator: ", "))",
                          suggestion: nearestName(to: name, in: allowed))
            }
        }
    }
}
