import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("RNN exercise bindings")
struct RNNExercisesTests {
    static let ids = ["rnn/forward", "rnn/bptt", "rnn/lstm-cell", "rnn/gru-cell", "rnn/clip-grad-norm"]

    @Test func everyCatalogIDIsRegistered() {
        for id in Self.ids { #expect(ExerciseRegistry.spec(id) != nil, "\(id)") }
    }

    /// Every generated case is valid, the reference answers it, and every
    /// shrunk variant is valid too.
    @Test(arguments: ids) func generatedCasesAreValid(id: String) throws {
        let spec = try #require(ExerciseRegistry.spec(id))
        var rng = SeededRandom(seed: 42)
        let groups = spec.generate(&rng)
        #expect(groups.map(\.kind) == [.example, .edge, .hidden])
        #expect((30...60).contains(groups.last?.cases.count ?? 0))
        for group in groups {
            for item in group.cases {
                #expect(spec.check(item) == nil, "\(item.compactText)")
                _ = try spec.reference(item)
                for smaller in spec.shrink(item) {
                    #expect(spec.check(smaller) == nil, "shrunk \(smaller.compactText)")
                    #expect(Self.sortedKeys(smaller) != Self.sortedKeys(item))
                }
            }
        }
    }

    static func sortedKeys(_ v: JSONValue) -> JSONValue {
        switch v {
        case .array(let items): return .array(items.map(sortedKeys))
        case .object(let pairs): return .object(pairs.map { ($0.0, sortedKeys($0.1)) }.sorted { $0.0 < $1.0 })
        default: return v
        }
    }

    @Test func sameSeedSameCases() throws {
        for id in Self.ids {
            let spec = try #require(ExerciseRegistry.spec(id))
            var a = SeededRandom(seed: 3), b = SeededRandom(seed: 3)
            // Object keys are compared by name: the encoder does not promise an order.
            #expect(spec.generate(&a).map { $0.cases.map(Self.sortedKeys) } == spec.generate(&b).map { $0.cases.map(Self.sortedKeys) })
        }
    }

    /// The lesson's worked BPTT example through the JSON path.
    @Test func bpttLessonExampleThroughJSON() throws {
        let input = try JSONValue.parse(#"[{"xs": [[1], [2]], "wih": [[0.5]], "whh": [[1]], "bih": [0], "bhh": [0], "h0": [0], "dhs": [[0], [1]]}]"#)
        let out = try ExerciseRegistry.runReference("rnn/bptt", cases: input)
        guard case .array(let items) = out, let first = items.first,
              case .array(let dwih)? = first["dwih"], case .array(let row)? = dwih.first,
              case .double(let value)? = row.first else {
            Issue.record("unexpected output \(out.compactText)"); return
        }
        #expect(abs(value - 0.5391) < 1e-4)
        for key in ["dwih", "dwhh", "dbih", "dbhh", "dh0", "dxs"] { #expect(first[key] != nil, "\(key)") }
    }

    /// Bad cases name the field and what was expected.
    @Test func badCasesNameTheField() throws {
        let spec = try #require(ExerciseRegistry.spec("rnn/lstm-cell"))
        let wrongRows = try JSONValue.parse(#"{"x": [1], "h": [0], "c": [0], "wih": [[0], [0], [0]], "whh": [[0], [0], [0], [0]], "bih": [0, 0, 0, 0], "bhh": [0, 0, 0, 0]}"#)
        let problem = try #require(spec.check(wrongRows))
        #expect(problem.field == "wih")
        #expect(problem.message.contains("4H×I"))

        let forward = try #require(ExerciseRegistry.spec("rnn/forward"))
        let ragged = try JSONValue.parse(#"{"xs": [[1, 2], [3]], "wih": [[1, 1]], "whh": [[1]], "bih": [0], "bhh": [0], "h0": [0]}"#)
        #expect(forward.check(ragged)?.field == "xs[1]")
        let empty = try JSONValue.parse(#"{"xs": [], "wih": [[1]], "whh": [[1]], "bih": [0], "bhh": [0], "h0": [0]}"#)
        #expect(forward.check(empty)?.field == "xs")

        let clip = try #require(ExerciseRegistry.spec("rnn/clip-grad-norm"))
        #expect(clip.check(try JSONValue.parse(#"{"grads": [[1]], "maxNorm": -1}"#))?.field == "maxNorm")
    }
}
