// swift-tools-version: 6.0
// tebiki: bilingual refund guides, decision trees, a checker and a semantic diff,
// generated from a structured model of refund rules and console steps.
//
// Targets, in dependency order (see README "Architecture"):
//   TebikiModel    value types only; no I/O, no C, no YAML, no threads
//   TebikiConcurrency  ParallelMap: one fork-join pool, the only code that starts threads
//   TebikiContent  content/ YAML -> model + diagnostics (the only user of Yams)
//   TebikiEngine   evaluate(model, scenario) -> decision with a trace; scenario JSON
//   TebikiAnalysis questions and answer classes, scenario classes, decision trees (for guide, check, diff)
//   TebikiMarkdown the only importer of CCmarkGFM
//   TebikiRender   model and decisions -> localized texts and pages, in memory
//   TebikiCheck    one checker per file: model, steps against the engine, generated pages
//   TebikiDiff     model A, model B -> changes (behaviour, rules, procedures, labels)
//   TebikiCLI      the pipeline, output formats, file writing, commands
//   tebiki         argument parsing entry point only
//   TebikiBench, tebiki-bench   the benchmark's synthetic models and report (issue 6; not in the tebiki product)
import Foundation
import PackageDescription

let package = Package(
    name: "tebiki",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tebiki", targets: ["tebiki"]),
        .library(name: "TebikiCLI", targets: ["TebikiCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "TebikiModel"),
        .target(name: "TebikiConcurrency"),
        .target(
            name: "TebikiContent",
            dependencies: ["TebikiModel", "TebikiConcurrency", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "TebikiEngine", dependencies: ["TebikiModel"]),
        .target(name: "TebikiMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "TebikiAnalysis", dependencies: ["TebikiModel", "TebikiConcurrency", "TebikiEngine"]),
        .target(
            name: "TebikiRender",
            dependencies: [
                "TebikiModel", "TebikiConcurrency", "TebikiEngine", "TebikiAnalysis", "TebikiMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "TebikiCheck", dependencies: ["TebikiModel", "TebikiConcurrency", "TebikiEngine", "TebikiAnalysis", "TebikiRender"]),
        .target(name: "TebikiDiff", dependencies: ["TebikiModel", "TebikiConcurrency", "TebikiEngine", "TebikiAnalysis", "TebikiRender", "TebikiCheck"]),
        .target(
            name: "TebikiCLI",
            dependencies: [
                "TebikiModel", "TebikiConcurrency", "TebikiContent", "TebikiEngine", "TebikiMarkdown", "TebikiRender",
                "TebikiAnalysis", "TebikiCheck", "TebikiDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(name: "tebiki", dependencies: ["TebikiCLI"]),
        // The benchmark (issue 6): synthetic models of N products and the report; not part of the `tebiki` product.
        .target(name: "TebikiBench", dependencies: ["TebikiModel", "TebikiContent"]),
        .executableTarget(
            name: "tebiki-bench",
            dependencies: ["TebikiBench", "TebikiContent", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "TebikiTests",
            dependencies: ["TebikiModel", "TebikiConcurrency", "TebikiContent", "TebikiEngine", "TebikiMarkdown", "TebikiRender", "TebikiAnalysis", "TebikiCheck", "TebikiDiff", "TebikiCLI", "TebikiBench"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The fuzz target (issue 15): built only by scripts/fuzz, which sets TEBIKI_FUZZ=1 and passes
// -sanitize=fuzzer,address (its main hands over to libFuzzer's driver, which an ordinary build
// does not link).
if ProcessInfo.processInfo.environment["TEBIKI_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "tebiki-fuzz",
            dependencies: ["TebikiCLI"],
            path: "Fuzz/tebiki-fuzz"
        )
    )
}
