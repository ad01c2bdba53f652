import Foundation

/// The submissions of a class, found in one folder.
///
/// Two layouts, told apart per student:
///
/// ```
/// SUBMISSIONS/alice/Exercises/<lesson>/<name>.swift    a workspace (`lectern init`, or a student's repository)
/// SUBMISSIONS/bob/<lesson>/<name>.swift                a plain folder of files
/// ```
///
/// When SUBMISSIONS is itself one submission (it is a workspace, has an
/// `Exercises/` folder, or holds a folder named after a lesson of the course),
/// it is graded as a single student named after the folder: this is how the
/// Gradescope autograder and a GitHub Classroom workflow call `lectern grade`.
/// Folders starting with `.` are skipped. A file that is a symbolic link leading
/// outside its student's folder is not read (it counts as missing).
public struct Submissions: Sendable {
    public struct Student: Sendable, Equatable {
        public var name: String
        public var root: URL
        /// The folder exercise files are under: `root/Exercises` for a workspace, else `root`.
        public var exercisesRoot: URL
    }

    public var root: URL
    public var students: [Student]
    /// True when `root` itself was one submission.
    public var single: Bool

    /// Finds the students under `root`; `lessonIDs` tells a single submission from a class.
    ///
    /// - Throws: `GradingError.noSubmissions` when `root` is not a folder or holds none.
    public static func discover(_ root: URL, lessonIDs: [String]) throws(GradingError) -> Submissions {
        let fm = FileManager.default
        let root = root.standardizedFileURL
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw .noSubmissions(root.path)
        }
        if isSubmission(root, lessonIDs: lessonIDs) {
            return Submissions(root: root, students: [student(root, name: root.lastPathComponent)], single: true)
        }
        let names = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let students = names.compactMap { name -> Student? in
            let dir = root.appendingPathComponent(name)
            var d: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &d), d.boolValue else { return nil }
            return student(dir, name: name)
        }
        guard !students.isEmpty else { throw .noSubmissions(root.path) }
        return Submissions(root: root, students: students, single: false)
    }

    static func isSubmission(_ dir: URL, lessonIDs: [String]) -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: dir.appendingPathComponent(".lectern/workspace.json").path) { return true }
        if fm.fileExists(atPath: dir.appendingPathComponent(Workspace.exercisesFolder).path) { return true }
        return lessonIDs.contains { fm.fileExists(atPath: dir.appendingPathComponent($0).path) }
    }

    static func student(_ dir: URL, name: String) -> Student {
        let exercises = dir.appendingPathComponent(Workspace.exercisesFolder)
        var d: ObjCBool = false
        let isWorkspace = FileManager.default.fileExists(atPath: exercises.path, isDirectory: &d) && d.boolValue
        return Student(name: name, root: dir, exercisesRoot: isWorkspace ? exercises : dir)
    }
}

extension Submissions.Student {
    /// `<lesson>/<name>.swift` of exercise `id` under this student's folder, or nil
    /// when it is missing, not a regular file, or a link leading outside the folder.
    public func file(for id: String) -> URL? {
        var url = exercisesRoot
        for part in id.split(separator: "/") { url.appendPathComponent(String(part)) }
        url.appendPathExtension("swift")
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { return nil }
        let resolved = url.resolvingSymlinksInPath().path
        let base = root.resolvingSymlinksInPath().path + "/"
        guard resolved.hasPrefix(base) else { return nil }
        return url
    }
}
