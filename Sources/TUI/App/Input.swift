import Lessons

/// One key press, decoded in one place (the ncurses adapter) so the rest of
/// the app never sees terminal codes.
public enum Key: Sendable, Hashable {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// A printable character, including space.
    case char(Character)
    /// ^C when the terminal delivers it as a key rather than a signal.
    case interrupt
}

/// What can happen to the app. `update` is the only code that reacts to one.
public enum Msg: Sendable {
    case key(Key)
    /// The terminal is now `width`×`height` cells.
    case resize(width: Int, height: Int)
    /// Time passed (drives demo animation and the checking spinner).
    case tick(ms: Int)
    /// A lesson was read from disk (nil when it failed, with the reason).
    case lessonLoaded(id: String, language: String, Lesson?, error: String?)
    /// The exercise statuses from the progress store.
    case statusesLoaded([String: ExerciseState])
    /// A check of `exercise` reached a phase ("compiling", "running 12/40").
    case checkProgress(exercise: String, phase: String)
    /// A check ended.
    case checkFinished(exercise: String, CheckOutcome)
    /// The learner saved a watched exercise file.
    case fileChanged(exercise: String)
    /// The next hint of `exercise` (nil when none are left), with how many exist.
    case hintLoaded(exercise: String, index: Int?, text: String?, total: Int)
    /// The editor closed.
    case editorClosed(exercise: String, error: String?)
    /// A workspace is now available (after creating one), at `path`.
    case workspaceReady(path: String?, error: String?)
    /// Demo steps ran in the background: `taken` steps were performed on
    /// build `generation`; `finished` when the demo had nothing more to show.
    case demoStepped(generation: Int, DemoBox, taken: Int, finished: Bool)
}

/// A demo handed to the background and back. Demos compute (a step may train
/// a model and read the clock), so `update` never steps one itself: it asks
/// for `Effect.stepDemo` and takes the stepped copy from `Msg.demoStepped`.
/// Compared by identity; only one thread touches the demo at a time.
public final class DemoBox: @unchecked Sendable, Equatable {
    public let demo: any Demo
    public init(_ demo: any Demo) { self.demo = demo }
    public static func == (a: DemoBox, b: DemoBox) -> Bool { a === b }
}

/// Work the app asks its runtime to do; results come back as messages.
public enum Effect: Sendable, Equatable {
    case loadLesson(id: String, language: String)
    case loadStatuses
    /// Grade `exercise` in the background (never blocks drawing).
    case check(exercise: String, points: Double)
    case nextHint(exercise: String, hints: [String])
    case recordQuiz(lesson: String, index: Int, answer: String, correct: Bool)
    case savePosition(lesson: String, line: Int, language: String)
    /// Suspends the screen and opens the exercise file in $VISUAL / $EDITOR.
    case openEditor(exercise: String)
    /// Watch these exercises' files for saves.
    case watch(exercises: [String])
    case createWorkspace
    /// Perform up to `count` steps of a copy of the demo, off the drawing thread.
    case stepDemo(generation: Int, DemoBox, count: Int)
    case quit
}

/// How far an exercise has come, as the progress store records it.
public enum ExerciseState: String, Sendable, Equatable {
    case notStarted, attempted, passed
}

/// What the app shows after a check: the verdict and the evidence, already
/// turned into text by the grader adapter.
public struct CheckOutcome: Sendable, Equatable {
    /// The verdict's raw value (`passed`, `wrong_answer`, `compile_error`, …).
    public var verdict: String
    public var passed: Bool
    public var score: Double
    public var maxScore: Double
    /// "12/40 cases passed", the limit hit, the duration.
    public var summary: String
    /// The body: the shrunk case, expected, got, the diff, diagnostics, output.
    public var details: [String]
    /// The summary in other languages, by language code (`zh`), built from the
    /// report's fields; the app falls back to `summary`.
    public var translatedSummaries: [String: String] = [:]

    public init(verdict: String, passed: Bool, score: Double = 0, maxScore: Double = 0,
                summary: String = "", details: [String] = []) {
        self.verdict = verdict; self.passed = passed; self.score = score; self.maxScore = maxScore
        self.summary = summary; self.details = details
    }
}
