import Foundation
import Lessons

/// Grades every student × exercise of a class, in parallel, through the same
/// `Checker` (sandbox, limits, seeded cases) as `lectern check`.
///
/// A submission that does not compile, hangs, crashes or attacks the sandbox
/// costs only its own row: the checker turns each of those into a verdict.
/// Results are looked up in, and stored to, the `Gradebook` first, so an
/// unchanged class is graded again at the cost of hashing its files.
/// `cancel()` (Ctrl-C) lets running checks finish, starts no new ones, and
/// the result holds every row graded so far.
public final class BatchGrader: @unchecked Sendable {
    public var checker: Checker
    public var exercises: [GradedExercise]
    public var seed: UInt64
    /// Checks run at once.
    public var jobs: Int
    /// Ignore the gradebook for these students (all when `forceAll`).
    public var force: Set<String> = []
    public var forceAll = false
    public var gradebook: Gradebook?

    private let lock = NSLock()
    private var cancelled = false

    public init(checker: Checker, exercises: [GradedExercise], seed: UInt64, jobs: Int, gradebook: Gradebook?) {
        self.checker = checker; self.exercises = exercises; self.seed = seed; self.jobs = max(1, jobs)
        // Every student meets the same cases: prepare them once per exercise.
        self.checker.caseMemo = PreparedCasesMemo()
        self.gradebook = gradebook
    }

    /// Stops the run after the checks in progress.
    public func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }

    /// A finished row, with how many rows are done out of how many.
    public struct Progress: Sendable {
        public var row: GradeRow
        public var done: Int
        public var total: Int
        public var studentsDone: Int
        public var students: Int
    }

    /// Grades `students`. `onRow` is called once per finished row, one call at a time;
    /// `onNote` receives problems that do not stop grading (a gradebook write failing).
    public func grade(_ students: [Submissions.Student], courseTitle: String,
                      onRow: @Sendable (Progress) -> Void = { _ in },
                      onNote: @Sendable (String) -> Void = { _ in }) -> ClassGrades {
        let tasks = students.indices.flatMap { s in exercises.indices.map { (student: s, exercise: $0) } }
        let run = RunState(tasks: tasks.count, perStudent: students.map { _ in exercises.count })
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(tasks.count, 1))) { _ in
            while !isCancelled, let index = run.claim() {
                let task = tasks[index]
                let row = gradeOne(students[task.student], exercises[task.exercise], onNote: onNote)
                let progress = run.finish(index, row: row, student: task.student)
                run.serially {
                    onRow(Progress(row: row, done: progress.done, total: tasks.count,
                                   studentsDone: progress.studentsDone, students: students.count))
                }
            }
        }
        var grades: [StudentGrades] = students.map { StudentGrades(name: $0.name, rows: []) }
        let (slots, done, reused) = run.results()
        for (i, task) in tasks.enumerated() {
            if let row = slots[i] { grades[task.student].rows.append(row) }
        }
        let checked = slots.compactMap { $0 }.filter { $0.report != nil && !$0.fromGradebook }.count
        return ClassGrades(courseTitle: courseTitle, exercises: exercises, students: grades, seed: seed,
                           build: Gradebook.build, interrupted: done < tasks.count,
                           graded: checked, reused: reused)
    }

    /// One row: missing file, gradebook hit, or a fresh check (stored afterwards).
    func gradeOne(_ student: Submissions.Student, _ exercise: GradedExercise,
                  onNote: @Sendable (String) -> Void) -> GradeRow {
        guard let file = student.file(for: exercise.id), let hash = Gradebook.hash(of: file) else {
            return GradeRow(student: student.name, exercise: exercise.id, maxScore: exercise.points, report: nil, file: nil)
        }
        let relative = String(file.path.dropFirst(student.root.path.count + 1))
        let key = Gradebook.key(submissionHash: hash, exercise: exercise, seed: seed, limits: checker.limits)
        let forced = forceAll || force.contains(student.name)
        if !forced, let gradebook, let stored = gradebook.lookup(key) {
            return GradeRow(student: student.name, exercise: exercise.id, maxScore: exercise.points, report: stored,
                            file: relative, fromGradebook: true)
        }
        var checker = self.checker
        if forced { checker.reuseReports = false }
        let report = checker.check(exercise.spec, file: file, points: exercise.points, seed: seed, partial: exercise.partial)
        if let gradebook, let problem = gradebook.store(report, key: key, student: student.name, submissionHash: hash) {
            onNote(problem)
        }
        return GradeRow(student: student.name, exercise: exercise.id, maxScore: exercise.points, report: report,
                        file: relative)
    }
}

/// Work distribution and results shared by the grading threads.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private let callbackLock = NSLock()
    private var next = 0, done = 0, studentsDone = 0, reused = 0
    private var slots: [GradeRow?]
    private var remaining: [Int]

    init(tasks: Int, perStudent: [Int]) {
        slots = Array(repeating: nil, count: tasks)
        remaining = perStudent
    }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func finish(_ index: Int, row: GradeRow, student: Int) -> (done: Int, studentsDone: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = row
        done += 1
        if row.fromGradebook { reused += 1 }
        remaining[student] -= 1
        if remaining[student] == 0 { studentsDone += 1 }
        return (done, studentsDone)
    }

    func serially(_ body: () -> Void) {
        callbackLock.lock(); defer { callbackLock.unlock() }
        body()
    }

    func results() -> (slots: [GradeRow?], done: Int, reused: Int) {
        lock.lock(); defer { lock.unlock() }
        return (slots, done, reused)
    }
}
