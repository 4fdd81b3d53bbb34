import TebikiModel

/// One console action is confirmed in one dialog everywhere: the last dialog (or panel) its steps name is
/// the same in its steps and in every variant. The 2025-12-19 page confirms the private CA
/// refund once in the ヒント dialog and once in the 払い戻し申請 dialog.
struct DialogChecker {
    let model: Model

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let source = model.sourceLanguage.id
        for machine in model.machines {
            for action in machine.actions {
                var places: [String: [SourceLocation]] = [:]
                var order: [String] = []
                for steps in [action.steps] + action.variants.map(\.steps) {
                    guard let (dialog, at) = confirmation(steps) else { continue }
                    if places[dialog] == nil { order.append(dialog) }
                    places[dialog, default: []].append(at)
                }
                guard order.count > 1 else { continue }
                // Point at the dialog used least: the odd one out.
                let odd = order.min { places[$0]!.count < places[$1]!.count } ?? order[0]
                let named = order.map { d in
                    "\(model.glossary[id: d]?.label[source] ?? d) (\(d)) at \(places[d]!.map(\.description).joined(separator: ", "))"
                }
                out.append(Diagnostic(
                    .checkDialogInconsistentConfirmation, at: places[odd]![0],
                    "action '\(action.id)' is confirmed in \(order.count) different dialogs: \(named.joined(separator: "; and "))",
                    explanation: "One console action is confirmed in one dialog. Check the console and name the same dialog everywhere, or record why they differ.",
                    related: order.filter { $0 != odd }.flatMap { places[$0]! }))
            }
        }
        return out
    }

    /// The last dialog a list of steps names, with the step that names it.
    private func confirmation(_ steps: [Step]) -> (String, SourceLocation)? {
        var last: (String, SourceLocation)?
        let language = model.sourceLanguage.id
        for step in steps {
            for name in step.text[language].placeholders {
                guard let kind = model.glossary[id: name]?.kind, kind == .dialog || kind == .panel else { continue }
                last = (name, step.location)
            }
        }
        return last
    }
}
