import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("DETR exercise bindings")
struct DETRExercisesTests {
    func judge(_ id: String, _ input: String, _ got: String) throws -> String? {
        let spec = try #require(ExerciseRegistry.spec(id))
        let inputValue = try JSONValue.parse(input)
        let expected = try ExerciseRegistry.runReference(id, cases: .array([inputValue]))
        guard case .array(let outs) = expected else { return "no output" }
        return Comparator.judge(spec.comparison, input: inputValue, expected: outs[0], got: try JSONValue.parse(got))
    }

    @Test func lessonExamplesThroughJSON() throws {
        let convert = try ExerciseRegistry.runReference("detr/box-convert",
                                                        cases: try JSONValue.parse(#"[{"boxes": [[2, 1, 6, 4]], "from": "xyxy", "to": "cxcywh"}]"#))
        #expect(convert.compactText == "[[[4.0,2.5,4.0,3.0]]]")
        let h = try ExerciseRegistry.runReference("detr/hungarian", cases: try JSONValue.parse(#"[{"cost": [[4, 1, 3], [2, 0, 5], [3, 2, 2]]}, {"cost": []}]"#))
        #expect(h.compactText == "[[[0,1],[1,0],[2,2]],[]]")
        let m = try ExerciseRegistry.runReference("detr/match", cases: try JSONValue.parse(
            #"[{"logits": [[2, 0, 0], [0, 0, 2]], "boxes": [[0.3, 0.3, 0.2, 0.2], [0.7, 0.7, 0.2, 0.2]], "labels": [0], "targets": [[0.32, 0.3, 0.2, 0.2]], "costClass": 1, "costBbox": 5, "costGiou": 2}]"#))
        #expect(m.compactText == "[[[0,0]]]")
        let loss = try ExerciseRegistry.runReference("detr/set-loss", cases: try JSONValue.parse(
            #"[{"logits": [[2, 0, 0], [0, 0, 2]], "boxes": [[0.3, 0.3, 0.2, 0.2], [0.7, 0.7, 0.2, 0.2]], "labels": [0], "targets": [[0.32, 0.3, 0.2, 0.2]], "matching": [[0, 0]], "eosCoef": 0.1}]"#))
        guard case .array(let items) = loss, case .double(let ce)? = items.first?["ce"] else {
            Issue.record("unexpected \(loss.compactText)"); return
        }
        #expect(abs(ce - 0.2395447662218846) < 1e-12)
    }

    @Test func badCasesNameTheField() throws {
        let convert = try #require(ExerciseRegistry.spec("detr/box-convert"))
        #expect(convert.check(try JSONValue.parse(#"{"boxes": [], "from": "xywh", "to": "xyxy"}"#))?.field == "from")
        #expect(convert.check(try JSONValue.parse(#"{"boxes": [[0, 0, 1]], "from": "xyxy", "to": "cxcywh"}"#))?.field == "boxes[0]")
        let iou = try #require(ExerciseRegistry.spec("detr/iou"))
        let flat = iou.check(try JSONValue.parse(#"{"a": [[0, 0, 1, 1]], "b": [[2, 2, 1, 3]]}"#))
        #expect(flat?.field == "b[0]" && flat?.message.contains("x1 > x0") == true)
        let h = try #require(ExerciseRegistry.spec("detr/hungarian"))
        #expect(h.check(try JSONValue.parse(#"{"cost": [[1, 2], [3]]}"#))?.field == "cost[1]")
        let loss = try #require(ExerciseRegistry.spec("detr/set-loss"))
        let base = #""logits": [[2, 0, 0], [0, 0, 2]], "boxes": [[0.3, 0.3, 0.2, 0.2], [0.7, 0.7, 0.2, 0.2]], "targets": [[0.32, 0.3, 0.2, 0.2]]"#
        #expect(loss.check(try JSONValue.parse("{\(base), \"labels\": [2], \"matching\": [], \"eosCoef\": 0.1}"))?.field == "labels[0]")
        #expect(loss.check(try JSONValue.parse("{\(base), \"labels\": [0], \"matching\": [[0, 0], [1, 0]], \"eosCoef\": 0.1}"))?.field == "matching[1][1]")
        #expect(loss.check(try JSONValue.parse("{\(base), \"labels\": [0], \"matching\": [], \"eosCoef\": 0}"))?.field == "eosCoef")
    }

    /// Any optimal assignment passes; invalid ones are named, and a worse total is shown beside the optimum.
    @Test func hungarianJudgement() throws {
        let id = "detr/hungarian"
        let ties = #"{"cost": [[1, 1], [1, 1]]}"#
        #expect(try judge(id, ties, "[[0, 0], [1, 1]]") == nil)
        #expect(try judge(id, ties, "[[0, 1], [1, 0]]") == nil)
        let greedy = #"{"cost": [[1, 2], [2, 4]]}"#
        #expect(try judge(id, greedy, "[[0, 0], [1, 1]]") == "total cost 5.0, optimal 4.0")
        #expect(try judge(id, greedy, "[[0, 1], [1, 1]]") == "column 1 is used twice (pairs 0 and 1)")
        #expect(try judge(id, greedy, "[[0, 1], [0, 0]]") == "row 0 is used twice (pairs 0 and 1)")
        #expect(try judge(id, greedy, "[[0, 1]]") == "expected 2 pairs (min(2, 2)), got 1")
        #expect(try judge(id, greedy, "[[1, 0], [0, 1]]")?.contains("ascending row order") == true)
        #expect(try judge(id, greedy, "[[0, 2], [1, 0]]") == "pair 0: column 2 is outside 0..<2")
    }

    @Test func matchJudgementUsesTheMatchingCost() throws {
        let input = #"{"logits": [[2, 0, 0], [0, 0, 2]], "boxes": [[0.3, 0.3, 0.2, 0.2], [0.7, 0.7, 0.2, 0.2]], "labels": [0], "targets": [[0.32, 0.3, 0.2, 0.2]], "costClass": 1, "costBbox": 5, "costGiou": 2}"#
        #expect(try judge("detr/match", input, "[[0, 0]]") == nil)
        #expect(try judge("detr/match", input, "[[1, 0]]")?.hasPrefix("total cost 5.33") == true)
        #expect(try judge("detr/match", input, "[]") == "expected 1 pairs (min(2, 1)), got 0")
    }
}
