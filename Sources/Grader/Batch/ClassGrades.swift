import Foundation

/// One student × exercise result of a grading run.
public struct GradeRow: Sendable, Equatable {
    public var student: String
    public var exercise: String
    public var maxScore: Double
    /// The check's report; nil when the student has no file for the exercise.
    public var report: CheckReport?
    /// The submission file, relative to the student's folder; nil when missing.
    public var file: String?
    /// True when the report came from the gradebook instead of a new check.
    public var fromGradebook: Bool

    public init(student: String, exercise: String, maxScore: Double, report: CheckReport?, file: String?,
                fromGradebook: Bool = false) {
        self.student = student; self.exercise = exercise; self.maxScore = maxScore; self.report = report
        self.file = file; self.fromGradebook = fromGradebook
    }

    public var score: Double { report?.score ?? 0 }
    /// The verdict's name, or `missing` when no file was submitted.
    public var verdict: String { report?.verdict.rawValue ?? "missing" }
    public var passed: Bool { report?.verdict == .passed }
    /// One line: the report's summary, or what was looked for.
    public var summary: String { report?.summary ?? "no submission (\(exercise.split(separator: "/").joined(separator: "/")).swift not found)" }
}

/// Every result of one student, in exercise order.
public struct StudentGrades: Sendable, Equatable {
    public var name: String
    public var rows: [GradeRow]
    public var score: Double { rows.reduce(0) { $0 + $1.score } }
    public var maxScore: Double { rows.reduce(0) { $0 + $1.maxScore } }
}

/// The outcome of `lectern grade`: a table of students × exercises.
public struct ClassGrades: Sendable {
    public var courseTitle: String
    public var exercises: [GradedExercise]
    /// Students in name order; a student whose grading was interrupted has only the rows done.
    public var students: [StudentGrades]
    public var seed: UInt64
    public var build: String
    /// True when Ctrl-C stopped the run: some rows are missing.
    public var interrupted: Bool
    /// Files checked in this run (missing files not counted), and rows served by the gradebook.
    public var graded: Int
    public var reused: Int

    /// The row of `student` for `exercise`, if graded.
    public func row(_ student: String, _ exercise: String) -> GradeRow? {
        students.first { $0.name == student }?.rows.first { $0.exercise == exercise }
    }

    /// Rows the tool itself failed on (`internal_error`).
    public var internalErrors: [GradeRow] {
        students.flatMap(\.rows).filter { $0.report?.verdict == .internalError }
    }
}

/// Numbers as a person writes them: `3`, `2.25`, `0.333`.
func formatScore(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    var s = String(format: "%.3f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
}
