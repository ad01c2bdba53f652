import Foundation
import Lessons
import Testing
@testable import TUI

/// Issue 11 in the app: keys act on the exercise the reader is looking at,
/// overlays cover what is under them, titles read as written.
@Suite struct LearnerLoopAppTests {
    func started(_ env: FakeEnvironment = FakeEnvironment()) -> AppRuntime {
        let rt = AppRuntime(model: AppFixtures.model(), environment: env)
        rt.start(openLesson: 0)
        return rt
    }

    @Test func checkInTheOutlineActsOnTheHighlightedLesson() {
        let rt = started()
        #expect(rt.model.focus == .outline && rt.model.lesson != nil)
        rt.send(.key(.down))
        #expect(rt.model.selected == 1)
        rt.send(.key(.char("c")))
        #expect(rt.model.checking?.exercise == "tokenization/merge")
    }

    @Test func hintInTheOutlineUsesTheHighlightedLessonsHints() {
        var m = AppFixtures.model()
        m.selected = 1
        let effects = update(&m, .key(.char("h")))
        let asked = effects.compactMap { effect -> String? in
            if case .nextHint(let exercise, _) = effect { return exercise }
            return nil
        }
        #expect(asked == ["tokenization/merge"], "\(effects)")
        // The outline does not parse lessons: the runtime reads the hints of
        // the unopened lesson from the environment.
        let env = FakeEnvironment()
        env.outlineHints = ["tokenization/merge": ["Walk left to right.", "Skip past a merged pair."]]
        let rt = AppRuntime(model: m, environment: env)
        rt.send(.key(.char("h")))
        guard case .hint(let exercise, let text, _, let total)? = rt.model.overlay else {
            Issue.record("no hint overlay: \(String(describing: rt.model.overlay))"); return
        }
        #expect(exercise == "tokenization/merge" && text == "Walk left to right." && total == 2)
    }

    @Test func overlaysHideTheBlockCursor() {
        let rt = started()
        rt.send(.key(.enter))
        rt.send(.key(.pageDown))
        #expect(render(rt.model).textRows.joined().contains("▶"))
        rt.send(.checkFinished(exercise: AppFixtures.exerciseID, CheckOutcome(
            verdict: "wrong_answer", passed: false, summary: "12/40 cases passed", details: ["got [1]"])))
        #expect(!render(rt.model).textRows.joined().contains("▶"))
    }

    @Test func titlesKeepHyphensAndPointsAgree() {
        #expect(LessonLayout.titleMath("2-D max pooling with two deque passes", { MathText.unicode($0) })
                == "2-D max pooling with two deque passes")
        #expect(LessonLayout.titleMath("The state $h_t$ in 1-D", { MathText.unicode($0) }) == "The state hₜ in 1-D")
        #expect(LessonLayout.pointsText(1) == "1 pt")
        #expect(LessonLayout.pointsText(2) == "2 pts")
    }

    @Test func chineseAppDrawsChineseChrome() {
        var model = AppFixtures.model()
        model.language = "zh"
        model.lessons[0].translatedTitles = ["zh": "滑动窗口最大值"]
        let rt = AppRuntime(model: model, environment: FakeEnvironment())
        rt.start(openLesson: 0)
        var screen = render(rt.model).textRows.joined(separator: "\n")
        #expect(screen.contains("课程 · 已完成 1/4"), "\(screen)")
        #expect(screen.contains("1. 滑动窗口最大值"))
        #expect(screen.contains("↑↓ 移动") && screen.contains("q 退出"))
        #expect(!screen.contains("solved") && !screen.contains("Enter open"))
        rt.send(.key(.enter))
        screen = render(rt.model).textRows.joined(separator: "\n")
        #expect(screen.contains("练习") && screen.contains("3 分") && screen.contains("c 检查"), "\(screen)")
        #expect(!screen.contains(" · zh"))
        rt.send(.checkFinished(exercise: AppFixtures.exerciseID, CheckOutcome(
            verdict: "wrong_answer", passed: false, summary: "12/40 cases passed", details: [])))
        screen = render(rt.model).textRows.joined(separator: "\n")
        #expect(screen.contains("判定结果") && screen.contains("答案错误"), "\(screen)")
        rt.send(.key(.escape))
        rt.send(.key(.char("?")))
        screen = render(rt.model).textRows.joined(separator: "\n")
        #expect(screen.contains("按键") && screen.contains("显示下一条提示"), "\(screen)")
    }

    @Test func anOverlayBesideAPaneFrameDrawsOneFrame() {
        // 40 columns: the help overlay starts at column 1, beside the pane's corner at column 0.
        let rt = AppRuntime(model: AppFixtures.model(width: 40, height: 30), environment: FakeEnvironment())
        rt.start(openLesson: 0)
        rt.send(.key(.char("?")))
        let rows = render(rt.model).textRows
        #expect(rows.allSatisfy { !$0.contains("┌┌") && !$0.contains("││┌") && !$0.contains("└└") }, "\(rows.joined(separator: "\n"))")
        #expect(rows.contains { $0.contains("┌ Keys") })
    }
}
