import Foundation
import Lessons

/// `lectern validate`: checks a course the way a learner would meet it.
///
/// Content checks (fast, in order): `course.yaml` and every listed lesson (and
/// translation) parses with no problem; every exercise block names an id the
/// grader knows and has at least two hints; every grader exercise of a listed
/// lesson appears in some lesson; every quiz answer is one of its choices;
/// every demo name exists (when the caller passes the known names, which keeps
/// Grader free of the TUI module). Exercise checks (slow, run by `workers`
/// threads): every starter exists, compiles and does not pass; every solution
/// exists and passes.
///
/// Every failure is a `ContentProblem` with the file and, where one exists, the line.
public struct CourseValidator: Sendable {
    /// Grades one file; `Checker.check` in the command, a stand-in in tests.
    public typealias CheckFunction = @Sendable (_ spec: ExerciseSpec, _ file: URL, _ points: Double) -> CheckReport

    public var course: Course
    public var check: CheckFunction
    /// The demo names that exist, or nil to skip the demo check.
    public var knownDemos: Set<String>?
    public var spec: @Sendable (String) -> ExerciseSpec?
    /// Ids the registry knows, for "every registry exercise appears in a lesson".
    public var registryIDs: [String]
    /// Threads running exercise checks at once.
    public var workers: Int

    public init(course: Course, knownDemos: Set<String>?, workers: Int = 2,
                spec: @escaping @Sendable (String) -> ExerciseSpec? = ExerciseRegistry.spec,
                registryIDs: [String] = ExerciseRegistry.all.map(\.id),
                check: @escaping CheckFunction) {
        self.course = course; self.knownDemos = knownDemos; self.workers = max(1, workers)
        self.spec = spec; self.registryIDs = registryIDs; self.check = check
    }

    /// What one exercise check must show.
    enum Expectation: Sendable { case starterFails, solutionPasses }

    struct ExerciseJob: Sendable {
        var id: String
        var file: URL
        var points: Double
        var expectation: Expectation
        /// Where the exercise block is, for messages.
        var blockFile: String
        var blockLine: Int
    }

    /// Runs every check. `progress` receives one line per exercise check as it ends
    /// (from worker threads, one at a time).
    public func run(progress: (@Sendable (String) -> Void)? = nil) -> ValidationReport {
        var report = ValidationReport()
        report.failures += course.problems
        let listed = Set(course.lessonIDs)
        var jobs: [ExerciseJob] = []
        var seenIDs: [String: ContentProblem] = [:]   // id → where first seen

        for id in course.lessonIDs where course.availableLessonIDs.contains(id) {
            var englishIDs: [String]?
            for language in course.languages(of: id) {   // "en" comes first
                let lesson: Lesson
                do throws(ContentProblem) {
                    lesson = try course.lesson(id, language: language)
                } catch {
                    report.fail(error)
                    continue
                }
                if lesson.problems.isEmpty { report.pass() } else { lesson.problems.forEach { report.fail($0) } }
                checkContent(lesson, english: language == "en", report: &report, seenIDs: &seenIDs, jobs: &jobs)
                let ids = lesson.exercises.map(\.id)
                if language == "en" {
                    englishIDs = ids
                } else if let englishIDs {
                    // A translation offers the same exercises, in the same order.
                    if ids == englishIDs { report.pass() } else {
                        report.fail(ContentProblem(file: lesson.file, line: nil, message:
                            "the \(language) translation has exercises [\(ids.joined(separator: ", "))] but the English "
                            + "lesson has [\(englishIDs.joined(separator: ", "))]"))
                    }
                }
            }
        }
        // Every grader exercise of a listed lesson is offered by some lesson.
        for id in registryIDs {
            let lessonID = ExerciseID.lesson(of: id)
            guard listed.contains(lessonID), course.availableLessonIDs.contains(lessonID) else { continue }
            if seenIDs[id] == nil {
                report.fail(ContentProblem(file: course.lessonURL(lessonID).path, line: nil,
                                           message: "the grader defines exercise '\(id)', but no exercise block in this lesson names it"))
            } else {
                report.pass()
            }
        }
        report.merge(runExerciseChecks(jobs, progress: progress))
        return report
    }

    private func checkContent(_ lesson: Lesson, english: Bool, report: inout ValidationReport,
                              seenIDs: inout [String: ContentProblem], jobs: inout [ExerciseJob]) {
        func problem(_ line: Int?, _ message: String) -> ContentProblem {
            ContentProblem(file: lesson.file, line: line, message: message)
        }
        for block in lesson.exercises {
            let here = problem(block.line, "")
            let blockLesson = ExerciseID.lesson(of: block.id)
            if blockLesson != lesson.id {
                report.fail(problem(block.line, "exercise '\(block.id)' belongs to lesson '\(blockLesson)', not '\(lesson.id)'"))
            }
            if block.hints.count >= 2 { report.pass() } else {
                report.fail(problem(block.line, "exercise '\(block.id)' has \(block.hints.count) hint(s); at least 2 are needed"))
            }
            guard english else { continue }
            if let first = seenIDs[block.id] {
                report.fail(problem(block.line, "exercise '\(block.id)' appears again (first at \(first.file):\(first.line ?? 0))"))
                continue
            }
            seenIDs[block.id] = here
            guard spec(block.id) != nil else {
                report.fail(problem(block.line, "exercise '\(block.id)' is not known to the grader (no entry in ExerciseRegistry)"))
                continue
            }
            report.pass()
            for (url, expectation, what) in [(course.starterURL(block.id), Expectation.starterFails, "starter"),
                                             (course.solutionURL(block.id), .solutionPasses, "solution")] {
                if FileManager.default.fileExists(atPath: url.path) {
                    jobs.append(ExerciseJob(id: block.id, file: url, points: block.points, expectation: expectation,
                                            blockFile: lesson.file, blockLine: block.line))
                } else {
                    report.fail(problem(block.line, "exercise '\(block.id)' has no \(what): \(url.path) is missing"))
                }
            }
        }
        for quiz in lesson.quizzes {
            if quiz.choices.indices.contains(quiz.answer) { report.pass() } else {
                report.fail(problem(quiz.line, "quiz answer is not one of its \(quiz.choices.count) choices"))
            }
        }
        if let knownDemos {
            for demo in lesson.demos {
                if knownDemos.contains(demo.name) { report.pass() } else {
                    report.fail(problem(demo.line, "no demo named '\(demo.name)'; known demos: "
                                        + knownDemos.sorted().joined(separator: ", ")))
                }
            }
        }
    }

    /// Runs the starter and solution checks on `workers` threads.
    private func runExerciseChecks(_ jobs: [ExerciseJob], progress: (@Sendable (String) -> Void)?) -> ValidationReport {
        let results = ResultSlots(count: jobs.count)
        let check = self.check, spec = self.spec
        DispatchQueue.concurrentPerform(iterations: min(workers, max(jobs.count, 1))) { _ in
            while let index = results.claim() {
                let job = jobs[index]
                var one = ValidationReport()
                if let spec = spec(job.id) {
                    let report = check(spec, job.file, job.points)
                    Self.judge(job, report, into: &one)
                }
                results.store(one, at: index)
                if let progress {
                    let verdict = one.failures.isEmpty ? "ok" : "FAILED"
                    let what = job.expectation == .starterFails ? "starter" : "solution"
                    results.serially { progress("\(verdict)  \(job.id) \(what)") }
                }
            }
        }
        var merged = ValidationReport()
        for r in results.all() { merged.merge(r) }
        return merged
    }

    static func judge(_ job: ExerciseJob, _ report: CheckReport, into out: inout ValidationReport) {
        let path = job.file.path
        func firstDiagnostic() -> String {
            guard let d = report.diagnostics.first(where: { $0.severity == .error }) ?? report.diagnostics.first else {
                return report.summary
            }
            return "\(d.file):\(d.line):\(d.column): \(d.message)"
        }
        switch (job.expectation, report.verdict) {
        case (_, .internalError):
            out.fail(ContentProblem(file: path, line: nil, message: "the grader failed on this file: \(report.summary)"))
        case (.starterFails, .passed):
            out.fail(ContentProblem(file: path, line: nil,
                                    message: "the starter of '\(job.id)' passes every case; a starter must fail until the learner writes the function"))
        case (.starterFails, .compileError):
            out.fail(ContentProblem(file: path, line: report.diagnostics.first?.line,
                                    message: "the starter of '\(job.id)' does not compile: \(firstDiagnostic())"))
        case (.starterFails, _):
            out.pass()
        case (.solutionPasses, .passed):
            out.pass()
        case (.solutionPasses, .compileError):
            out.fail(ContentProblem(file: path, line: report.diagnostics.first?.line,
                                    message: "the solution of '\(job.id)' does not compile: \(firstDiagnostic())"))
        case (.solutionPasses, let verdict):
            out.fail(ContentProblem(file: path, line: nil,
                                    message: "the solution of '\(job.id)' does not pass (\(verdict.rawValue)): \(report.summary)"))
        }
    }
}

/// The outcome of `lectern validate`.
public struct ValidationReport: Sendable, Equatable {
    public var passed = 0
    public var failures: [ContentProblem] = []

    public init() {}

    public var ok: Bool { failures.isEmpty }

    /// "N checks passed, M failed".
    public var summary: String { "\(passed) checks passed, \(failures.count) failed" }

    mutating func pass() { passed += 1 }
    mutating func fail(_ problem: ContentProblem) { failures.append(problem) }
    mutating func merge(_ other: ValidationReport) {
        passed += other.passed
        failures += other.failures
    }
}

/// Work distribution and result slots shared by the worker threads.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private let printLock = NSLock()
    private var next = 0
    private var slots: [ValidationReport?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ report: ValidationReport, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = report
    }

    func serially(_ body: () -> Void) {
        printLock.lock(); defer { printLock.unlock() }
        body()
    }

    func all() -> [ValidationReport] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
