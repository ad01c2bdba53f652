import Foundation
import GRDB

/// One graded attempt, as stored in the `attempts` table.
public struct AttemptRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "attempts"
    public var id: Int64?
    public var exercise: String
    public var time: Date
    /// A `Verdict` raw value (`passed`, `wrong_answer`, ...).
    public var verdict: String
    public var score: Double
    public var maxScore: Double
    public var durationMs: Int
    /// SHA-256 of the learner file that was checked (hex), or "" when unknown.
    public var fileHash: String

    public init(id: Int64? = nil, exercise: String, time: Date = Date(), verdict: String,
                score: Double, maxScore: Double, durationMs: Int, fileHash: String) {
        self.id = id; self.exercise = exercise; self.time = time; self.verdict = verdict
        self.score = score; self.maxScore = maxScore; self.durationMs = durationMs
        self.fileHash = fileHash
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// How many hints of an exercise the learner has seen (`hints` table).
struct HintRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "hints"
    var exercise: String
    var shown: Int
}

/// The latest answer to one quiz of a lesson (`quiz` table).
public struct QuizAnswer: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "quiz"
    public var lesson: String
    /// The quiz's position among the lesson's quizzes, from 0.
    public var index: Int
    /// The text of the chosen answer.
    public var answer: String
    public var correct: Bool
    public var time: Date

    public init(lesson: String, index: Int, answer: String, correct: Bool, time: Date = Date()) {
        self.lesson = lesson; self.index = index; self.answer = answer; self.correct = correct
        self.time = time
    }
}

/// Where the learner left a lesson (`position` table).
public struct ReadingPosition: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "position"
    public var lesson: String
    /// The first visible line of the rendered lesson.
    public var line: Int
    public var language: String
    public var time: Date

    public init(lesson: String, line: Int, language: String, time: Date = Date()) {
        self.lesson = lesson; self.line = line; self.language = language; self.time = time
    }
}

/// Where an exercise stands for the learner.
public enum ExerciseStatus: String, Sendable, Codable, Equatable {
    /// No attempt recorded.
    case notStarted = "not-started"
    /// Checked at least once, never passed.
    case attempted
    /// At least one attempt passed.
    case passed
}

/// What the store knows about one exercise.
public struct ExerciseProgress: Sendable, Equatable, Codable {
    public var exercise: String
    public var status: ExerciseStatus
    public var attempts: Int
    /// The best score of any attempt (0 when none).
    public var bestScore: Double
    /// The most recent verdicts, newest first (at most five).
    public var lastVerdicts: [String]
    public var hintsShown: Int
    public var lastAttempt: Date?
}
