import TebikiModel

/// Every rule cites a passage of a declared source page (page, line, quote); every console
/// action says where its steps come from.
struct CitationChecker {
    let model: Model

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pages = model.edition.pages.keys.sorted()
        for table in model.tables {
            for rule in table.rules {
                if let problem = problem(rule.source, pages: pages) {
                    out.append(Diagnostic(.checkSourceMissingCitation, at: rule.location,
                                          "row '\(rule.id)' of table '\(table.id)' \(problem)",
                                          explanation: "Every rule cites the passage it comes from: {page, line, quote}, and the decision that settles an open point."))
                }
            }
        }
        for machine in model.machines {
            for action in machine.actions {
                guard let source = action.source else {
                    out.append(Diagnostic(.checkSourceUncitedAction, at: action.location,
                                          "action '\(action.id)' cites no source passage for its steps"))
                    continue
                }
                if let problem = problem(source, pages: pages) {
                    out.append(Diagnostic(.checkSourceMissingCitation, at: action.location, "action '\(action.id)' \(problem)"))
                }
            }
        }
        return out
    }

    private func problem(_ source: SourceCitation, pages: [String]) -> String? {
        if source.quote.trimmingSpaces.isEmpty { return "cites no words of its source (an empty quote)" }
        if !pages.contains(source.page) { return "cites page '\(source.page)', which the edition does not declare (pages: \(pages.joined(separator: ", ")))" }
        if source.line < 1 { return "cites line \(source.line); lines count from 1" }
        return nil
    }
}
