import TebikiModel

/// What a generated page claims: at `anchor` of the page at `path`, the numbered list that follows
/// is the console steps for `scenario`, in `language`. The site builder records one claim per
/// numbered step list it writes; the checker reads the list back from the page (Markdown or
/// HTML, from memory or from disk) and proves it equals the procedure that the state machines
/// and the engine give for `scenario`.
package struct StepClaim: Sendable, Hashable {
    /// Page path relative to the site root (`ja/products/ssl-certificate.md`).
    package var path: String
    /// The heading's anchor: in Markdown the heading line's slug, in HTML the heading's `id`.
    /// The first ordered list after that heading holds the steps.
    package var anchor: String
    /// The language of the page.
    package var language: LanguageID
    /// A concrete scenario the steps are for (defaults and answers filled in).
    package var scenario: Scenario

    /// Creates a claim.
    package init(path: String, anchor: String, language: LanguageID, scenario: Scenario) {
        self.path = path; self.anchor = anchor; self.language = language; self.scenario = scenario
    }
}
