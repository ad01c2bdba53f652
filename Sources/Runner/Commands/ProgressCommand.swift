import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern progress [--json]`: solved exercises and points, per lesson.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show what you solved, per lesson: exercises, points and recent verdicts.")

    @OptionGroup var course: CourseOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    struct Report: Encodable {
        var course: String
        var solved: Int
        var total: Int
        var points: Double
        var maxPoints: Double
        var lessons: [LessonProgress]
    }
    struct LessonProgress: Encodable {
        var id: String
        var title: String
        var solved: Int
        var total: Int
        var points: Double
        var maxPoints: Double
        var exercises: [ExerciseLine]
        /// Quizzes answered (latest answer) and answered right, of `quizzesTotal`.
        var quizzesAnswered: Int
        var quizzesRight: Int
        var quizzesTotal: Int
        /// Every exercise solved and every quiz answered right.
        var complete: Bool
    }
    struct ExerciseLine: Encodable {
        var id: String
        var title: String
        /// "not-started", "attempted" or "passed".
        var status: String
        var points: Double
        var maxPoints: Double
        var attempts: Int
        /// Newest first, at most five.
        var lastVerdicts: [String]
        var hintsShown: Int
        var hintsTotal: Int
    }

    func run() throws {
        let workspace = WorkspaceContext.required()
        let loaded = WorkspaceContext.loadCourse(course, workspace: workspace)
        let store = WorkspaceContext.progress(workspace)
        let known: [String: ExerciseProgress]
        do { known = try store.summary() } catch {
            fail("cannot read \(store.path): \(error)", code: ExitStatus.internalError)
        }
        var lessons: [LessonProgress] = []
        for (_, result) in loaded.lessons(language: course.lang) {
            guard case .success(let lesson) = result else {
                if case .failure(let problem) = result { WorkspaceContext.warn(problem) }
                continue
            }
            let lines = lesson.exercises.map { block -> ExerciseLine in
                let p = known[block.id]
                let status = p?.status ?? .notStarted
                return ExerciseLine(id: block.id, title: InlineText.plain(LessonParser.inlines(block.title)),
                                    status: status.rawValue, points: status == .passed ? block.points : 0,
                                    maxPoints: block.points, attempts: p?.attempts ?? 0,
                                    lastVerdicts: p?.lastVerdicts ?? [], hintsShown: min(p?.hintsShown ?? 0, block.hints.count),
                                    hintsTotal: block.hints.count)
            }
            let quizTotal = lesson.quizzes.count
            let answers = ((try? store.quizAnswers(lesson: lesson.id)) ?? []).filter { $0.index < quizTotal }
            let solved = lines.filter { $0.status == "passed" }.count
            let right = answers.filter(\.correct).count
            lessons.append(LessonProgress(id: lesson.id, title: lesson.title,
                                          solved: solved, total: lines.count,
                                          points: lines.map(\.points).reduce(0, +),
                                          maxPoints: lines.map(\.maxPoints).reduce(0, +), exercises: lines,
                                          quizzesAnswered: answers.count, quizzesRight: right, quizzesTotal: quizTotal,
                                          complete: solved == lines.count && right == quizTotal))
        }
        let report = Report(course: loaded.title, solved: lessons.map(\.solved).reduce(0, +),
                            total: lessons.map(\.total).reduce(0, +), points: lessons.map(\.points).reduce(0, +),
                            maxPoints: lessons.map(\.maxPoints).reduce(0, +), lessons: lessons)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.table(report, color: Terminal.stdoutWantsColor))
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    /// A bar of `width` cells, `done` of `total` filled.
    static func bar(_ done: Int, _ total: Int, width: Int = 20) -> String {
        let filled = total == 0 ? 0 : Int((Double(done) / Double(total) * Double(width)).rounded())
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    static func table(_ r: Report, color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = [r.course,
                   "\(bar(r.solved, r.total)) \(r.solved)/\(r.total) exercises, \(number(r.points))/\(number(r.maxPoints)) points",
                   ""]
        let idWidth = r.lessons.flatMap { $0.exercises.map(\.id.count) }.max() ?? 0
        for lesson in r.lessons {
            var head = paint("\(lesson.title)", "1") + "  \(lesson.solved)/\(lesson.total) solved, "
                + "\(number(lesson.points))/\(number(lesson.maxPoints)) points"
            if lesson.quizzesTotal > 0 {
                head += ", quizzes \(lesson.quizzesRight)/\(lesson.quizzesTotal) right"
                if lesson.quizzesAnswered > lesson.quizzesRight { head += " (\(lesson.quizzesAnswered - lesson.quizzesRight) to retry)" }
            }
            if lesson.complete { head += "  " + paint("✓ complete", "32") }
            out.append(head)
            for e in lesson.exercises {
                let mark: String
                switch e.status {
                case "passed": mark = paint("✓", "32")
                case "attempted": mark = paint("✗", "31")
                default: mark = "·"
                }
                var detail: String
                switch e.status {
                case "not-started": detail = "not started"
                default:
                    detail = e.lastVerdicts.prefix(3).joined(separator: ", ")
                    detail += "  (\(e.attempts) attempt\(e.attempts == 1 ? "" : "s"))"
                }
                if e.hintsShown > 0 { detail += "  hints \(e.hintsShown)/\(e.hintsTotal)" }
                out.append("  \(mark) \(e.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(detail)")
            }
            if lesson.exercises.isEmpty { out.append("    (no exercises)") }
        }
        return out.joined(separator: "\n")
    }
}
