import Foundation
import Grader
import Lessons
import Testing
@testable import TUI

/// A demo that counts to `to`, for driving the demo overlay.
struct CountingDemo: Demo {
    static let name = "counting"
    static let summary = "Counts."
    static let parameters = [DemoParameter("to", .text, default: "3", "last number")]
    var value = 0
    let last: Int
    init(parameters: [String: String]) throws(DemoError) {
        guard let to = Int(parameters["to"] ?? "3"), to > 0 else { throw DemoError("to must be a positive integer") }
        last = to
    }
    mutating func step() -> Bool {
        guard value < last else { return false }
        value += 1
        return true
    }
    func draw(into buffer: inout CellBuffer, area: Rect) { buffer.put("count: \(value)", x: area.x, y: area.y) }
    func preferredHeight(width: Int) -> Int { 1 }
}

@Suite struct AppOverlayAndGraderTests {
    func demoRuntime(parameters: [String: String]) -> AppRuntime {
        let env = FakeEnvironment()
        env.lessons["sliding-window-max/en"] = Lesson(
            id: "sliding-window-max", title: "Demo lesson", summary: "", language: "en", file: "lesson.md",
            blocks: [.paragraph([.text("Watch it count.")]),
                     .demo(DemoBlock(name: "counting", parameters: parameters, parameterOrder: Array(parameters.keys), line: 3))])
        var model = AppFixtures.model()
        model.demoLookup = { $0 == CountingDemo.name ? CountingDemo.self : nil }
        let rt = AppRuntime(model: model, environment: env)
        rt.start(openLesson: 0)
        rt.send(.key(.enter))
        return rt
    }

    func count(_ rt: AppRuntime) -> Int? {
        guard case .demo(let d)? = rt.model.overlay else { return nil }
        return (d.demo as? CountingDemo)?.value
    }

    @Test func demoPlaysPausesStepsAndRestarts() {
        let rt = demoRuntime(parameters: ["to": "5"])
        rt.send(.key(.char("r")))
        #expect(count(rt) == 0)
        #expect(render(rt.model).screen.contains("count: 0"))
        rt.send(.tick(ms: 600))                 // one interval: one step, run in the background
        rt.waitUntilIdle()
        #expect(count(rt) == 1)
        rt.send(.key(.char(" ")))               // pause
        rt.send(.tick(ms: 5000))
        rt.waitUntilIdle()
        #expect(count(rt) == 1)
        rt.send(.key(.right))                   // step while paused
        rt.waitUntilIdle()
        #expect(count(rt) == 2)
        #expect(render(rt.model).screen.contains("step 2 · paused"))
        rt.send(.key(.char(" ")))               // resume: plays to the end and stops
        rt.send(.tick(ms: 60_000))
        rt.waitUntilIdle()
        #expect(count(rt) == 5)
        #expect(render(rt.model).screen.contains("done"))
        rt.send(.key(.char("r")))               // restart
        #expect(count(rt) == 0)
        rt.send(.key(.escape))
        #expect(rt.model.overlay == nil)
    }

    /// `update` never steps a demo itself: a tick asks for a background step,
    /// and ticks that arrive meanwhile are owed, not lost or run twice; a
    /// step of a build that was restarted is dropped.
    @Test func demoStepsAreEffectsAndNeverOverlap() {
        var model = demoRuntime(parameters: ["to": "9"]).model
        _ = update(&model, .key(.char("r")))
        let first = update(&model, .tick(ms: 600))
        guard case .stepDemo(let generation, let box, let n)? = first.first else {
            Issue.record("a tick did not ask for a step: \(first)"); return
        }
        #expect(n == 1)
        #expect((box.demo as? CountingDemo)?.value == 0)
        #expect(update(&model, .tick(ms: 1200)).isEmpty)      // owed while the first runs
        var stepped = box.demo
        _ = stepped.step()
        let next = update(&model, .demoStepped(generation: generation, DemoBox(stepped), taken: 1, finished: false))
        guard case .stepDemo(_, _, let owed)? = next.first else { Issue.record("owed steps not sent"); return }
        #expect(owed == 2)
        _ = update(&model, .key(.char("r")))                  // restart: a new build
        _ = update(&model, .demoStepped(generation: generation, DemoBox(stepped), taken: 2, finished: false))
        guard case .demo(let d)? = model.overlay else { Issue.record("overlay closed"); return }
        #expect((d.demo as? CountingDemo)?.value == 0, "a stale step replaced the restarted demo")
        #expect(d.clock.steps == 0)
    }

    @Test func demoWithBadParameterShowsTheError() {
        let rt = demoRuntime(parameters: ["to": "zero"])
        rt.send(.key(.char("r")))
        #expect(render(rt.model).screen.contains("to must be a positive integer"))
    }

    @Test func reopensAtTheSavedPosition() {
        let rt = AppRuntime(model: AppFixtures.model(), environment: FakeEnvironment())
        rt.start(openLesson: 0, scroll: 12)
        #expect(rt.model.scroll == 12)
        #expect(rt.model.focus == .outline)
        #expect(render(rt.model).screen.contains("Filler paragraph 6"))
    }

    /// The real grader behind the app, on a wrong and a right file.
    @Test func realCheckerWrongThenRight() throws {
        final class GraderEnvironment: AppEnvironment, @unchecked Sendable {
            let file: URL
            init(file: URL) { self.file = file }
            func loadLesson(id: String, language: String) throws -> Lesson {
                Lesson(id: id, title: "Naive", summary: "", language: "en", file: "lesson.md", blocks: [
                    .exercise(ExerciseBlock(id: "sliding-window-max/naive", title: "Scan every window", points: 1, hints: [], line: 1))])
            }
            func statuses() -> [String: ExerciseState] { [:] }
            func check(exercise: String, points: Double, progress: @escaping @Sendable (String) -> Void) -> CheckOutcome {
                guard let spec = ExerciseRegistry.spec(exercise) else { return CheckOutcome(verdict: "internal_error", passed: false) }
                let report = Checker().check(spec, file: file, points: points) { progress(CheckOutcome.describe($0)) }
                return CheckOutcome(report: report)
            }
            func nextHint(exercise: String, hints: [String]) -> (index: Int, text: String)? { nil }
            func recordQuiz(lesson: String, index: Int, answer: String, correct: Bool) {}
            func savePosition(lesson: String, line: Int, language: String) {}
            func exerciseFile(_ exercise: String) -> String? { file.path }
            func createWorkspace() throws -> String { "" }
        }
        guard ExerciseRegistry.spec("sliding-window-max/naive") != nil else {
            print("SKIPPED realCheckerWrongThenRight: no sliding-window-max/naive in the registry"); return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-tui-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("naive.swift")
        try "func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] { Array(nums.prefix(nums.count - k + 1)) }\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let rt = AppRuntime(model: AppFixtures.model(), environment: GraderEnvironment(file: file))
        rt.start(openLesson: 0)
        rt.send(.key(.enter))
        rt.send(.key(.char("c")))
        #expect(rt.model.checking != nil)
        rt.waitUntilIdle(timeout: 300)
        guard case .verdict(_, let wrong, _)? = rt.model.overlay else { Issue.record("no verdict"); return }
        #expect(wrong.verdict == "wrong_answer", "\(wrong)")
        #expect(render(rt.model).screen.contains("expected"))
        rt.send(.key(.escape))
        try """
        func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] {
            (0...(nums.count - k)).map { nums[$0..<($0 + k)].max()! }
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        rt.send(.fileChanged(exercise: "sliding-window-max/naive"))
        rt.waitUntilIdle(timeout: 300)
        guard case .verdict(_, let right, _)? = rt.model.overlay else { Issue.record("no second verdict"); return }
        #expect(right.passed, "\(right)")
        #expect(rt.model.statuses["sliding-window-max/naive"] == .passed)
    }
}
