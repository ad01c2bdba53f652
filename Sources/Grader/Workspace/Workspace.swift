import Lessons
import Foundation

/// A learner workspace: the folder `lectern init` made, holding one editable
/// Swift file per exercise and a `.lectern/` folder that marks it (as `.git`
/// marks a repository) and keeps the progress store and backups.
///
/// ```
/// <root>/
///   README.md                     how to work here
///   Package.swift                 generated: lets SourceKit-LSP complete `import Tensor`
///   Exercises/<lesson>/<name>.swift           the learner's files
///   Exercises/<lesson>/Support/<name>-types.swift   generated result types, when an exercise has some
///   .lectern/workspace.json       the marker (format version, course, creation time)
///   .lectern/progress.sqlite      attempts, hints, quiz answers, reading positions
///   .lectern/Tensor/*.swift       a copy of the Tensor module for the editor
///   .lectern/backups/             files set aside by `lectern reset`
/// ```
public struct Workspace: Sendable {
    /// The workspace folder (the one holding `.lectern/`).
    public let root: URL
    public let manifest: WorkspaceManifest

    public static let markerFolder = ".lectern"
    public static let manifestFile = "workspace.json"
    public static let exercisesFolder = "Exercises"

    /// Reads the workspace whose root is `root`.
    ///
    /// - Throws: `WorkspaceError.badManifest` when `.lectern/workspace.json` is missing or unreadable.
    public init(root: URL) throws(WorkspaceError) {
        self.root = root.standardizedFileURL
        let file = self.root.appendingPathComponent(Self.markerFolder).appendingPathComponent(Self.manifestFile)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .badManifest(path: file.path, reason: "the file is missing")
        }
        do {
            manifest = try WorkspaceManifest.decoder.decode(WorkspaceManifest.self, from: data)
        } catch {
            throw .badManifest(path: file.path, reason: "it is not a workspace description (\(error))")
        }
        guard manifest.formatVersion <= WorkspaceManifest.currentFormat else {
            throw .badManifest(path: file.path, reason: "it has format \(manifest.formatVersion), newer than this "
                               + "lectern understands (\(WorkspaceManifest.currentFormat)); update lectern")
        }
    }

    /// The workspace containing `directory` (or `directory` itself): the nearest
    /// folder at or above it that holds `.lectern/workspace.json`. Nil when none does.
    ///
    /// - Throws: `WorkspaceError.badManifest` when the nearest marker exists but cannot be read.
    public static func locate(from directory: URL) throws(WorkspaceError) -> Workspace? {
        var dir = directory.standardizedFileURL.resolvingSymlinksInPath()
        let fm = FileManager.default
        while true {
            let marker = dir.appendingPathComponent(markerFolder).appendingPathComponent(manifestFile)
            if fm.fileExists(atPath: marker.path) { return try Workspace(root: dir) }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path || dir.path == "/" { return nil }
            dir = parent
        }
    }

    /// The workspace around the current directory.
    public static func locateFromCurrentDirectory() throws(WorkspaceError) -> Workspace? {
        try locate(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// `Exercises/<lesson>/<name>.swift` for exercise id `<lesson>/<name>`.
    public func exerciseFile(_ exerciseID: String) -> URL {
        let parts = exerciseID.split(separator: "/", maxSplits: 1).map(String.init)
        var url = root.appendingPathComponent(Self.exercisesFolder)
        for part in parts { url.appendPathComponent(part) }
        return url.appendingPathExtension("swift")
    }

    /// The exercise id of a file inside `Exercises/` (`Exercises/a/b.swift` → `a/b`), or nil.
    public func exerciseID(of file: URL) -> String? {
        let base = root.appendingPathComponent(Self.exercisesFolder).resolvingSymlinksInPath().path + "/"
        let path = file.standardizedFileURL.resolvingSymlinksInPath().path
        guard path.hasPrefix(base), path.hasSuffix(".swift") else { return nil }
        return ExerciseID(String(path.dropFirst(base.count).dropLast(".swift".count)))?.description
    }

    public var markerDirectory: URL { root.appendingPathComponent(Self.markerFolder) }
    public var progressPath: String { markerDirectory.appendingPathComponent("progress.sqlite").path }
    public var backupsDirectory: URL { markerDirectory.appendingPathComponent("backups") }

    /// Opens this workspace's progress store (creating it when missing).
    /// Check `notice` on the result: it says when a damaged database was set aside.
    public func progress() throws(ProgressStoreError) -> ProgressStore {
        try ProgressStore(path: progressPath)
    }

    /// `course` written relative to `root` (`../my-course`), so a workspace and its
    /// course can move together; the absolute path when they share only `/`.
    public static func relativeCoursePath(_ course: URL, from root: URL) -> String {
        let a = course.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = root.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        guard common > 1 else { return course.standardizedFileURL.path }
        let parts = Array(repeating: "..", count: b.count - common) + a[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The course this workspace was made from: `explicit` (a `--course` option)
    /// wins; otherwise the folder recorded at `init`, or the built-in course when
    /// it recorded "builtin".
    public func courseRoot(explicit: String?, builtIn: () throws -> URL) rethrows -> URL {
        if let explicit { return URL(fileURLWithPath: explicit).standardizedFileURL }
        if manifest.course != WorkspaceManifest.builtInCourse {
            return URL(fileURLWithPath: manifest.course, relativeTo: root).standardizedFileURL
        }
        return try builtIn()
    }
}

/// `.lectern/workspace.json`.
public struct WorkspaceManifest: Codable, Sendable, Equatable {
    public static let currentFormat = 1
    /// The value of `course` for the course built into lectern.
    public static let builtInCourse = "builtin"

    public var formatVersion: Int
    /// "builtin", or the course folder: relative to the workspace root since
    /// `relativeCoursePath` (older workspaces hold an absolute path).
    public var course: String
    public var created: Date

    public init(formatVersion: Int = WorkspaceManifest.currentFormat, course: String, created: Date = Date()) {
        self.formatVersion = formatVersion; self.course = course; self.created = created
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
}

/// A workspace operation that could not be done; the message says what to do.
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    case badManifest(path: String, reason: String)
    /// No workspace around the current directory.
    case notInWorkspace(directory: String)
    /// A file could not be written or moved.
    case io(path: String, reason: String)
    /// `init` was pointed at a folder that is not a workspace and is not empty.
    case folderNotEmpty(path: String)

    public var description: String {
        switch self {
        case .badManifest(let path, let reason):
            return "\(path): cannot read the workspace marker: \(reason)"
        case .notInWorkspace(let directory):
            return "\(directory) is not inside a Lectern workspace (no .lectern/ here or above); "
                + "run `lectern init` to make one, or cd into it"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .folderNotEmpty(let path):
            return "\(path) exists, is not empty and is not a Lectern workspace; pick a new or empty folder"
        }
    }
}
