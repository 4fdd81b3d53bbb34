import Foundation
import Testing
import TebikiContent
import TebikiEngine
import TebikiModel

/// The repository's root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The real content/, loaded once for all tests.
let realModel: Model = {
    let result = ContentLoader.load(contentDirectory: repositoryRoot + "/content", edition: nil)
    guard let model = result.model else {
        fatalError("content/ does not load:\n" + result.diagnostics.map(\.oneLine).joined(separator: "\n"))
    }
    return model
}()

/// Decodes a JSON scenario and decides it with the real model.
func decide(_ json: String, model: Model = realModel) throws -> Decision {
    let scenario = try ScenarioDecoder(model: model).decode(json: json).get()
    return try Engine(model: model).evaluate(scenario)
}

/// A deterministic pseudo-random generator (SplitMix64), so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
