import TebikiAnalysis
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
public struct Checker: Sendable {
    public let model: Model
    let context: CheckContext

    /// Creates a checker and decides every scenario class of `model` once.
    public init(model: Model) {
        self.model = model
        context = CheckContext(model: model)
    }

    /// Checks the model and, when given, the pages and the step lists they claim.
    /// - Parameters:
    ///   - pages: generated pages (from memory or read from a site directory).
    ///   - claims: the step lists the site builder wrote, one per numbered list.
    ///   - siteDirectory: where `pages` were read from, for locations (nil: built in memory).
    public func check(pages: [Page] = [], claims: [StepClaim] = [], siteDirectory: String? = nil) -> CheckReport {
        var all = checkModel()
        if !claims.isEmpty { all += checkPages(pages, claims: claims, siteDirectory: siteDirectory) }
        return CheckReport(diagnostics: CheckReport.merged(all), classesChecked: context.classes.count,
                           scenariosChecked: context.decided.scenarioCount, claimsChecked: claims.count)
    }

    /// The scenario classes the checker decided, for the site builder to reuse.
    public var decided: DecidedClasses { context.decided }

    /// How many scenario classes the checker decided.
    public var classesChecked: Int { context.classes.count }
    /// How many concrete scenarios (class × boundary dates) the checker decided.
    public var scenariosChecked: Int { context.decided.scenarioCount }

    /// The model's own diagnostics: tables, procedures against the engine, texts, hygiene.
    public func checkModel() -> [Diagnostic] {
        var all: [Diagnostic] = []
        all += TableChecker(context: context).run()
        all += ProcedureChecker(context: context).run()
        // The checkers that run on one core, beside each other (the two above spread their own
        // work over every core; run inside another parallel loop, theirs would run on one).
        let model = model
        let serial: [@Sendable () -> [Diagnostic]] = [
            { TemplateChecker(model: model).run() },
            { CitationChecker(model: model).run() },
            { GlossaryUsageChecker(model: model).run() },
            { DialogChecker(model: model).run() },
            { TermChecker(model: model).run() },
            { ReconstructedLabelChecker(model: model).run() },
        ]
        for found in ParallelMap.map(serial.count, { serial[$0]() }) { all += found }
        return all
    }

    /// The step lists of `pages` against the model (for a second set of pages, such as those on disk).
    public func checkPages(_ pages: [Page], claims: [StepClaim], siteDirectory: String? = nil) -> [Diagnostic] {
        PageChecker(context: context, siteDirectory: siteDirectory).run(pages: pages, claims: claims)
    }
}
