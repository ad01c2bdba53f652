import Testing
import Grader
import Lessons
@testable import TUI

/// With `--lang zh` the verdict overlay's summary line is Chinese too, built
/// from the report's fields, not the grader's English sentence.
@Suite struct ChineseVerdictTests {
    func report(_ verdict: Verdict) -> CheckReport {
        var r = CheckReport(exercise: "sliding-window-max/deque", verdict: verdict, maxScore: 3,
                            cases: CaseCount(passed: 12, total: 40), seed: 42,
                            summary: "wrong answer on case 13 (hidden)")
        r.failure = CaseFailure(case: 13, group: "hidden", input: .null, expected: nil, got: nil, message: "")
        return r
    }

    @Test func summariesAreChinese() {
        let wrong = CheckOutcome(report: report(.wrongAnswer))
        #expect(wrong.translatedSummaries["zh"] == "第 13 个用例（隐藏）答案错误；通过 12/40 个用例")
        var slow = report(.tooSlow)
        slow.failure = nil
        #expect(CheckOutcome(report: slow).translatedSummaries["zh"]?.hasPrefix("太慢") == true)
        var timeout = report(.timeout)
        timeout.limit = LimitHit(name: .cpuTime, value: 1, unit: "s")
        #expect(CheckOutcome(report: timeout).translatedSummaries["zh"]?.contains("CPU 时间上限 1 s") == true)
        for v in [Verdict.passed, .compileError, .runtimeError, .memoryLimit, .outputLimit, .internalError] {
            let text = CheckOutcome(report: report(v)).translatedSummaries["zh"] ?? ""
            #expect(!text.isEmpty && text.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(v): \(text)")
        }
    }

    @Test func theOverlayShowsTheChineseSummary() {
        var model = AppFixtures.model()
        model.language = "zh"
        model.overlay = .verdict(exercise: "sliding-window-max/deque", CheckOutcome(report: report(.wrongAnswer)), scroll: 0)
        let screen = render(model).screen
        #expect(screen.contains("答案错误"))
        #expect(!screen.contains("wrong answer on case 13"))
    }
}
