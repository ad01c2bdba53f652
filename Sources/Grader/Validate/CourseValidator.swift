import Foundation
import Lessons

/// `lectern validate`: checks a course the way a learner would meet it.
///
/// Content checks (fast, in order): `course.yaml` and every listed lesson (and
/// translation) parses with no problem; every exercise block names an id the
/// grader knows (directly or through `kind:`) and has at least two hints; a
/// lesson may offer any subset of the exercises its kind defines; every quiz
/// answer is one of its choices and no choice is repeated; a translation gives
/// every exercise the English points; every demo name exists and accepts its
/// parameters (when the caller passes the known names and a demo builder,
/// which keeps Grader free of the TUI module). Exercise checks (slow, run by `workers`
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
    /// Builds a demo from a block's parameters: nil when it accepts them, else the
    /// demo's message. Nil to skip the check.
    public var demoProblem: (@Sendable (DemoBlock) -> String?)?

    public init(course: Course, knownDemos: Set<String>?, workers: Int = 2,
                spec: @escaping @Sendable (String) -> ExerciseSpec? = ExerciseRegistry.spec,
                registryIDs: [String] = ExerciseRegistry.all.map(\.id),
                demoProblem: (@Sendable (DemoBlock) -> String?)? = nil,
                check: @escaping CheckFunction) {
        self.course = course; self.knownDemos = knownDemos; self.workers = max(1, workers)
        self.spec = spec; self.registryIDs = registryIDs; self.check = check; self.demoProblem = demoProblem
    }

    /// What one exercise check must show.
    enum Expectation: Sendable { case starterFails, solutionPasses }

    struct ExerciseJob: Sendable {
        var id: String
        /// The grader id that judges it (`kind:`, else `id`).
        var kind: String
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
        var jobs: [ExerciseJob] = []
        var seenIDs: [String: ContentProblem] = [:]   // id → where first seen

        for id in course.lessonIDs where course.availableLessonIDs.contains(id) {
            var englishIDs: [String]?
            var englishPoints: [String: Double] = [:]
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
                    englishPoints = Dictionary(lesson.exercises.map { ($0.id, $0.points) }, uniquingKeysWith: { a, _ in a })
                } else if let englishIDs {
                    for block in lesson.exercises {
                        guard let points = englishPoints[block.id] else { continue }
                        if block.points == points { report.pass() } else {
                            report.fail(ContentProblem(file: lesson.file, line: block.line, message:
                                "exercise '\(block.id)' is worth \(Self.number(block.points)) point(s) in the \(language) "
                                + "translation but \(Self.number(points)) in English; points must be the same"))
                        }
                    }
                    // A translation offers the same exercises, in the same order.
                    if ids == englishIDs { report.pass() } else {
                        report.fail(ContentProblem(file: lesson.file, line: nil, message:
                            "the \(language) translation has exercises [\(ids.joined(separator: ", "))] but the English "
                            + "lesson has [\(englishIDs.joined(separator: ", "))]"))
                    }
                }
            }
        }
        // A lesson may offer any subset of the exercises the grader defines for it
        // (an instructor's course picks what it teaches), so unused ids are not a failure.
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
            if block.pointsWritten { report.pass() } else {
                report.fail(problem(block.line, "exercise '\(block.id)' has no 'points' (it would silently count 1); write e.g. points: 1"))
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
            guard spec(block.gradedAs) != nil else {
                let what = block.kind.map { "its kind '\($0)'" } ?? "it"
                report.fail(problem(block.line, "exercise '\(block.id)': \(what) is not known to the grader "
                                    + "(`lectern describe` lists the kinds; use `kind:` to reuse one under your own id)"))
                continue
            }
            report.pass()
            for (url, expectation, what) in [(course.starterURL(block.id), Expectation.starterFails, "starter"),
                                             (course.solutionURL(block.id), .solutionPasses, "solution")] {
                if FileManager.default.fileExists(atPath: url.path) {
                    jobs.append(ExerciseJob(id: block.id, kind: block.gradedAs, file: url, points: block.points, expectation: expectation,
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
            var seen = Set<String>()
            let repeated = quiz.choices.filter { !seen.insert($0.trimmingCharacters(in: .whitespaces)).inserted }
            if repeated.isEmpty { report.pass() } else {
                report.fail(problem(quiz.line, "quiz choice '\(repeated[0])' appears more than once"))
            }
        }
        if let knownDemos {
            for demo in lesson.demos {
                if knownDemos.contains(demo.name) { report.pass() } else {
                    report.fail(problem(demo.line, "no demo named '\(demo.name)'; known demos: "
                                        + knownDemos.sorted().joined(separator: ", ")))
                    continue
                }
                if let demoProblem, let message = demoProblem(demo) {
                    report.fail(problem(demo.line, "demo '\(demo.name)' rejects its parameters: \(message)"))
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
                if var spec = spec(job.kind) {
                    spec.id = job.id
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

    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

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
