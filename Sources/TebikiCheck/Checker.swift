import TebikiAnalysis
import TebikiConcurrency
import TebikiEngine
import TebikiModel
import TebikiRender

/// The checker: proves a model's tables, procedures and texts, and the step lists of generated
/// pages, before anything is published. One call, no I/O:
///
///     let report = Checker(model: model).check(pages: pages, claims: claims)
///     if report.hasErrors { /* refuse to publish */ }
///
/// The scenario classes are enumerated and decided once, when the checker is created; every
/// checker reads them from there.
package struct Checker: Sendable {
    package let model: Model
    let context: CheckContext

    /// Creates a checker and decides every scenario class of `model` once.
    package init(model: Model) {
        self.model = model
        context = CheckContext(model: model)
    }

    /// Checks the model and, when given, the pages and the step lists they claim.
    /// - Parameters:
    ///   - pages: generated pages (from memory or read from a site directory).
    ///   - claims: the step lists the site builder wrote, one per numbered list.
    ///   - siteDirectory: where `pages` were read from, for locations (nil: built in memory).
    package func check(pages: [Page] = [], claims: [StepClaim] = [], siteDirectory: String? = nil) -> CheckReport {
        var all = checkModel()
        if !claims.isEmpty { all += checkPages(pages, claims: claims, siteDirectory: siteDirectory) }
        return CheckReport(diagnostics: CheckReport.merged(all), classesChecked: context.classes.count,
                           scenariosChecked: context.decided.scenarioCount, claimsChecked: claims.count)
    }

    /// The scenario classes the checker decided, for the site builder to reuse.
    package var decided: DecidedClasses { context.decided }

    /// How many scenario classes the checker decided.
    package var classesChecked: Int { context.classes.count }
    /// How many concrete scenarios (class × boundary dates) the checker decided.
    package var scenariosChecked: Int { context.decided.scenarioCount }

    /// The model's own diagnostics: tables, procedures against the engine, texts, hygiene.
    package func checkModel() -> [Diagnostic] {
        // Every checker beside the others, their findings in this fixed order. The table walk and
        // the procedure check spread their own work over every core too; `ParallelMap`'s pool
        // lets a waiting thread help with them, so the small checkers fill the gaps.
        let context = context
        let model = model
        let checkers: [@Sendable () -> [Diagnostic]] = [
            { TableChecker(context: context).run() },
            { ProcedureChecker(context: context).run() },
            { TemplateChecker(model: model).run() },
            { CitationChecker(model: model).run() },
            { GlossaryUsageChecker(model: model).run() },
            { DialogChecker(model: model).run() },
            { TermChecker(model: model).run() },
            { ReconstructedLabelChecker(model: model).run() },
        ]
        return ParallelMap.map(checkers.count, { checkers[$0]() }).flatMap { $0 }
    }

    /// The step lists of `pages` against the model (for a second set of pages, such as those on disk).
    package func checkPages(_ pages: [Page], claims: [StepClaim], siteDirectory: String? = nil) -> [Diagnostic] {
        PageChecker(context: context, siteDirectory: siteDirectory).run(pages: pages, claims: claims)
    }
}
