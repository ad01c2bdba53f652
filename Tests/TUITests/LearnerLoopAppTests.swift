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
        m.lessons[1].hints = ["tokenization/merge": ["Walk left to right.", "Skip past a merged pair."]]
        m.selected = 1
        let effects = update(&m, .key(.char("h")))
        let asked = effects.compactMap { effect -> String? in
            if case .nextHint(let exercise, let hints) = effect, hints.count == 2 { return exercise }
            return nil
        }
        #expect(asked == ["tokenization/merge"], "\(effects)")
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
}
