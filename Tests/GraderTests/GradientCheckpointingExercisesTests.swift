import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("Gradient checkpointing exercise bindings")
struct GradientCheckpointingExercisesTests {
    func judge(_ id: String, _ input: String, _ got: String) throws -> String? {
        let spec = try #require(ExerciseRegistry.spec(id))
        let inputValue = try JSONValue.parse(input)
        let expected = try ExerciseRegistry.runReference(id, cases: .array([inputValue]))
        guard case .array(let outs) = expected else { return "no output" }
        return Comparator.judge(spec.comparison, input: inputValue, expected: outs[0], got: try JSONValue.parse(got))
    }

    @Test func lessonExamplesThroughJSON() throws {
        let cost = try ExerciseRegistry.runReference("gradient-checkpointing/plan-cost",
                                                     cases: try JSONValue.parse(#"[{"sizes": [4, 4, 4, 4, 4, 4], "plan": [2, 4]}]"#))
        #expect(cost.compactText == #"[{"forwardEvaluations":9,"peakMemory":12}]"#)
        let sqrt = try ExerciseRegistry.runReference("gradient-checkpointing/sqrt-plan", cases: try JSONValue.parse(#"[{"n": 10}, {"n": 1}]"#))
        #expect(sqrt.compactText == "[[4,8],[]]")
        let none = try ExerciseRegistry.runReference("gradient-checkpointing/best-plan",
                                                     cases: try JSONValue.parse(#"[{"sizes": [5, 2], "budget": 4}]"#))
        #expect(none.compactText == "[null]")
        let chain = try ExerciseRegistry.runReference("gradient-checkpointing/chain-gradients",
                                                      cases: try JSONValue.parse(#"[{"x": [1], "weights": [[[0.5]], [[2]], [[-1]]], "plan": [1]}]"#))
        guard case .array(let items) = chain, case .int(let evaluations)? = items.first?["forwardEvaluations"] else {
            Issue.record("unexpected \(chain.compactText)"); return
        }
        #expect(evaluations == 4)
    }

    @Test func badCasesNameTheField() throws {
        let cost = try #require(ExerciseRegistry.spec("gradient-checkpointing/plan-cost"))
        #expect(cost.check(try JSONValue.parse(#"{"sizes": [1, 2, 3], "plan": [3]}"#))?.field == "plan[0]")
        #expect(cost.check(try JSONValue.parse(#"{"sizes": [1, 2, 3], "plan": [2, 1]}"#))?.field == "plan[1]")
        #expect(cost.check(try JSONValue.parse(#"{"sizes": [1, 0, 3], "plan": []}"#))?.field == "sizes[1]")
        #expect(cost.check(try JSONValue.parse(#"{"sizes": [], "plan": []}"#))?.field == "sizes")
        let best = try #require(ExerciseRegistry.spec("gradient-checkpointing/best-plan"))
        #expect(best.check(try JSONValue.parse(#"{"sizes": [1, 2], "budget": -1}"#))?.field == "budget")
        let chain = try #require(ExerciseRegistry.spec("gradient-checkpointing/chain-gradients"))
        let problem = chain.check(try JSONValue.parse(#"{"x": [1, 2], "weights": [[[1, 0], [0]]], "plan": []}"#))
        #expect(problem?.field == "weights[0][1]" && problem?.message.contains("D = 2") == true)
    }

    /// Any optimal plan passes; invalid, over-budget and suboptimal plans and wrong nulls are named.
    @Test func bestPlanJudgement() throws {
        let id = "gradient-checkpointing/best-plan"
        let lesson = #"{"sizes": [4, 4, 4, 4, 4, 4], "budget": 16}"#
        #expect(try judge(id, lesson, "[2, 3, 4]") == nil)
        #expect(try judge(id, lesson, "[1, 3, 5]") == nil)                 // another optimal plan
        #expect(try judge(id, lesson, "[1, 2, 3, 4, 5]") == "plan exceeds the budget: peak 20 > 16")
        #expect(try judge(id, lesson, "[2, 4]")?.contains("needs 9 forward evaluations (2 checkpoints); the best plan needs 8 (3 checkpoints)") == true)
        #expect(try judge(id, lesson, "[3, 3, 4]")?.contains("invalid plan: checkpoint 3 appears twice") == true)
        #expect(try judge(id, lesson, "[0, 3]")?.contains("outside 1...5") == true)
        #expect(try judge(id, lesson, "null")?.hasPrefix("got null, but a plan fits: 3 checkpoints") == true)
        let impossible = #"{"sizes": [4, 4, 4, 4, 4, 4], "budget": 11}"#
        #expect(try judge(id, impossible, "null") == nil)
        #expect(try judge(id, impossible, "[2, 4]")?.hasPrefix("expected null") == true)
    }
}
