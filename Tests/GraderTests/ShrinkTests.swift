import Foundation
import Testing
@testable import Grader

/// Shrinking a failing case: the result still fails, stays valid, and is small.
@Suite(.serialized)
struct ShrinkTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/verdicts")

    static let checker: Checker = {
        var c = Checker(cacheDirectory: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-grader-tests-cache"))
        c.limits.cpuSeconds = 3
        c.limits.wallSeconds = 5
        return c
    }()

    func binary(_ name: String, _ spec: ExerciseSpec) -> String? {
        if case .program(let path, _) = Self.checker.build(spec, file: Self.fixtures.appendingPathComponent(name)) { return path }
        return nil
    }

    @Test func wrongAnswerShrinksToAnAllNegativeWindow() throws {
        let spec = ExerciseRegistry.spec("sliding-window-max/deque")!
        let bin = try #require(binary("wrong_answer.swift", spec))
        // Fails because the window [-7, -3, -9] has a negative maximum.
        let input = try JSONValue.parse(#"{"nums": [5, 8, 2, 9, 4, 6, -7, -3, -9, 1, 3, 7, 2, 8, 5, 4], "k": 3}"#)
        let expected = try spec.reference(input)
        let start = CaseFailure(case: 0, group: "hidden", input: input, expected: expected, got: nil, message: "")
        let small = Self.checker.shrink(spec, binary: bin, failure: start, crash: false,
                                        limits: Self.checker.limits, learnerName: "wrong_answer.swift")
        #expect(small.shrunk)
        #expect(spec.check(small.input) == nil)
        guard case .array(let nums)? = small.input["nums"] else { Issue.record("no nums"); return }
        #expect(nums.count == 1, "\(small.input)")
        // Still failing: the reference and the learner disagree on the shrunk case.
        #expect(small.expected != small.got)
        if case .int(let v) = nums.first { #expect(v < 0) }
    }

    @Test func crashShrinksAndKeepsCrashing() throws {
        let spec = ExerciseRegistry.spec("sliding-window-max/deque")!
        let bin = try #require(binary("trap.swift", spec))
        let input = try JSONValue.parse(#"{"nums": [4, 1, 7, 3, 9, 2, 8, 6, 5, 0], "k": 4}"#)
        let start = CaseFailure(case: 0, group: "hidden", input: input, expected: nil, got: nil, message: "")
        let small = Self.checker.shrink(spec, binary: bin, failure: start, crash: true,
                                        limits: Self.checker.limits, learnerName: "trap.swift")
        #expect(small.shrunk)
        #expect(small.message.contains("Index out of range"), "\(small.message)")
        guard case .array(let nums)? = small.input["nums"] else { Issue.record("no nums"); return }
        #expect(nums.count <= 2, "\(small.input)")
    }

    @Test func passingProgramIsNotShrunk() throws {
        let spec = ExerciseRegistry.spec("sliding-window-max/deque")!
        let bin = try #require(binary("passing.swift", spec))
        let input = try JSONValue.parse(#"{"nums": [3, 1, 2], "k": 2}"#)
        let start = CaseFailure(case: 0, group: "hidden", input: input, expected: nil, got: nil, message: "m")
        let same = Self.checker.shrink(spec, binary: bin, failure: start, crash: false,
                                       limits: Self.checker.limits, learnerName: "passing.swift")
        #expect(same == start)
    }
}
