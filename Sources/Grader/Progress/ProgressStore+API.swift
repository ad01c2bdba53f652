import Foundation
import GRDB

extension ProgressStore {
    // MARK: Attempts

    /// Stores one attempt and returns it with its row id.
    @discardableResult
    public func recordAttempt(_ attempt: AttemptRecord) throws -> AttemptRecord {
        try pool.write { db in
            var row = attempt
            try row.insert(db)
            return row
        }
    }

    /// Every attempt at `exercise`, oldest first.
    public func attempts(of exercise: String) throws -> [AttemptRecord] {
        try pool.read { db in
            try AttemptRecord.filter(Column("exercise") == exercise).order(Column("id")).fetchAll(db)
        }
    }

    /// The latest attempt at `exercise`, read alone: a check compares with it,
    /// and reading the whole history there would make every check slower and
    /// hungrier than the one before.
    public func lastAttempt(of exercise: String) throws -> AttemptRecord? {
        try pool.read { db in
            try AttemptRecord.filter(Column("exercise") == exercise).order(Column("id").desc).limit(1).fetchOne(db)
        }
    }

    /// Not started, attempted, or passed (any passing attempt counts). An
    /// `internal_error` is the tool's fault, so it does not make an exercise attempted.
    public func status(of exercise: String) throws -> ExerciseStatus {
        try pool.read { db in
            // Only attempts after the last `reset` count.
            let verdicts = try String.fetchAll(db, sql: """
                SELECT DISTINCT verdict FROM attempts WHERE exercise = ? AND verdict NOT IN ('internal_error', '\(Self.resetVerdict)')
                  AND id > COALESCE((SELECT MAX(id) FROM attempts WHERE exercise = ? AND verdict = '\(Self.resetVerdict)'), 0)
                """, arguments: [exercise, exercise])
            if verdicts.isEmpty { return .notStarted }
            return verdicts.contains("passed") ? .passed : .attempted
        }
    }

    // MARK: Hints

    /// Marks the next unseen hint as shown and returns it, or nil when every
    /// hint has been shown. Atomic, so two processes never skip a hint.
    public func nextHint(_ exercise: String, hints: [String]) throws -> (index: Int, text: String)? {
        try pool.write { db in
            let shown = try HintRecord.fetchOne(db, key: exercise)?.shown ?? 0
            guard shown < hints.count else { return nil }
            try HintRecord(exercise: exercise, shown: shown + 1).save(db)
            return (shown, hints[shown])
        }
    }

    /// How many hints of `exercise` the learner has seen.
    public func hintsShown(_ exercise: String) throws -> Int {
        try pool.read { db in try HintRecord.fetchOne(db, key: exercise)?.shown ?? 0 }
    }

    // MARK: Quizzes

    /// Stores the learner's latest answer to one quiz (replacing an earlier one).
    public func recordQuiz(_ answer: QuizAnswer) throws {
        try pool.write { db in try answer.save(db) }
    }

    /// The latest answers to a lesson's quizzes, by quiz index.
    public func quizAnswers(lesson: String) throws -> [QuizAnswer] {
        try pool.read { db in
            try QuizAnswer.filter(Column("lesson") == lesson).order(Column("index")).fetchAll(db)
        }
    }

    // MARK: Reading position

    public func savePosition(_ position: ReadingPosition) throws {
        try pool.write { db in try position.save(db) }
    }

    public func loadPosition(lesson: String) throws -> ReadingPosition? {
        try pool.read { db in try ReadingPosition.fetchOne(db, key: lesson) }
    }

    /// The most recently saved position of any lesson (where to reopen the app).
    public func lastPosition() throws -> ReadingPosition? {
        try pool.read { db in try ReadingPosition.order(Column("time").desc).fetchOne(db) }
    }

    // MARK: Summary

    /// What the store knows about every exercise it has seen, by exercise id.
    /// Exercises with no attempt and no hint are absent (they are not started).
    public func summary() throws -> [String: ExerciseProgress] {
        try pool.read { db in
            var out: [String: ExerciseProgress] = [:]
            func entry(_ id: String) -> ExerciseProgress {
                out[id] ?? ExerciseProgress(exercise: id, status: .notStarted, attempts: 0, bestScore: 0,
                                            lastVerdicts: [], hintsShown: 0, lastAttempt: nil)
            }
            // Newest first, so the first verdicts seen are the latest ones;
            // anything older than an exercise's last reset no longer counts.
            var wasReset = Set<String>()
            for a in try AttemptRecord.order(Column("id").desc).fetchAll(db) {
                if wasReset.contains(a.exercise) { continue }
                if a.verdict == Self.resetVerdict {
                    wasReset.insert(a.exercise)
                    continue
                }
                var e = entry(a.exercise)
                e.attempts += 1
                e.bestScore = max(e.bestScore, a.score)
                if e.lastVerdicts.count < 5 { e.lastVerdicts.append(a.verdict) }
                if e.lastAttempt == nil { e.lastAttempt = a.time }
                if a.verdict == "passed" {
                    e.status = .passed
                } else if e.status == .notStarted, a.verdict != "internal_error" {
                    e.status = .attempted
                }
                out[a.exercise] = e
            }
            for h in try HintRecord.fetchAll(db) {
                var e = entry(h.exercise)
                e.hintsShown = h.shown
                out[h.exercise] = e
            }
            return out
        }
    }
}

extension ProgressStore {
    /// The SHA-256 of a file's bytes as lowercase hex, for `AttemptRecord.fileHash`.
    public static func fileHash(_ url: URL) -> String {
        guard let data = try? Data(contentsOf: url) else { return "" }
        return SHA256Hex.digest(Array(data))
    }
}

extension ProgressStore {
    /// The verdict column of the row `recordReset` writes.
    static let resetVerdict = "reset"

    /// Stores the outcome of `lectern check` (or a watch re-check) of `file`.
    /// Checking the same text again with the same verdict is not a new
    /// attempt: the latest record is returned and nothing is written.
    @discardableResult
    public func recordAttempt(_ report: CheckReport, file: URL?, time: Date = Date()) throws -> AttemptRecord {
        let hash = file.map(Self.fileHash) ?? ""
        if !hash.isEmpty, let last = try lastAttempt(of: report.exercise),
           last.fileHash == hash, last.verdict == report.verdict.rawValue, last.score == report.score {
            return last
        }
        return try recordAttempt(AttemptRecord(exercise: report.exercise, time: time, verdict: report.verdict.rawValue,
                                               score: report.score, maxScore: report.maxScore,
                                               durationMs: report.durationMs, fileHash: hash))
    }

    /// Marks `exercise` as started over (`lectern reset`): earlier attempts stay
    /// in the history but no longer make it passed or attempted.
    public func recordReset(_ exercise: String, time: Date = Date()) throws {
        try recordAttempt(AttemptRecord(exercise: exercise, time: time, verdict: Self.resetVerdict, score: 0, maxScore: 0,
                                        durationMs: 0, fileHash: ""))
    }
}
