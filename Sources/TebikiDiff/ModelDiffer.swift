import TebikiModel

/// Computes the `ModelDiff` of two models. Pure: models in, a value out.
package enum ModelDiffer {
    /// What changed from `before` to `after`.
    /// - Parameters:
    ///   - beforeName, afterName: how the sides were given (for headings); the edition ids by default.
    package static func diff(before: Model, after: Model, beforeName: String? = nil, afterName: String? = nil) -> ModelDiff {
        let b = ComparedSide(model: before), a = ComparedSide(model: after)
        let behaviour = BehaviourComparer(before: b, after: a)
        let probes = behaviour.probes()
        let texts = TextComparer(before: before, after: after)
        return ModelDiff(
            before: DiffSide(edition: before.edition.id, name: beforeName),
            after: DiffSide(edition: after.edition.id, name: afterName),
            scenariosCompared: probes.count,
            behaviour: behaviour.changes(probes),
            rules: RuleComparer(before: before, after: after).changes(),
            formulas: texts.formulas(),
            settings: texts.settings(),
            procedures: ProcedureComparer(behaviour: behaviour).changes(probes),
            labels: texts.labels(),
            products: texts.products(),
            texts: texts.texts(),
            oldSteps: OldStepsCheck(before: b, after: a, behaviour: behaviour).findings(probes))
    }
}
