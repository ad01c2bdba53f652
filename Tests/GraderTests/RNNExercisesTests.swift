import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("RNN exercise bindings")
struct RNNExercisesTests {
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
