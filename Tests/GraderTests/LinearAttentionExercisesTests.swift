import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("Linear attention and FLASH exercise bindings")
struct LinearAttentionExercisesTests {
    static func numbers(_ v: JSONValue) -> [Double] {
        switch v {
        case .array(let items): return items.flatMap(numbers)
        case .double(let d): return [d]
        case .int(let i): return [Double(i)]
        default: return []
        }
    }

    /// The lessons' worked examples through the JSON path.
    @Test func lessonExamplesThroughJSON() throws {
        let attention = try JSONValue.parse(#"[{"q": [[1, 0], [0, 1]], "k": [[0, 0], [1, -1]], "v": [[1], [3]]}]"#)
        let global = Self.numbers(try ExerciseRegistry.runReference("linear-attention/global", cases: attention))
        #expect(global.count == 2 && abs(global[0] - 2.1857) < 1e-4 && abs(global[1] - 1.9539) < 1e-4)
        let causal = Self.numbers(try ExerciseRegistry.runReference("linear-attention/causal", cases: attention))
        #expect(causal[0] == 1 && abs(causal[1] - global[1]) < 1e-12)

        let step = try ExerciseRegistry.runReference("linear-attention/rnn-step", cases: try JSONValue.parse(
            #"[{"state": [[2]], "normalizer": [1], "q": [0], "k": [0], "v": [3]}]"#))
        guard case .array(let items) = step, let first = items.first else { Issue.record("\(step.compactText)"); return }
        #expect(Self.numbers(first["state"] ?? .null) == [5])
        #expect(Self.numbers(first["normalizer"] ?? .null) == [2])
        #expect(Self.numbers(first["output"] ?? .null) == [2.5])

        let relu2 = try ExerciseRegistry.runReference("flash/relu2-attention", cases: try JSONValue.parse(
            #"[{"q": [[1], [2]], "k": [[1], [2]], "v": [[1], [10]], "causal": false}, {"q": [[1], [2]], "k": [[1], [2]], "v": [[1], [10]], "causal": true}]"#))
        #expect(Self.numbers(relu2) == [10.25, 41, 0.25, 41])

        let chunk = #"{"quadQ": [[1], [1], [2], [0]], "quadK": [[1], [2], [1], [1]], "linQ": [[1], [0], [1], [2]], "linK": [[1], [1], [0], [1]], "v": [[1], [2], [3], [4]], "chunk": 2, "causal": CAUSAL}"#
        let both = "[" + chunk.replacingOccurrences(of: "CAUSAL", with: "false") + ", "
            + chunk.replacingOccurrences(of: "CAUSAL", with: "true") + "]"
        let mixed = try ExerciseRegistry.runReference("flash/mixed-chunk", cases: try JSONValue.parse(both))
        #expect(Self.numbers(mixed) == [4, 2.25, 8.75, 3.5, 0.25, 2.25, 4.5, 3])
    }

    @Test func badCasesNameTheField() throws {
        let causal = try #require(ExerciseRegistry.spec("linear-attention/causal"))
        #expect(causal.check(try JSONValue.parse(#"{"q": [[1, 2]], "k": [[1]], "v": [[1]]}"#))?.field == "k[0]")
        #expect(causal.check(try JSONValue.parse(#"{"q": [[1], [2]], "k": [[1], [2]], "v": [[1]]}"#))?.field == "v")
        #expect(causal.check(try JSONValue.parse(#"{"q": [], "k": [], "v": []}"#))?.field == "q")
        #expect(causal.check(try JSONValue.parse(#"{"q": [[1]], "k": [[500]], "v": [[1]]}"#))?.field == "k[0][0]")

        let step = try #require(ExerciseRegistry.spec("linear-attention/rnn-step"))
        let wrongState = try #require(step.check(try JSONValue.parse(
            #"{"state": [[1, 2]], "normalizer": [1], "q": [0], "k": [0], "v": [3]}"#)))
        #expect(wrongState.field == "state[0]" && wrongState.message.contains("d×e"))
        #expect(step.check(try JSONValue.parse(#"{"state": [[1]], "normalizer": [-1], "q": [0], "k": [0], "v": [3]}"#))?.field == "normalizer[0]")

        let mixed = try #require(ExerciseRegistry.spec("flash/mixed-chunk"))
        let base = #"{"quadQ": [[1], [1], [2]], "quadK": [[1], [2], [1]], "linQ": [[1], [0], [1]], "linK": [[1], [1], [0]], "v": [[1], [2], [3]], "chunk": CHUNK, "causal": true}"#
        let notDividing = try #require(mixed.check(try JSONValue.parse(base.replacingOccurrences(of: "CHUNK", with: "2"))))
        #expect(notDividing.field == "chunk" && notDividing.message.contains("divide n = 3"))
        #expect(mixed.check(try JSONValue.parse(base.replacingOccurrences(of: "CHUNK", with: "0")))?.field == "chunk")
        #expect(mixed.check(try JSONValue.parse(base.replacingOccurrences(of: "CHUNK", with: "3"))) == nil)
        let shortLinK = base.replacingOccurrences(of: "CHUNK", with: "3")
            .replacingOccurrences(of: #""linK": [[1], [1], [0]]"#, with: #""linK": [[1], [1]]"#)
        #expect(mixed.check(try JSONValue.parse(shortLinK))?.field == "linK")

        let gau = try #require(ExerciseRegistry.spec("flash/gau"))
        let wrongWo = try #require(gau.check(try JSONValue.parse(
            #"{"x": [[1], [2]], "wu": [[1, 1]], "bu": [0, 0], "wv": [[1, 1]], "bv": [0, 0], "wz": [[1]], "bz": [0], "gammaQ": [1], "betaQ": [0], "gammaK": [1], "betaK": [0], "wo": [[1]], "bo": [0], "causal": false}"#)))
        #expect(wrongWo.field == "wo" && wrongWo.message.contains("e×d"))
    }

    /// `reference` refuses the whole batch and names the case and field.
    @Test func referenceNamesTheCase() throws {
        let cases = try JSONValue.parse(#"[{"x": [[1]]}, {"x": [[1, 2], [3]]}]"#)
        #expect(throws: ReferenceError.self) { try ExerciseRegistry.runReference("linear-attention/feature-map", cases: cases) }
        do {
            _ = try ExerciseRegistry.runReference("linear-attention/feature-map", cases: cases)
        } catch {
            #expect(error.description.hasPrefix("case 1:") && error.description.contains("x[1]"))
        }
    }

    /// The performance groups are the catalog's sizes, and their ladders grow.
    @Test func performanceGroupsHaveTheCatalogSizes() throws {
        let causal = try #require(ExerciseRegistry.spec("linear-attention/causal")?.performance)
        var rng = SeededRandom(seed: 1)
        let big = try #require(causal.cases(&rng).first)
        guard case .array(let q)? = big["q"], case .array(let row)? = q.first else { Issue.record("no q"); return }
        #expect(q.count == 8192 && row.count == 32)
        #expect(causal.ladder(&rng).map(\.n) == [1024, 2048, 4096, 8192])

        let mixed = try #require(ExerciseRegistry.spec("flash/mixed-chunk")?.performance)
        let cases = mixed.cases(&rng)
        #expect(cases.count == 2)
        for c in cases {
            guard case .array(let v)? = c["v"] else { Issue.record("no v"); return }
            #expect(v.count == 8192 && c["chunk"] == .int(128))
        }
    }
}
