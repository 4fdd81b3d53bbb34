import TebikiModel

/// Labels the source page lost (an empty menu path, an HTML remnant) and the content
/// reconstructed: each is reported for review, with the note that explains it, so that a
/// person confirms the reconstruction against the console.
struct ReconstructedLabelChecker {
    let model: Model

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for element in model.glossary {
            for language in element.reconstructed.sorted() {
                let note = element.note?.trimmingSpaces.isEmpty == false ? element.note! : ""
                out.append(Diagnostic(
                    .checkGlossaryReconstructedLabel, at: element.label.location(language, or: element.location),
                    "the \(language) label of '\(element.id)' (\(element.label[language])) is a reconstruction: the source page lost it; confirm it in the console",
                    explanation: note.isEmpty ? "The element has no note saying where the reconstruction comes from; add one." : "Note: \(note)"))
            }
        }
        return out
    }
}
