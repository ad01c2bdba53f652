import Foundation
import Grader
import Lessons

/// Starts the full-screen app on a loaded course: builds the model (the
/// outline, the remembered lesson and language), the real environment, and
/// runs the terminal loop. The `lectern` command only finds the course and
/// the workspace.
///
/// Hidden benchmarks (kept out of `--help`): `LECTERN_BENCH_FIRST_FRAME=1`
/// prints `first-frame-ms: N` to stderr after the first full frame and exits
/// (`LECTERN_BENCH_T0`, nanoseconds since the epoch, sets the start; default:
/// entering `openApp`); `LECTERN_BENCH_RENDER=1` prints the time to lay out
/// and draw the longest lesson and exits without opening the screen.
public enum AppSession {
    /// Runs the app; returns its exit status. `notice` receives a message
    /// for after the screen closes (a damaged progress store set aside).
    public static func run(course: Course, courseOption: String?, root: URL, workspace: Workspace?, cwd: URL,
                           language lang: String?, started: Date, notice: (String) -> Void) -> Int32 {
        let env = ProcessInfo.processInfo.environment
        let environment = CourseEnvironment(course: course, courseSetting: courseOption == nil ? WorkspaceManifest.builtInCourse : root.path,
                                            workspace: workspace, proposed: cwd.appendingPathComponent("lectern-workspace"))
        // The outline comes from a scan of each lesson's header and exercise fences;
        // a lesson is parsed only when it is opened.
        var entries: [Model.LessonEntry] = []
        for id in course.lessonIDs {
            let outline = course.outline(id)
            let translations = Set(course.languages(of: id).filter { $0 != "en" })
            let title = outline.problem == nil ? outline.title : "\(id) (cannot be read)"
            // Titles of translations come from a scan of their front matter too.
            var titles: [String: String] = [:]
            for language in translations {
                let translated = course.outline(id, language: language)
                if translated.problem == nil { titles[language] = translated.title }
            }
            entries.append(Model.LessonEntry(id: id, title: title, exercises: outline.exercises, translations: translations,
                                             translatedTitles: titles))
        }
        let saved = environment.lastPosition()
        let language = lang ?? saved?.language ?? "en"
        var model = Model(courseTitle: course.title, lessons: entries, language: language,
                          workspace: workspace?.root.path, proposedWorkspace: cwd.appendingPathComponent("lectern-workspace").path)
        model.math = { MathText.unicode($0) }
        let savedIndex = saved.flatMap { p in entries.firstIndex { $0.id == p.lesson } }
        model.selected = savedIndex ?? 0

        if env["LECTERN_BENCH_RENDER"] == "1" {
            FileHandle.standardError.write(Data((benchRender(model: model, environment: environment) + "\n").utf8))
            return 0
        }
        var launch = AppLaunch(model: model, environment: environment, openLesson: savedIndex ?? (entries.isEmpty ? nil : 0),
                               scroll: savedIndex == nil ? nil : saved?.line)
        launch.benchFirstFrame = env["LECTERN_BENCH_FIRST_FRAME"] == "1"
        launch.started = started
        let status = runApp(launch)
        if let message = environment.notice { notice(message) }
        return status
    }
}

/// When the benchmark clock started: `LECTERN_BENCH_T0` (ns since the epoch) or now.
public func benchStart() -> Date {
    if let t0 = ProcessInfo.processInfo.environment["LECTERN_BENCH_T0"], let ns = Double(t0) {
        return Date(timeIntervalSince1970: ns / 1e9)
    }
    return Date()
}

/// Lays out and draws every lesson at 100×30 and reports the slowest, which is the longest.
func benchRender(model: Model, environment: CourseEnvironment) -> String {
    var worst = (ms: 0.0, id: "", lines: 0)
    for (i, entry) in model.lessons.enumerated() {
        guard let lesson = try? environment.loadLesson(id: entry.id, language: "en") else { continue }
        var m = model
        m.width = 100; m.height = 30; m.openLesson = i; m.lesson = lesson; m.focus = .lesson
        let runs = 20
        let start = Date()
        for _ in 0..<runs {
            m.relayout()
            _ = render(m)
        }
        let ms = Date().timeIntervalSince(start) * 1000 / Double(runs)
        let lines = m.document?.lines.count ?? 0
        if lines > worst.lines { worst = (ms, entry.id, lines) }
    }
    return String(format: "render-longest-lesson-ms: %.2f (%@, %d lines at 100x30, layout + frame)", worst.ms, worst.id, worst.lines)
}

/// The real outside world of the app: the course on disk, the workspace, the
/// progress store and the grader.
public final class CourseEnvironment: AppEnvironment, @unchecked Sendable {
    let course: Course
    let courseSetting: String
    let proposed: URL
    let checker = Checker()
    private let lock = NSLock()
    private var workspace: Workspace?
    private var store: ProgressStore?
    /// A message for after the app closes (a damaged progress store set aside).
    public private(set) var notice: String?

    public init(course: Course, courseSetting: String, workspace: Workspace?, proposed: URL) {
        self.course = course; self.courseSetting = courseSetting; self.proposed = proposed
        if let workspace { attach(workspace) }
    }

    private func attach(_ ws: Workspace) {
        lock.withLock {
            workspace = ws
            do {
                let s = try ws.progress()
                store = s
                if let n = s.notice { notice = n }
            } catch { notice = "progress is not saved: \(error)" }
        }
    }

    private var current: (Workspace?, ProgressStore?) { lock.withLock { (workspace, store) } }

    public func lastPosition() -> ReadingPosition? { try? current.1?.lastPosition() }

    public func loadLesson(id: String, language: String) throws -> Lesson {
        do { return try course.lesson(id, language: language).markingUnknownExercises() } catch { throw AppError(error.description) }
    }

    public func statuses() -> [String: ExerciseState] {
        guard let store = current.1, let summary = try? store.summary() else { return [:] }
        var out: [String: ExerciseState] = [:]
        for (id, p) in summary {
            switch p.status {
            case .passed: out[id] = .passed
            case .attempted: out[id] = .attempted
            case .notStarted: break
            }
        }
        return out
    }

    public func check(exercise: String, points: Double, progress: @escaping @Sendable (String) -> Void) -> CheckOutcome {
        let (ws, store) = current
        guard let ws else { return CheckOutcome(verdict: "internal_error", passed: false, summary: "no workspace") }
        // The course's block gives the kind (`kind:`) and the partial-credit rule.
        let graded = try? GradingPlan.exercises(in: course, only: [exercise]).first
        guard let spec = graded?.spec ?? ExerciseRegistry.spec(exercise) else {
            return CheckOutcome(verdict: "internal_error", passed: false,
                                summary: "the grader has no exercise '\(exercise)' (the lesson names an unknown id)")
        }
        let file = ws.exerciseFile(exercise)
        guard FileManager.default.fileExists(atPath: file.path) else {
            return CheckOutcome(verdict: "internal_error", passed: false,
                                summary: "\(file.path) is missing; `lectern init` adds missing starter files")
        }
        let report = checker.check(spec, file: file, points: points, partial: graded?.partial ?? .equalGroups) {
            progress(CheckOutcome.describe($0))
        }
        // The same rule as `lectern check`: an unchanged re-check is not a new attempt.
        var recorded = report
        recorded.exercise = exercise      // the course's id, also for an exercise of another kind
        _ = try? store?.recordAttempt(recorded, file: file)
        return CheckOutcome(report: report)
    }

    public func hints(of exercise: String, language: String) -> [String] {
        guard let lesson = try? course.lesson(ExerciseID.lesson(of: exercise), language: language) else { return [] }
        return lesson.exercises.first { $0.id == exercise }?.hints ?? []
    }

    public func nextHint(exercise: String, hints: [String]) -> (index: Int, text: String)? {
        guard let store = current.1 else { return hints.isEmpty ? nil : (0, hints[0]) }
        return (try? store.nextHint(exercise, hints: hints)) ?? nil
    }

    public func recordQuiz(lesson: String, index: Int, answer: String, correct: Bool) {
        try? current.1?.recordQuiz(QuizAnswer(lesson: lesson, index: index, answer: answer, correct: correct))
    }

    public func savePosition(lesson: String, line: Int, language: String) {
        try? current.1?.savePosition(ReadingPosition(lesson: lesson, line: line, language: language))
    }

    public func exerciseFile(_ exercise: String) -> String? { current.0?.exerciseFile(exercise).path }

    public func createWorkspace() throws -> String {
        let exercises = Workspace.exercises(in: course).exercises
        let tensor = TensorSources.locate(executable: Course.currentExecutable(), courseRoot: course.root)
        do {
            let (ws, _) = try Workspace.initialize(at: proposed, course: courseSetting, exercises: exercises, tensorSources: tensor)
            attach(ws)
            return ws.root.path
        } catch { throw AppError("\(error)") }
    }
}
