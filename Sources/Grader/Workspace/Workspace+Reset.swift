import Lessons
import Foundation
import Lessons

extension Workspace {
    /// Puts the starter back in place of the learner's file for `exerciseID`,
    /// keeping the current file as `.lectern/backups/<name>-<time>.swift`.
    ///
    /// - Returns: the backup's URL, or nil when there was no file to back up.
    /// - Throws: `WorkspaceError.io` when the starter cannot be read or a file cannot be written;
    ///   the learner's file is untouched in that case.
    @discardableResult
    public func reset(_ exerciseID: String, starter: URL, now: Date = Date()) throws(WorkspaceError) -> URL? {
        let fm = FileManager.default
        guard let fresh = fm.contents(atPath: starter.path) else {
            throw .io(path: starter.path, reason: "the course has no starter here, so there is nothing to reset to")
        }
        let file = exerciseFile(exerciseID)
        var backup: URL?
        if let current = fm.contents(atPath: file.path) {
            do { try fm.createDirectory(at: backupsDirectory, withIntermediateDirectories: true) } catch {
                throw .io(path: backupsDirectory.path, reason: "cannot create the backups folder: \(ContentFile.plain(error))")
            }
            let name = ExerciseID(exerciseID)?.name ?? exerciseID
            let stamp = ProgressStore.timestamp(now)
            var candidate = backupsDirectory.appendingPathComponent("\(name)-\(stamp).swift")
            var n = 1
            while fm.fileExists(atPath: candidate.path) {
                n += 1
                candidate = backupsDirectory.appendingPathComponent("\(name)-\(stamp)-\(n).swift")
            }
            // Write the backup first: if that fails, the learner's file stays as it was.
            try Self.write(current, to: candidate)
            backup = candidate
        } else {
            do { try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true) } catch {
                throw .io(path: file.path, reason: "cannot create its folder: \(ContentFile.plain(error))")
            }
        }
        try Self.write(fresh, to: file)
        return backup
    }
}
