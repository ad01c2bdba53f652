import Foundation
import Lessons

/// One exercise as `lectern init` needs it.
public struct WorkspaceExercise: Sendable, Equatable {
    /// `<lesson>/<name>`.
    public var id: String
    /// The course's starter file for it.
    public var starter: URL
    /// Declarations the grader compiles beside the learner file (result structs); often empty.
    public var supportTypes: String

    public init(id: String, starter: URL, supportTypes: String) {
        self.id = id; self.starter = starter; self.supportTypes = supportTypes
    }

    public var lesson: String { ExerciseID.lesson(of: id) }
    public var name: String { ExerciseID.name(of: id) }
}

/// What `lectern init` did.
public struct InitReport: Sendable, Equatable {
    /// True when the workspace did not exist before.
    public var createdWorkspace: Bool
    /// Exercise ids whose starter was copied in this run.
    public var added: [String] = []
    /// Exercise ids whose file already existed and was left alone.
    public var kept: [String] = []
    /// Exercises with no starter in the course (`id`, the path looked for).
    public var missingStarters: [String] = []
    /// False when the Tensor sources were not found, so the editor cannot resolve `import Tensor`.
    public var tensorCopied = false
    /// Problems in the course that made some exercises unavailable.
    public var problems: [ContentProblem] = []
}

extension Workspace {
    /// Every exercise block of every lesson of `course`, in course order, with its
    /// starter and support types (from `ExerciseRegistry` when the id is known).
    /// Lessons that fail to parse are returned as problems.
    public static func exercises(in course: Course,
                                 spec: (String) -> ExerciseSpec? = ExerciseRegistry.spec)
        -> (exercises: [WorkspaceExercise], problems: [ContentProblem]) {
        var out: [WorkspaceExercise] = []
        var problems = course.problems
        var seen = Set<String>()
        let available = Set(course.availableLessonIDs)
        for (id, result) in course.lessons() {
            switch result {
            case .failure(let problem):
                // A missing lesson file is already one of `course.problems`.
                if available.contains(id) { problems.append(problem) }
            case .success(let lesson):
                for block in lesson.exercises where seen.insert(block.id).inserted {
                    out.append(WorkspaceExercise(id: block.id, starter: course.starterURL(block.id),
                                                 supportTypes: spec(block.gradedAs)?.signature.supportTypes ?? ""))
                }
            }
        }
        return (out, problems)
    }

    /// Creates the workspace at `root`, or completes an existing one.
    ///
    /// Never overwrites a learner file: an exercise file that exists is kept and
    /// listed in `kept`. Generated files (Package.swift, support types, the Tensor
    /// copy, README.md when missing) are written again.
    ///
    /// - Parameters:
    ///   - course: "builtin" or the course folder (relative to `root`, see `relativeCoursePath`), recorded in the marker.
    ///   - tensorSources: the Tensor source folder (`TensorSources.locate`), or nil.
    /// - Throws: `WorkspaceError` when `root` is a non-empty folder that is not a workspace,
    ///   or a file cannot be written.
    public static func initialize(at root: URL, course: String, exercises: [WorkspaceExercise],
                                  tensorSources: URL?) throws(WorkspaceError) -> (Workspace, InitReport) {
        let fm = FileManager.default
        let root = root.standardizedFileURL
        let marker = root.appendingPathComponent(markerFolder).appendingPathComponent(manifestFile)
        let existing = fm.fileExists(atPath: marker.path)
        if !existing, let contents = try? fm.contentsOfDirectory(atPath: root.path),
           !contents.filter({ $0 != ".DS_Store" }).isEmpty {
            throw .folderNotEmpty(path: root.path)
        }
        var report = InitReport(createdWorkspace: !existing)

        try createDirectory(root.appendingPathComponent(markerFolder))
        try createDirectory(root.appendingPathComponent(markerFolder).appendingPathComponent("backups"))
        if !existing {
            let manifest = WorkspaceManifest(course: course)
            let data: Data
            do { data = try WorkspaceManifest.encoder.encode(manifest) } catch {
                throw .io(path: marker.path, reason: "could not encode the marker: \(error)")
            }
            try write(data, to: marker)
        }
        let workspace = try Workspace(root: root)

        // Learner files: copy only what is missing.
        for exercise in exercises {
            let target = workspace.exerciseFile(exercise.id)
            if fm.fileExists(atPath: target.path) { report.kept.append(exercise.id); continue }
            guard let starter = fm.contents(atPath: exercise.starter.path) else {
                report.missingStarters.append("\(exercise.id) (\(exercise.starter.path))")
                continue
            }
            try createDirectory(target.deletingLastPathComponent())
            try write(starter, to: target)
            report.added.append(exercise.id)
        }

        // Generated support types, one file per exercise that has some.
        for exercise in exercises where !exercise.supportTypes.isEmpty {
            let file = workspace.supportFile(exercise.id)
            try createDirectory(file.deletingLastPathComponent())
            try write(Data(WorkspaceFiles.supportFile(exercise).utf8), to: file)
        }

        // The Tensor copy for the editor.
        let tensorDir = root.appendingPathComponent(markerFolder).appendingPathComponent("Tensor")
        if let tensorSources {
            let files = TensorSources.files(in: tensorSources)
            if !files.isEmpty {
                try? fm.removeItem(at: tensorDir)
                try createDirectory(tensorDir)
                for file in files {
                    guard let data = fm.contents(atPath: file.path) else {
                        throw .io(path: file.path, reason: "cannot read this Tensor source")
                    }
                    try write(data, to: tensorDir.appendingPathComponent(file.lastPathComponent))
                }
                report.tensorCopied = true
            }
        }
        if !report.tensorCopied, !TensorSources.files(in: tensorDir).isEmpty { report.tensorCopied = true }

        // Package.swift: a target per exercise file present now.
        let present = exercises.filter { fm.fileExists(atPath: workspace.exerciseFile($0.id).path) }
        let package = WorkspaceFiles.packageManifest(present, hasTensor: report.tensorCopied,
                                                     existingFiles: { folder in
            (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        })
        try write(Data(package.utf8), to: root.appendingPathComponent("Package.swift"))
        let readme = root.appendingPathComponent("README.md")
        if !fm.fileExists(atPath: readme.path) {
            try write(Data(WorkspaceFiles.readme(exampleID: exercises.first?.id).utf8), to: readme)
        }
        let ignore = root.appendingPathComponent(".gitignore")
        if !fm.fileExists(atPath: ignore.path) {
            try write(Data(".build/\n.swiftpm/\n.lectern/progress.sqlite*\n".utf8), to: ignore)
        }
        return (workspace, report)
    }

    /// `Exercises/<lesson>/Support/<name>-types.swift`: the generated support types.
    public func supportFile(_ exerciseID: String) -> URL {
        let parts = exerciseID.split(separator: "/", maxSplits: 1).map(String.init)
        return root.appendingPathComponent(Self.exercisesFolder).appendingPathComponent(parts.first ?? "")
            .appendingPathComponent("Support").appendingPathComponent("\(parts.last ?? "")-types.swift")
    }

    private static func createDirectory(_ url: URL) throws(WorkspaceError) {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .io(path: url.path, reason: "cannot create this folder: \(ContentFile.plain(error))")
        }
    }

    static func write(_ data: Data, to url: URL) throws(WorkspaceError) {
        do { try data.write(to: url, options: .atomic) } catch {
            throw .io(path: url.path, reason: "cannot write this file: \(ContentFile.plain(error))")
        }
    }
}
