import TebikiContent
import TebikiDiff
import TebikiModel
import TebikiRender

/// The "What changed" page of a build: the edition built against the one before it.
/// Editions are identified by their dates (`2024-10-25`), so "before" is the latest earlier id.
package enum WhatChangedStage {
    /// The edition before `current` among those tebiki.yaml declares; nil for the first edition.
    package static func previousEdition(of current: String, among editions: [EditionEntry]) -> String? {
        editions.map(\.id).filter { $0 < current }.max()
    }

    /// The articles for `current`, loaded from `contentDirectory` with `loaded`'s editions:
    /// none for the first edition, or the previous edition's errors when it does not load.
    package static func articles(contentDirectory: String, loaded: LoadResult, current: Model) -> Result<[Article], LoadFailure> {
        guard let previous = previousEdition(of: current.edition.id, among: loaded.editions) else { return .success([]) }
        let result = ContentLoader.load(contentDirectory: contentDirectory, edition: previous)
        guard let before = result.model, !result.diagnostics.hasErrors else {
            return .failure(LoadFailure(edition: previous, diagnostics: result.diagnostics.filter { $0.severity == .error }))
        }
        return .success(WhatChangedPage.articles(before: before, after: current))
    }

    /// The previous edition does not load.
    package struct LoadFailure: Error {
        package var edition: String
        package var diagnostics: [Diagnostic]
    }
}
