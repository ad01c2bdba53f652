import Foundation
import Lessons
#if canImport(Glibc)
import Glibc
#endif
import GRDB

/// The learner's progress in a workspace: attempts, hints shown, quiz answers
/// and reading positions, kept in SQLite (`.lectern/progress.sqlite`) through GRDB.
///
/// The database runs in WAL mode with a busy timeout, so the full-screen app
/// and `lectern watch` can write at the same time. A file that is not a
/// database, or fails SQLite's `quick_check`, is never silently replaced: it is
/// renamed to `progress.sqlite.corrupt-<time>`, a fresh store is created, and
/// `notice` says so (callers print it).
public final class ProgressStore: Sendable {
    public let path: String
    /// Set when opening had to set a damaged database aside; say it to the learner.
    public let notice: String?
    let pool: DatabasePool

    /// Opens (creating when missing) the store at `path`.
    ///
    /// - Throws: `ProgressStoreError.unusable` when the file cannot be opened for a reason
    ///   other than damage (permissions, a directory in the way, a full disk).
    public init(path: String, busyTimeout: TimeInterval = 10) throws(ProgressStoreError) {
        self.path = path
        do {
            pool = try Self.open(path: path, busyTimeout: busyTimeout)
            notice = nil
        } catch let error where Self.isDamage(error) {
            let backup = try Self.setAside(path: path, reason: error)
            do {
                pool = try Self.open(path: path, busyTimeout: busyTimeout)
            } catch {
                throw .unusable(path: path, reason: "\(error)")
            }
            notice = "the progress database \(path) was damaged (\(Self.describe(error))); "
                + "it was kept as \(backup) and a fresh, empty one was created"
        } catch {
            throw .unusable(path: path, reason: Self.describe(error))
        }
    }

    /// The schema, one migration per change; never edit a registered migration.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "attempts") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("exercise", .text).notNull().indexed()
                t.column("time", .datetime).notNull()
                t.column("verdict", .text).notNull()
                t.column("score", .double).notNull()
                t.column("maxScore", .double).notNull()
                t.column("durationMs", .integer).notNull()
                t.column("fileHash", .text).notNull()
            }
            try db.create(table: "hints") { t in
                t.primaryKey("exercise", .text)
                t.column("shown", .integer).notNull()
            }
            try db.create(table: "quiz") { t in
                t.column("lesson", .text).notNull()
                t.column("index", .integer).notNull()
                t.column("answer", .text).notNull()
                t.column("correct", .boolean).notNull()
                t.column("time", .datetime).notNull()
                t.primaryKey(["lesson", "index"])
            }
            try db.create(table: "position") { t in
                t.primaryKey("lesson", .text)
                t.column("line", .integer).notNull()
                t.column("language", .text).notNull()
                t.column("time", .datetime).notNull()
            }
        }
        return m
    }

    /// A corrupt-database marker for a failed `quick_check`.
    struct QuickCheckFailed: Error, CustomStringConvertible {
        var report: String
        var description: String { "integrity check: \(report)" }
    }

    /// Opens and migrates, retrying while another connection holds SQLite's lock
    /// (switching a new file to WAL does not wait on the busy timeout).
    private static func open(path: String, busyTimeout: TimeInterval) throws -> DatabasePool {
        // Creating and migrating is serialised across processes with an advisory
        // lock on a side file: otherwise two first opens both run the migration,
        // and one fails on "table already exists".
        #if canImport(Glibc)
        let lockFD = Glibc.open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #else
        let lockFD = Darwin.open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #endif
        if lockFD >= 0 { _ = flock(lockFD, LOCK_EX) }
        defer { if lockFD >= 0 { _ = flock(lockFD, LOCK_UN); close(lockFD) } }
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try openOnce(path: path, busyTimeout: busyTimeout)
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline {
                Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.03))
            }
        }
    }

    private static func openOnce(path: String, busyTimeout: TimeInterval) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "lectern.progress"
        let pool = try DatabasePool(path: path, configuration: config)
        try migrator.migrate(pool)
        let report = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        if report != ["ok"] { throw QuickCheckFailed(report: report.prefix(3).joined(separator: "; ")) }
        return pool
    }

    private static func isDamage(_ error: any Error) -> Bool {
        if error is QuickCheckFailed { return true }
        guard let db = error as? DatabaseError else { return false }
        return db.resultCode == .SQLITE_NOTADB || db.resultCode == .SQLITE_CORRUPT
    }

    private static func describe(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }

    /// Renames the damaged file (and its WAL and shared-memory files) aside.
    private static func setAside(path: String, reason: any Error) throws(ProgressStoreError) -> String {
        let stamp = Self.timestamp(Date())
        let fm = FileManager.default
        var backup = "\(path).corrupt-\(stamp)"
        var n = 1
        while fm.fileExists(atPath: backup) { n += 1; backup = "\(path).corrupt-\(stamp)-\(n)" }
        do {
            try fm.moveItem(atPath: path, toPath: backup)
            for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
                try fm.moveItem(atPath: path + suffix, toPath: backup + suffix)
            }
        } catch {
            throw .unusable(path: path, reason: "it is damaged (\(describe(reason))) and could not be "
                            + "renamed aside: \(ContentFile.plain(error))")
        }
        return backup
    }

    /// `20261129T114500Z`: sortable and safe in file names.
    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }
}

/// The progress store could not be used.
public enum ProgressStoreError: Error, CustomStringConvertible, Equatable {
    /// The database file cannot be opened or written; nothing was changed.
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason):
            return "cannot open the progress database \(path): \(reason)"
        }
    }
}
