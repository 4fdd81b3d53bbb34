import TebikiConcurrency
import TebikiModel
import Yams

/// Loads content/ strictly: tebiki.yaml, then the eight files of one edition, into a `Model`.
///
/// Every problem becomes a diagnostic with `file:line:col`; loading never stops at the first one.
/// The model is given only when there is no error. The same input always gives the same model
/// and the same diagnostics in the same order.
package enum ContentLoader {
    /// The files of an edition folder, in the order they are read (facts first: everything else types values by them).
    package static let editionFiles = [
        "facts.yaml", "edition.yaml", "glossary.yaml", "products.yaml", "outcomes.yaml", "machines.yaml",
        "procedures.yaml", "rules.yaml",
    ]

    /// Loads the content directory at `contentDirectory`; `edition` defaults to tebiki.yaml's `current_edition`.
    package static func load(contentDirectory: String, edition: String? = nil) -> LoadResult {
        load(from: FileSystemContentSource(directory: contentDirectory), edition: edition)
    }

    /// Loads content from any source (a directory, or texts in memory).
    package static func load(from source: some ContentSource, edition: String? = nil) -> LoadResult {
        loadRecording(from: source, edition: edition).result
    }

    /// Loads content, and every diagnostic in the order it was recorded, before sorting (tests
    /// compare it with a load whose maps run one after the other: `ParallelMap.sequentially`).
    static func loadRecording(from source: some ContentSource, edition: String? = nil) -> (result: LoadResult, log: [Diagnostic]) {
        let ctx = LoadContext()
        let result = load(from: source, edition: edition, into: ctx)
        return (result, ctx.log.diagnostics)
    }

    private static func load(from source: some ContentSource, edition: String?, into ctx: LoadContext) -> LoadResult {
        var result = LoadResult(model: nil, diagnostics: [])

        guard let siteFile = compose("tebiki.yaml", from: source, ctx.log) else {
            result.diagnostics = sorted(ctx.log.diagnostics)
            return result
        }
        let site = SiteReader(ctx: ctx).read(siteFile.root, file: siteFile.file)
        // strings.yaml is optional until content/README.md documents it.
        var strings: [String: Localized] = [:]
        if case .success = source.read("strings.yaml"), let stringsFile = compose("strings.yaml", from: source, ctx.log) {
            strings = StringsReader(ctx: ctx).read(stringsFile.root, file: stringsFile.file)
        }
        result.editions = site.editions
        result.currentEdition = site.currentEdition
        result.baseURL = site.baseURL

        guard let wanted = edition ?? site.currentEdition else {
            result.diagnostics = sorted(ctx.log.diagnostics)
            return result
        }
        guard let entry = site.editions.first(where: { $0.id == wanted }) else {
            if edition != nil {
                ctx.error(.contentUnknownReference, at: site.editionsLocation,
                          "no edition '\(wanted)' is declared in tebiki.yaml; the editions are \(ctx.list(site.editions.map(\.id)))",
                          suggestion: nearestName(to: wanted, in: site.editions.map(\.id)))
            }
            result.diagnostics = sorted(ctx.log.diagnostics)
            return result
        }
        result.loadedEdition = entry.id
        // The edition and the editions it extends, the extended one first (tebiki.yaml reports a
        // broken chain; the load then stops at the break).
        var chain = [entry]
        while let base = chain[0].extends, let next = site.editions.first(where: { $0.id == base }),
              !chain.contains(where: { $0.id == next.id }) {
            chain.insert(next, at: 0)
        }

        // Compose every file first, so that a broken file silences references to what it declares.
        // In an edition that extends another, a file left out is taken from that edition, and a file
        // written there changes it (LoadContext.layeredRoot); edition.yaml is always written.
        // The files are composed on every core, each into its own log; the logs are then added in
        // file order, as one file after the other would have left them.
        func composeLayers(_ f: Int) -> ComposedLayers {
            let name = editionFiles[f], log = DiagnosticLog()
            var layers = ComposedLayers()
            for (level, layer) in chain.enumerated() {
                let path = "\(folderPath(layer.path))/\(name)"
                if level > 0, name != "edition.yaml", case .failure(.missing) = source.read(path) { continue }
                guard var composed = compose(path, from: source, log) else { layers.broken = true; break }
                composed.edition = layer.id
                layers.files.append(composed)
            }
            layers.diagnostics = log.diagnostics
            return layers
        }
        func setLayers(_ composed: ComposedLayers, in ctx: LoadContext) {
            for (below, above) in zip(composed.files, composed.files.dropFirst()) {
                ctx.layers[ObjectIdentifier(above.file)] = EditionLayer(node: below.root, file: below.file, edition: below.edition)
            }
        }
        // Every other file types its values by the facts' signatures: facts.yaml is composed and
        // signed (FactsReader.sign, on a branch absorbed after every file's composing) while the
        // other files are composed.
        let signing = ctx.branch()
        let (factsFile, otherFiles) = ParallelMap.pair({
            let composed = composeLayers(0)
            var partials: [FactsReader.Partial]?
            if !composed.broken, let top = composed.files.last {
                setLayers(composed, in: signing)
                partials = FactsReader(ctx: signing).sign(top.root, file: top.file)
            }
            return (composed: composed, partials: partials)
        }, {
            ParallelMap.map(editionFiles.count - 1) { composeLayers($0 + 1) }
        })
        let composedFiles = [factsFile.composed] + otherFiles
        var files: [String: Composed] = [:]
        for (name, composed) in zip(editionFiles, composedFiles) {
            for d in composed.diagnostics { ctx.log.append(d) }
            setLayers(composed, in: ctx)
            if !composed.broken, let top = composed.files.last {
                files[name] = top
            } else {
                ctx.unavailable.formUnion(kinds(declaredBy: name))
            }
        }
        ctx.absorb(signing)
        let partials = factsFile.partials
        func read<T>(_ name: String, _ body: (YNode?, SourceFile) -> T) -> T? {
            files[name].map { body($0.root, $0.file) }
        }

        // The rest of facts.yaml and the seven other files, each on a branch of the context (its
        // own log and references), on every core; the branches are absorbed in reading order, so
        // the diagnostics and the references are those of reading the files one after the other.
        var readers = Readers()
        let branches = Readers.Part.allCases.map { _ in ctx.branch() }
        let parts = ParallelMap.map(Readers.Part.allCases.count) { i -> Readers in
            let branch = branches[i]
            var part = Readers()
            switch Readers.Part(rawValue: i)! {
            case .facts: part.facts = partials.map { FactsReader(ctx: branch).finish($0) }
            case .edition:
                part.edition = read("edition.yaml") { EditionReader(ctx: branch).read($0, file: $1, expectedID: entry.id) } ?? nil
            case .glossary: part.glossary = read("glossary.yaml") { GlossaryReader(ctx: branch).read($0, file: $1) }
            case .products: part.products = read("products.yaml") { ProductsReader(ctx: branch).read($0, file: $1) }
            case .outcomes: part.outcomes = read("outcomes.yaml") { OutcomesReader(ctx: branch).read($0, file: $1) }
            case .machines: part.machines = read("machines.yaml") { MachinesReader(ctx: branch).read($0, file: $1) }
            case .procedures: part.procedures = read("procedures.yaml") { ProceduresReader(ctx: branch).read($0, file: $1) }
            case .rules: part.rules = read("rules.yaml") { RulesReader(ctx: branch).read($0, file: $1) }
            }
            return part
        }
        for (branch, part) in zip(branches, parts) {
            ctx.absorb(branch)
            readers.take(part)
        }
        let facts = readers.facts, editionValue = readers.edition, glossary = readers.glossary
        let products = readers.products, outcomes = readers.outcomes, machines = readers.machines
        let procedures = readers.procedures, rules = readers.rules

        ReferenceCheck(ctx: ctx).run()
        if let rules, let outcomes { RefundRowCheck(ctx: ctx).run(rules.decisions, outcomes: outcomes.outcomes) }
        if let rules { NextCycleCheck(ctx: ctx).run(rules.nextLinks) }

        result.diagnostics = sorted(ctx.log.diagnostics)
        guard !result.diagnostics.hasErrors, let editionValue, let facts, let glossary, let products, let outcomes,
              let machines, let procedures, let rules, !site.languages.isEmpty
        else { return result }
        result.model = Model(
            languages: site.languages, edition: editionValue, facts: facts, products: products, outcomes: outcomes.outcomes,
            reasons: outcomes.reasons, warnings: outcomes.warnings, channels: outcomes.channels, routes: outcomes.routes,
            formulas: outcomes.formulas, tables: rules.tables, glossary: glossary, machines: machines, procedures: procedures,
            strings: strings)
        return result
    }


    /// What the readers of the edition's files give; each reader fills its own part.
    private struct Readers {
        /// The readers, in the order their branches are absorbed (`editionFiles`' order).
        enum Part: Int, CaseIterable {
            case facts, edition, glossary, products, outcomes, machines, procedures, rules

        }

        var facts: Catalog<Fact>?
        var edition: Edition?
        var glossary: Catalog<UIElement>?
        var products: Catalog<Product>?
        var outcomes: OutcomesReader.Outcomes?
        var machines: Catalog<StateMachine>?
        var procedures: Catalog<Procedure>?
        var rules: RulesReader.Rules?

        /// Takes what `part` read (each part fills fields the others leave nil).
        mutating func take(_ part: Readers) {
            facts = facts ?? part.facts
            edition = edition ?? part.edition
            glossary = glossary ?? part.glossary
            products = products ?? part.products
            outcomes = outcomes ?? part.outcomes
            machines = machines ?? part.machines
            procedures = procedures ?? part.procedures
            rules = rules ?? part.rules
        }
    }

    /// A composed file: its root (nil when empty), and the edition whose folder holds it.
    private struct Composed {
        var file: SourceFile
        var root: YNode?
        var edition = ""
    }

    /// One edition file composed in each edition of the chain that has it, the extended one first;
    /// `broken`: one of them could not be composed (the list stops there).
    private struct ComposedLayers {
        var files: [Composed] = []
        var broken = false
        /// What composing them reported, in order.
        var diagnostics: [Diagnostic] = []
    }

    /// An edition's folder as written in tebiki.yaml, without `./` in front or `/` at the end.
    private static func folderPath(_ path: String) -> String {
        var folder = Substring(path)
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }

    /// Reads and composes one file; nil (with a diagnostic) when it is missing, unreadable or malformed.
    private static func compose(_ path: String, from source: some ContentSource, _ log: DiagnosticLog) -> Composed? {
        let shown = "\(source.name)/\(path)"
        switch source.read(path) {
        case .failure(.missing):
            log.error(.contentMissingFile, at: nil, "\(shown) does not exist; an edition folder holds \(editionFiles.joined(separator: ", "))")
            return nil
        case .failure(.unreadable(let why)):
            log.error(.contentMissingFile, at: nil, "\(shown) cannot be read: \(why)")
            return nil
        case .success(let text):
            let file = SourceFile(path: shown, text: text)
            let before = log.diagnostics.count
            let node = YAMLComposer.compose(file, into: log)
            if node == nil && log.diagnostics.count > before { return nil }
            return Composed(file: file, root: node)
        }
    }

    private static func kinds(declaredBy file: String) -> [ElementKind] {
        ElementKind.allCases.filter { $0.declaredIn == file }
    }

    /// Diagnostics in a total order: place, identifier, summary, then suggestion and explanation.
    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            if a < b { return true }
            if b < a { return false }
            return (a.suggestion ?? "", a.explanation) < (b.suggestion ?? "", b.explanation)
        }
    }
}
