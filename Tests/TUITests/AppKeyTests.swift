import Foundation
import Lessons
import Testing
@testable import TUI

/// Scripted key sequences, with an assertion after each step (as lazygit's
/// integration tests do).
@Suite struct AppKeyTests {
    func started(_ env: FakeEnvironment = FakeEnvironment(), width: Int = 100, height: Int = 30) -> AppRuntime {
        let rt = AppRuntime(model: AppFixtures.model(width: width, height: height), environment: env)
        rt.start(openLesson: 0)
        return rt
    }

    @Test func openLessonScrollAndGoBack() {
        let rt = started()
        #expect(rt.model.focus == .outline)
        #expect(rt.model.selected == 0)
        rt.send(.key(.down))
        #expect(rt.model.selected == 1)
        rt.send(.key(.char("k")))
        #expect(rt.model.selected == 0)
        rt.send(.key(.enter))
        #expect(rt.model.focus == .lesson)
        #expect(rt.model.lesson?.id == "sliding-window-max")
        #expect(render(rt.model).screen.contains("Sliding-window maximum"))
        rt.send(.key(.char("j")))
        #expect(rt.model.scroll == 1)
        rt.send(.key(.pageDown))
        #expect(rt.model.scroll == 1 + rt.model.pageSize || rt.model.scroll == rt.model.maxScroll)
        rt.send(.key(.char(" ")))
        rt.send(.key(.char("G")))
        #expect(rt.model.scroll == rt.model.maxScroll)
        #expect(render(rt.model).screen.contains("needle word"))
        rt.send(.key(.char("g")))
        #expect(rt.model.scroll == 0)
        rt.send(.key(.escape))
        #expect(rt.model.focus == .outline)
        rt.send(.key(.tab))
        #expect(rt.model.focus == .lesson)
    }

    @Test func searchFindsNextAndPrevious() {
        let rt = started()
        rt.send(.key(.enter))
        rt.send(.key(.char("/")))
        #expect(rt.model.search.editing)
        for c in "filler paragraph 1" { rt.send(.key(.char(c))) }
        #expect(render(rt.model).textRows.last!.contains("/filler paragraph 1"))
        rt.send(.key(.enter))
        #expect(!rt.model.search.editing)
        // "filler paragraph 1", 10, 11, 12 match.
        #expect(rt.model.search.matches.count == 4)
        let first = rt.model.search.matches[0]
        #expect(rt.model.search.current == 0)
        rt.send(.key(.char("n")))
        #expect(rt.model.search.current == 1)
        let second = rt.model.search.matches[1]
        #expect(second > first)
        #expect((rt.model.scroll..<rt.model.scroll + rt.model.lessonTextRect.height).contains(second))
        rt.send(.key(.char("N")))
        #expect(rt.model.search.current == 0)
        rt.send(.key(.char("N")))
        #expect(rt.model.search.current == 3)   // wraps to the last
        rt.send(.key(.char("/")))
        for c in "no such text" { rt.send(.key(.char(c))) }
        rt.send(.key(.enter))
        #expect(rt.model.search.matches.isEmpty)
        #expect(rt.model.notice == "not found: no such text")
    }

    @Test func answerQuizWrongThenRight() {
        let env = FakeEnvironment()
        let rt = started(env)
        rt.send(.key(.enter))
        rt.send(.key(.char("G")))
        // At the bottom both boxes are in view: ↓ moves the cursor from the exercise to the quiz.
        #expect(rt.model.anchorInView == .exercise(0))
        rt.send(.key(.down))
        #expect(rt.model.anchorInView == .quiz(0))
        rt.send(.key(.enter))
        guard case .quiz(let q)? = rt.model.overlay else { Issue.record("no quiz overlay"); return }
        #expect(q.selected == 0)
        rt.send(.key(.down))
        rt.send(.key(.enter))
        guard case .quiz(let answered)? = rt.model.overlay else { Issue.record("quiz closed too early"); return }
        #expect(answered.result == false)
        #expect(render(rt.model).screen.contains("Not quite"))
        #expect(env.quizzes.count == 1 && env.quizzes[0].3 == false && env.quizzes[0].2 == "k times")
        rt.send(.key(.enter))
        #expect(rt.model.overlay == nil)
        rt.send(.key(.enter))
        rt.send(.key(.char("a")))
        rt.send(.key(.enter))
        #expect(render(rt.model).screen.contains("✓ Right."))
        #expect(render(rt.model).screen.contains("pushed once"))
        #expect(env.quizzes.last?.3 == true)
        rt.send(.key(.escape))
        #expect(render(rt.model).screen.contains("✓ answered"))
    }

    @Test func checkWrongFileThenRightFile() {
        let env = FakeEnvironment()
        env.files[AppFixtures.exerciseID] = "func maxSlidingWindow() -> [Int] { [] } // wrong"
        let rt = started(env)
        rt.send(.key(.enter))
        for _ in 0..<40 where rt.model.anchorInView != .exercise(0) { rt.send(.key(.down)) }
        #expect(rt.model.anchorInView == .exercise(0))
        rt.send(.key(.char("c")))
        #expect(rt.model.checking?.exercise == AppFixtures.exerciseID)
        #expect(render(rt.model).textRows.last!.contains("checking sliding-window-max/deque"))
        rt.waitUntilIdle()
        #expect(rt.model.checking == nil)
        guard case .verdict(_, let outcome, _)? = rt.model.overlay else { Issue.record("no verdict"); return }
        #expect(!outcome.passed)
        let screen = render(rt.model).screen
        #expect(screen.contains("✗ wrong answer"))
        #expect(screen.contains("expected  [2]"))
        #expect(screen.contains("got       [1]"))
        #expect(rt.model.statuses[AppFixtures.exerciseID] == .attempted)
        rt.send(.key(.escape))
        rt.send(.key(.char("G")))
        #expect(render(rt.model).screen.contains("✗ not yet"))
        // The learner saves a right solution: the file watcher re-checks it.
        env.files[AppFixtures.exerciseID] = "// RIGHT"
        rt.send(.fileChanged(exercise: AppFixtures.exerciseID))
        rt.waitUntilIdle()
        guard case .verdict(_, let second, _)? = rt.model.overlay else { Issue.record("no second verdict"); return }
        #expect(second.passed)
        #expect(render(rt.model).screen.contains("✓ passed"))
        rt.send(.key(.escape))
        #expect(rt.model.statuses[AppFixtures.exerciseID] == .passed)
        #expect(render(rt.model).screen.contains("2/3"))
        #expect(env.checks == [AppFixtures.exerciseID, AppFixtures.exerciseID])
    }

    @Test func aSaveDuringACheckIsCheckedAfterIt() {
        let rt = started()
        rt.send(.key(.enter))
        var m = rt.model
        // Pure update: a save arrives while a check runs.
        _ = update(&m, .key(.char("c")))
        #expect(m.checking != nil)
        let during = update(&m, .fileChanged(exercise: AppFixtures.exerciseID))
        #expect(during.isEmpty && m.recheck == AppFixtures.exerciseID)
        let after = update(&m, .checkFinished(exercise: "sliding-window-max/naive",
                                              CheckOutcome(verdict: "wrong_answer", passed: false)))
        #expect(after == [.check(exercise: AppFixtures.exerciseID, points: 3)])
        #expect(m.recheck == nil && m.checking?.exercise == AppFixtures.exerciseID)
    }

    @Test func hintsComeOneAtATime() {
        let env = FakeEnvironment()
        let rt = started(env)
        rt.send(.key(.enter))
        rt.send(.key(.char("h")))
        guard case .hint(_, let text, let n, let total)? = rt.model.overlay else { Issue.record("no hint"); return }
        #expect(text == "Keep indices, not values." && n == 1 && total == 2)
        rt.send(.key(.char("h")))
        guard case .hint(_, let text2, 2, 2)? = rt.model.overlay else { Issue.record("no second hint"); return }
        #expect(text2.hasPrefix("Pop smaller"))
        rt.send(.key(.char("h")))
        guard case .message? = rt.model.overlay else { Issue.record("expected no more hints"); return }
        rt.send(.key(.escape))
        #expect(rt.model.overlay == nil)
    }

    @Test func withoutWorkspaceCheckOffersOne() {
        var model = AppFixtures.model(workspace: nil)
        model.proposedWorkspace = "/tmp/ws"
        let rt = AppRuntime(model: model, environment: FakeEnvironment())
        rt.start(openLesson: 0)
        rt.send(.key(.char("c")))
        guard case .offerWorkspace? = rt.model.overlay else { Issue.record("no offer"); return }
        rt.send(.key(.char("y")))
        #expect(rt.model.workspace == "/tmp/ws")
        #expect(rt.model.overlay == nil)
    }

    @Test func editorOpensTheExerciseFile() {
        let rt = started()
        var opened: [String] = []
        rt.runEditor = { opened.append($0); return nil }
        rt.send(.key(.enter))
        rt.send(.key(.char("e")))
        #expect(opened == ["/tmp/ws/Exercises/sliding-window-max/naive.swift"] || opened == ["/tmp/ws/Exercises/sliding-window-max/deque.swift"])
    }

    @Test func languageSwitchAndHelpAndQuit() {
        let env = FakeEnvironment()
        let rt = started(env)
        rt.send(.key(.enter))
        rt.send(.key(.char("L")))
        #expect(rt.model.language == "zh")
        #expect(rt.model.lesson?.language == "zh")
        rt.send(.key(.char("?")))
        guard case .help? = rt.model.overlay else { Issue.record("no help"); return }
        // The app speaks the chosen language: the help is Chinese now.
        #expect(render(rt.model).screen.contains("在有译文时切换语言"))
        rt.send(.key(.escape))
        #expect(rt.model.overlay == nil)
        rt.send(.key(.char("q")))
        #expect(rt.finished)
        #expect(env.positions.last?.0 == "sliding-window-max")
        #expect(env.positions.last?.2 == "zh")
    }

    @Test func resizeAtAnyMoment() {
        let rt = started()
        rt.send(.key(.enter))
        rt.send(.key(.char("G")))
        for (w, h) in [(20, 8), (19, 8), (100, 30), (40, 12), (200, 60), (20, 8)] {
            rt.send(.resize(width: w, height: h))
            let buffer = render(rt.model)
            #expect(buffer.width == w && buffer.height == h)
            #expect(rt.model.scroll <= rt.model.maxScroll)
            for row in buffer.textRows { #expect(DisplayWidth.of(row) <= w) }
        }
    }

    /// Seeded random keys and sizes: nothing traps, every frame has the
    /// screen's size and no row is wider than the screen.
    @Test func randomKeysAndSizesNeverBreakTheScreen() {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab,
                           .char("j"), .char("k"), .char("g"), .char("G"), .char("/"), .char("n"), .char("N"), .char("h"),
                           .char("c"), .char("L"), .char("?"), .char(" "), .char("a"), .char("x"), .char("r"), .char("y")]
        for seed in 0..<20 {
            var rng = SplitMix(seed: UInt64(seed))
            let rt = started()
            for _ in 0..<150 {
                if Int.random(in: 0..<10, using: &rng) == 0 {
                    rt.send(.resize(width: Int.random(in: 10...140, using: &rng), height: Int.random(in: 4...50, using: &rng)))
                } else {
                    rt.send(.key(keys[Int.random(in: 0..<keys.count, using: &rng)]))
                }
                rt.waitUntilIdle()
                let buffer = render(rt.model)
                #expect(buffer.width == rt.model.width && buffer.height == rt.model.height)
                #expect(buffer.textRows.allSatisfy { DisplayWidth.of($0) <= rt.model.width })
                #expect(rt.model.scroll >= 0 && rt.model.scroll <= max(0, rt.model.maxScroll))
            }
        }
    }
}
