import Foundation
import Lessons

/// What `lectern progress` shows: solved exercises and points per lesson,
/// built from a course and its progress store. The command only prints it.
public struct ProgressReport: Encodable, Sendable {
    public var course: String
    public var solved: Int
    public var total: Int
    public var points: Double
    public var maxPoints: Double
    public var lessons: [LessonProgress]

    public struct LessonProgress: Encodable, Sendable {
        public var id: String
        public var title: String
        public var solved: Int
        public var total: Int
        public var points: Double
        public var maxPoints: Double
        public var exercises: [ExerciseLine]
        /// Quizzes answered (latest answer) and answered right, of `quizzesTotal`.
        public var quizzesAnswered: Int
        public var quizzesRight: Int
        public var quizzesTotal: Int
        /// Every exercise solved and every quiz answered right.
        public var complete: Bool
    }
    public struct ExerciseLine: Encodable, Sendable {
        public var id: String
        public var title: String
        public var status: ExerciseStatus
        public var points: Double
        public var maxPoints: Double
        public var attempts: Int
        /// Newest first, at most five.
        public var lastVerdicts: [String]
        public var hintsShown: Int
        public var hintsTotal: Int
    }

    /// Totals for `lessons` (in course order) from the store's summary and
    /// the latest quiz answers by lesson id.
    public init(courseTitle: String, lessons: [Lesson], summary known: [String: ExerciseProgress],
                quizAnswers: [String: [QuizAnswer]] = [:]) {
        var out: [LessonProgress] = []
        for lesson in lessons {
            let lines = lesson.exercises.map { block -> ExerciseLine in
                let p = known[block.id]
                let status = p?.status ?? .notStarted
                return ExerciseLine(id: block.id, title: InlineText.plain(LessonParser.inlines(block.title)),
                                    status: status, points: status == .passed ? block.points : 0,
                                    maxPoints: block.points, attempts: p?.attempts ?? 0,
                                    lastVerdicts: p?.lastVerdicts ?? [], hintsShown: min(p?.hintsShown ?? 0, block.hints.count),
                                    hintsTotal: block.hints.count)
            }
            let quizTotal = lesson.quizzes.count
            let answers = (quizAnswers[lesson.id] ?? []).filter { $0.index < quizTotal }
            let solved = lines.filter { $0.status == .passed }.count
            let right = answers.filter(\.correct).count
            out.append(LessonProgress(id: lesson.id, title: lesson.title,
                                      solved: solved, total: lines.count,
                                      points: lines.map(\.points).reduce(0, +),
                                      maxPoints: lines.map(\.maxPoints).reduce(0, +), exercises: lines,
                                      quizzesAnswered: answers.count, quizzesRight: right, quizzesTotal: quizTotal,
                                      complete: solved == lines.count && right == quizTotal))
        }
        course = courseTitle
        self.lessons = out
        solved = out.map(\.solved).reduce(0, +)
        total = out.map(\.total).reduce(0, +)
        points = out.map(\.points).reduce(0, +)
        maxPoints = out.map(\.maxPoints).reduce(0, +)
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    /// A bar of `width` cells, `done` of `total` filled.
    static func bar(_ done: Int, _ total: Int, width: Int = 20) -> String {
        let filled = total == 0 ? 0 : Int((Double(done) / Double(total) * Double(width)).rounded())
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    /// The report as the table `lectern progress` prints.
    public func table(color: Bool) -> String {
        let r = self
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = [r.course,
                   "\(Self.bar(r.solved, r.total)) \(r.solved)/\(r.total) exercises, \(Self.number(r.points))/\(Self.number(r.maxPoints)) points",
                   ""]
        let idWidth = r.lessons.flatMap { $0.exercises.map(\.id.count) }.max() ?? 0
        for lesson in r.lessons {
            var head = paint("\(lesson.title)", "1") + "  \(lesson.solved)/\(lesson.total) solved, "
                + "\(Self.number(lesson.points))/\(Self.number(lesson.maxPoints)) points"
            if lesson.quizzesTotal > 0 {
                head += ", quizzes \(lesson.quizzesRight)/\(lesson.quizzesTotal) right"
                if lesson.quizzesAnswered > lesson.quizzesRight { head += " (\(lesson.quizzesAnswered - lesson.quizzesRight) to retry)" }
            }
            if lesson.complete { head += "  " + paint("✓ complete", "32") }
            out.append(head)
            for e in lesson.exercises {
                let mark: String
                switch e.status {
                case .passed: mark = paint("✓", "32")
                case .attempted: mark = paint("✗", "31")
                case .notStarted: mark = "·"
                }
                var detail: String
                switch e.status {
                case .notStarted: detail = "not started"
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
