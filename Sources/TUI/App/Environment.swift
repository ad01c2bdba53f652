import Lessons

/// What the app needs from the outside world: the course, the workspace, the
/// grader and the progress store. The runner supplies the real one; tests
/// supply fakes, so the app can be driven key by key without a terminal,
/// a compiler or a disk.
///
/// Methods may be called from a background thread (`check`), so
/// implementations must be thread-safe.
public protocol AppEnvironment: AnyObject, Sendable {
    /// Reads and parses a lesson; throws a message naming the file on failure.
    func loadLesson(id: String, language: String) throws -> Lesson
    /// Exercise id → status, from the progress store (empty without a workspace).
    func statuses() -> [String: ExerciseState]
    /// Grades an exercise file; `progress` reports phases ("compiling").
    func check(exercise: String, points: Double, progress: @escaping @Sendable (String) -> Void) -> CheckOutcome
    /// The next hint not yet shown (remembered), or nil when all were shown.
    func nextHint(exercise: String, hints: [String]) -> (index: Int, text: String)?
    func recordQuiz(lesson: String, index: Int, answer: String, correct: Bool)
    func savePosition(lesson: String, line: Int, language: String)
    /// The learner's file for an exercise, or nil without a workspace.
    func exerciseFile(_ exercise: String) -> String?
    /// Creates a workspace at the proposed place and returns its path.
    func createWorkspace() throws -> String
    /// The hints of an exercise of a lesson that is not open (the outline
    /// does not parse lessons); empty when unknown.
    func hints(of exercise: String, language: String) -> [String]
}

extension AppEnvironment {
    public func hints(of exercise: String, language: String) -> [String] { [] }
}

/// A failure with a message for the learner.
public struct AppError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
