import TebikiModel

/// What loading content gives: the model when there is no error, and every diagnostic.
package struct LoadResult: Sendable {
    /// The model of the loaded edition; nil when any error was found.
    package var model: Model?
    /// Every diagnostic, sorted by place then identifier.
    package var diagnostics: [Diagnostic]
    /// The editions tebiki.yaml declares, in order.
    package var editions: [EditionEntry]
    /// The edition tebiki.yaml calls current, if readable.
    package var currentEdition: String?
    /// The id of the edition that was loaded (the requested one or the current one).
    package var loadedEdition: String?
    /// `site.base_url` of tebiki.yaml (absolute, ends with `/`), if readable.
    package var baseURL: String?

    /// Creates a result.
    package init(
        model: Model?, diagnostics: [Diagnostic], editions: [EditionEntry] = [], currentEdition: String? = nil,
        loadedEdition: String? = nil, baseURL: String? = nil
    ) {
        self.model = model; self.diagnostics = diagnostics; self.editions = editions
        self.currentEdition = currentEdition; self.loadedEdition = loadedEdition; self.baseURL = baseURL
    }
}

/// An edition declared in tebiki.yaml.
package struct EditionEntry: Sendable, Hashable, Identifiable {
    /// Id (`2025-12-19`).
    package var id: String
    /// Its folder, relative to the content directory (`editions/2025-12-19`).
    package var path: String
    /// Where it was declared.
    package var location: SourceLocation
    /// The edition it extends, if any: its folder then holds only what differs (content/README.md).
    package var extends: String?
    /// Creates an entry.
    package init(id: String, path: String, location: SourceLocation = .unknown, extends: String? = nil) {
        self.id = id; self.path = path; self.location = location; self.extends = extends
    }
}
