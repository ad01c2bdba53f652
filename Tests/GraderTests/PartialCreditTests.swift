import Testing
@testable import Grader
import Lessons

/// Partial credit: points in proportion to the case groups passed in full.
@Suite struct PartialCreditTests {
    func report(_ verdict: Verdict, _ groups: [(String, Int, Int)]) -> CheckReport {
        var r = CheckReport(exercise: "x/y", verdict: verdict, maxScore: 3, seed: 1, summary: "")
        r.groups = groups.map { GroupResult(group: $0.0, passed: $0.1, total: $0.2) }
        return r
    }

    /// The O(n·k) deque: every case right, the performance group too slow.
    let slowDeque: [(String, Int, Int)] = [("example", 3, 3), ("edge", 9, 9), ("hidden", 40, 40), ("performance", 0, 3)]

    @Test func equalGroupsGiveThreeQuartersToASlowButCorrectSolution() {
        #expect(PartialCredit.equalGroups.score(report(.tooSlow, slowDeque), points: 3) == 2.25)
    }

    @Test func weightsAndAllOrNothing() {
        let weights = PartialCredit.groups(["example": 1, "edge": 1, "hidden": 2, "performance": 1])
        #expect(weights.score(report(.tooSlow, slowDeque), points: 5) == 4)
        #expect(PartialCredit.none.score(report(.tooSlow, slowDeque), points: 3) == 0)
        // A group counts only when every case in it passed.
        let oneHiddenWrong = [("example", 3, 3), ("edge", 9, 9), ("hidden", 39, 40)]
        #expect(PartialCredit.equalGroups.score(report(.wrongAnswer, oneHiddenWrong), points: 3) == 2)
        // Groups the exercise does not have are left out of the denominator.
        #expect(PartialCredit.equalGroups.score(report(.wrongAnswer, [("example", 1, 1), ("edge", 0, 2)]), points: 4) == 2)
    }

    @Test func passedIsFullAndNothingRanIsZero() {
        #expect(PartialCredit.none.score(report(.passed, []), points: 3) == 3)
        #expect(PartialCredit.equalGroups.score(report(.compileError, []), points: 3) == 0)
        #expect(PartialCredit.equalGroups.score(report(.internalError, slowDeque), points: 3) == 0)
    }
}
