import Foundation
import Lessons
@testable import TUI

/// Hand-built lessons and a fake outside world, so app tests need no course
/// files, compiler or terminal.
enum AppFixtures {
    static let exerciseID = "sliding-window-max/deque"

    static func englishLesson() -> Lesson {
        var blocks: [Block] = [
            .heading(level: 1, [.text("Sliding-window maximum")], line: 5),
            .paragraph([.text("For every window of "), .code("k"), .text(" numbers we want the largest. "),
                        .text("A deque keeps the candidates in decreasing order, so each index enters and leaves once.")]),
        ]
        for i in 1...12 {
            blocks.append(.paragraph([.text("Filler paragraph \(i) about windows, candidates and amortised cost.")]))
        }
        blocks += [
            .exercise(ExerciseBlock(id: exerciseID, title: "One pass with a monotonic deque", points: 3,
                                    hints: ["Keep indices, not values.", "Pop smaller values from the back before pushing."], line: 30)),
            .quiz(QuizBlock(question: "How many times can one index enter the deque?", choices: ["once", "k times", "n times"],
                            answer: 0, explanation: "Each index is pushed once and popped at most once.", line: 40)),
            .paragraph([.text("The last paragraph mentions the needle word once.")]),
        ]
        return Lesson(id: "sliding-window-max", title: "Sliding-window maximum", summary: "", language: "en",
                      file: "sliding-window-max/lesson.md", blocks: blocks)
    }

    static func chineseLesson() -> Lesson {
        let blocks: [Block] = [
            .heading(level: 1, [.text("滑动窗口最大值")], line: 5),
            .paragraph([.text("对每个长度为 "), .code("k"), .text(" 的窗口，我们要找出其中的最大值。双端队列按递减顺序保存候选下标，所以每个下标只进出一次。")]),
            .exercise(ExerciseBlock(id: exerciseID, title: "用单调双端队列一次扫描", points: 3, hints: ["保存下标。", "先弹出较小的值。"], line: 9)),
        ]
        return Lesson(id: "sliding-window-max", title: "滑动窗口最大值", summary: "", language: "zh",
                      file: "sliding-window-max/lesson.zh.md", blocks: blocks)
    }

    static func model(width: Int = 100, height: Int = 30, workspace: String? = "/tmp/ws") -> Model {
        var m = Model(courseTitle: "Lectern — modern machine learning by doing", lessons: [
            .init(id: "sliding-window-max", title: "Sliding-window maximum",
                  exercises: ["sliding-window-max/naive", exerciseID, "sliding-window-max/max-pool-2d"], translations: ["zh"]),
            .init(id: "tokenization", title: "Tokenization (byte-level BPE)", exercises: ["tokenization/merge"]),
            .init(id: "word2vec", title: "word2vec", exercises: []),
        ], width: width, height: height, workspace: workspace)
        m.colorMode = .monochrome
        return m
    }
}

/// Records what the app asked for and answers from memory.
final class FakeEnvironment: AppEnvironment, @unchecked Sendable {
    let lock = NSLock()
    var lessons: [String: Lesson] = [
        "sliding-window-max/en": AppFixtures.englishLesson(),
        "sliding-window-max/zh": AppFixtures.chineseLesson(),
    ]
    var statusMap: [String: ExerciseState] = ["sliding-window-max/naive": .passed]
    /// Decides a check's outcome from the exercise file's contents.
    var grade: @Sendable (String, String) -> CheckOutcome = { exercise, source in
        source.contains("RIGHT")
            ? CheckOutcome(verdict: "passed", passed: true, score: 3, maxScore: 3, summary: "all 40 cases passed")
            : CheckOutcome(verdict: "wrong_answer", passed: false, score: 0, maxScore: 3, summary: "12/40 cases passed",
                           details: ["case 13 (hidden, shrunk)", "input     {\"nums\": [2, 1], \"k\": 2}",
                                     "expected  [2]", "got       [1]"])
    }
    var files: [String: String] = [:]
    var hintsShown: [String: Int] = [:]
    var quizzes: [(String, Int, String, Bool)] = []
    var positions: [(String, Int, String)] = []
    var checks: [String] = []

    func loadLesson(id: String, language: String) throws -> Lesson {
        guard let l = lessons["\(id)/\(language)"] ?? lessons["\(id)/en"] else { throw AppError("no lesson \(id)") }
        return l
    }
    func statuses() -> [String: ExerciseState] { statusMap }
    func check(exercise: String, points: Double, progress: @escaping @Sendable (String) -> Void) -> CheckOutcome {
        progress("compiling")
        let source = lock.withLock { checks.append(exercise); return files[exercise] ?? "" }
        return grade(exercise, source)
    }
    func nextHint(exercise: String, hints: [String]) -> (index: Int, text: String)? {
        lock.withLock {
            let n = hintsShown[exercise, default: 0]
            guard n < hints.count else { return nil }
            hintsShown[exercise] = n + 1
            return (n, hints[n])
        }
    }
    func recordQuiz(lesson: String, index: Int, answer: String, correct: Bool) { quizzes.append((lesson, index, answer, correct)) }
    func savePosition(lesson: String, line: Int, language: String) { positions.append((lesson, line, language)) }
    /// The workspace's Exercises folder; tests of the file watcher point it at a scratch folder.
    var exercisesFolder = "/tmp/ws/Exercises"
    func exerciseFile(_ exercise: String) -> String? { "\(exercisesFolder)/\(exercise).swift" }
    func createWorkspace() throws -> String { "/tmp/ws" }
    /// Hints of exercises whose lesson is not open, by id.
    var outlineHints: [String: [String]] = [:]
    func hints(of exercise: String, language: String) -> [String] { outlineHints[exercise] ?? [] }
}

extension CellBuffer {
    /// The screen as one string, for failure messages that read like the screen.
    var screen: String { textRows.joined(separator: "\n") }
}
