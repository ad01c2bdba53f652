import Foundation
import GRDB

/// Graded results kept in SQLite (GRDB), so grading an unchanged class again
/// costs a lookup per row.
///
/// A row's key is a digest of everything its verdict depends on: the
/// submission file's SHA-256, the exercise id and its grader kind, points,
/// partial-credit rule, seed, sandbox limits, and the identity of this
/// Lectern build (a rebuilt grader never serves an old verdict). Every
/// verdict except the tool's own fault (`internal_error`) is kept, timeouts
/// included, so an unchanged class costs nothing to regrade; `--force` or
/// `--student NAME` judges again.
public final class Gradebook: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating when missing) the gradebook at `path`.
    public init(path: String) throws(GradingError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.label = "lectern.gradebook"
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch {
            throw .io("cannot open the gradebook \(path): \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "grades") { t in
                t.primaryKey("key", .text)
                t.column("student", .text).notNull().indexed()
                t.column("exercise", .text).notNull()
                t.column("submissionHash", .text).notNull()
                t.column("seed", .text).notNull()
                t.column("build", .text).notNull()
                t.column("verdict", .text).notNull()
                t.column("score", .double).notNull()
                t.column("report", .text).notNull()
                t.column("time", .datetime).notNull()
            }
        }
        return m
    }

    /// The identity of this Lectern build (the executable's path, size and time).
    public static let build: String = ReportCache.executableIdentity

    /// The key of one student × exercise result.
    public static func key(submissionHash: String, exercise: GradedExercise, seed: UInt64, limits: SandboxLimits) -> String {
        let material = "grade-v1|\(submissionHash)|\(exercise.id)|\(exercise.kind)|\(exercise.points)|\(exercise.partial)"
            + "|\(seed)|\(limits.applying(exercise.spec.limits))|\(build)"
        return SHA256Hex.digest(Array(material.utf8))
    }

    /// SHA-256 of a file's bytes, or nil when it cannot be read.
    public static func hash(of file: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return SHA256Hex.digest(Array(data))
    }

    /// Verdicts whose report may be served again for the same key.
    static func keepable(_ verdict: Verdict) -> Bool {
        verdict != .internalError
    }

    public func lookup(_ key: String) -> CheckReport? {
        let text = try? pool.read { db in try String.fetchOne(db, sql: "SELECT report FROM grades WHERE key = ?", arguments: [key]) }
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(CheckReport.self, from: data)
    }

    /// Stores a report (when its verdict is keepable); failures are returned, not thrown,
    /// because a gradebook that cannot be written must not stop grading.
    @discardableResult
    public func store(_ report: CheckReport, key: String, student: String, submissionHash: String) -> String? {
        guard Self.keepable(report.verdict) else { return nil }
        do {
            let data = try JSONEncoder().encode(report)
            let text = String(decoding: data, as: UTF8.self)
            try pool.write { db in
                try db.execute(sql: """
                    INSERT OR REPLACE INTO grades (key, student, exercise, submissionHash, seed, build, verdict, score, report, time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key, student, report.exercise, submissionHash, String(report.seed), Self.build,
                                     report.verdict.rawValue, report.score, text, Date()])
            }
            return nil
        } catch {
            return "could not write the gradebook \(path): \(error)"
        }
    }

    /// Number of stored results.
    public func count() -> Int {
        (try? pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grades") }) ?? 0
    }
}
