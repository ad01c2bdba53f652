import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern init [DIR]`: a learner workspace with every exercise's starter.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a learner workspace with a starter file for every exercise.",
        discussion: """
            Running it again in an existing workspace adds the starters that are missing \
            and never overwrites a file you edited.
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The workspace folder (created when missing). Default: the workspace you are in, else ./lectern-workspace.")
    var directory: String?

    @Flag(name: .long, help: "Also write .github/workflows/classroom.yml, a GitHub Classroom autograding workflow.")
    var classroom = false

    @Option(name: .long, help: "With --classroom: the git URL the workflow clones Lectern from.")
    var lecternRepository = "https://github.com/lectern-course/lectern"

    func run() throws {
        // Inside a workspace with no folder named: complete that workspace, never nest a new one.
        let enclosing = directory == nil ? WorkspaceContext.current() : nil
        let directory = enclosing?.root.path ?? self.directory ?? "lectern-workspace"
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        // An existing workspace remembers its course; a new one records --course or "builtin".
        let existing = try? Workspace(root: root)
        let loaded = WorkspaceContext.loadCourse(course, workspace: existing)
        let reference = course.course != nil ? Workspace.relativeCoursePath(loaded.root, from: root)
            : (existing?.manifest.course ?? WorkspaceManifest.builtInCourse)
        let (exercises, problems) = Workspace.exercises(in: loaded)
        for problem in problems { WorkspaceContext.warn(problem) }
        let tensor = TensorSources.locate(executable: Course.currentExecutable(), courseRoot: loaded.root)

        let workspace: Workspace
        let report: InitReport
        do throws(WorkspaceError) {
            (workspace, report) = try Workspace.initialize(at: root, course: reference, exercises: exercises,
                                                           tensorSources: tensor)
        } catch {
            fail(error.description)
        }
        let shown = directory.hasPrefix("/") ? workspace.root.path : directory
        if classroom {
            let url = workspace.root.appendingPathComponent(ClassroomWorkflow.path)
            let text = ClassroomWorkflow.text(repository: lecternRepository, exercises: [])
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                fail("cannot write \(url.path): \(error.localizedDescription)", code: ExitStatus.internalError)
            }
            print("Wrote \(ClassroomWorkflow.path): GitHub Classroom grades every push (set the LECTERN_SEED secret).")
        }
        if report.createdWorkspace {
            print("Created the workspace \(shown) with \(report.added.count) exercise file(s) from \"\(loaded.title)\".")
        } else {
            print("Workspace \(shown) is already set up.")
            if !report.added.isEmpty {
                print("Added \(report.added.count) missing starter(s): \(report.added.joined(separator: ", "))")
            }
            print("Kept \(report.kept.count) existing exercise file(s) as they are.")
        }
        for missing in report.missingStarters {
            FileHandle.standardError.write(Data("lectern: no starter for \(missing); skipped\n".utf8))
        }
        if !report.tensorCopied {
            FileHandle.standardError.write(Data(("lectern: the Tensor sources were not found (set LECTERN_TENSOR_SRC), so "
                + "editors will not complete `import Tensor`; `lectern check` is not affected\n").utf8))
        }
        // The grader's toolkit is built now, so the first check is quick.
        if let problem = Checker().prepareToolkit(onBuild: { WorkspaceContext.note(CheckPhase.toolkitMessage) }) {
            WorkspaceContext.note("the grader toolkit could not be prepared (checks will try again): \(problem)")
        }
        if report.createdWorkspace, let first = exercises.first(where: { FileManager.default.fileExists(atPath: workspace.exerciseFile($0.id).path) }) {
            let lectern = Invocation.command(executable: Course.currentExecutable())
            print("""

                Next:
                  cd \(shown)
                  $EDITOR \(Workspace.exercisesFolder)/\(first.id).swift
                  \(lectern) check \(first.id)      (or `\(lectern) watch` to re-check on every save)
                README.md explains the rest.
                """)
            if lectern != "lectern" {
                print("(`lectern` is not on your PATH, so the full path is shown; add \((lectern as NSString).deletingLastPathComponent) to PATH to type just `lectern`.)")
            }
        }
    }
}

// MARK: - shared by the workspace commands (init, hint, progress, reset, watch)

/// Finding the workspace, its course and its progress store, with the
/// messages and exit codes of DESIGN.md.
enum WorkspaceContext {
    /// Prints a content problem to stderr as `file:line: message`.
    static func warn(_ problem: ContentProblem) {
        FileHandle.standardError.write(Data("\(problem.description)\n".utf8))
    }

    /// Prints `lectern: message` to stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("lectern: \(message)\n".utf8))
    }

    /// The workspace around the current directory, or nil; exits 2 when its marker is unreadable.
    static func current() -> Workspace? {
        do throws(WorkspaceError) {
            return try Workspace.locateFromCurrentDirectory()
        } catch {
            fail(error.description)
        }
    }

    /// The workspace around `directory`, or nil; exits 2 when its marker is unreadable.
    static func current(at directory: URL) -> Workspace? {
        do throws(WorkspaceError) {
            return try Workspace.locate(from: directory)
        } catch {
            fail(error.description)
        }
    }

    /// The exercise id a learner typed: a full id, a unique short name
    /// (`deque`) or a path to the exercise file; exits 2 listing candidates
    /// when it is ambiguous and the nearest ids when it is unknown.
    static func exerciseID(_ text: String, course: String?, workspace: Workspace?) -> String {
        exerciseArgument(text, ids: exerciseIDs(course: course, workspace: workspace), workspace: workspace).id
    }

    /// `exerciseID`, with the file the argument named when it was a path.
    static func exerciseArgument(_ text: String, ids: [String], workspace: Workspace?) -> (id: String, file: URL?) {
        if ExerciseRegistry.spec(text) != nil { return (text, nil) }   // a grader id, even outside this course
        let match = ExerciseArgument.resolve(text, ids: ids, workspace: workspace)
        guard case .found(let id, let file) = match else { fail(ExerciseArgument.problem(text, match)!) }
        return (id, file)
    }

    /// The ids a short name or path is matched against: the course's
    /// exercises (read from each lesson's outline, so an instructor's id of
    /// another `kind:` counts), or the grader's when the course cannot be read.
    static func exerciseIDs(course explicit: String?, workspace: Workspace?) -> [String] {
        let builtIn = { () throws -> URL in try Course.locateBuiltIn() }
        guard let root = try? (workspace?.courseRoot(explicit: explicit, builtIn: builtIn)
                               ?? explicit.map { URL(fileURLWithPath: $0) } ?? builtIn()),
              let course = try? Course.load(from: root) else { return ExerciseRegistry.all.map(\.id) }
        return course.lessonIDs.flatMap { course.outline($0).exercises }
    }

    /// The workspace around the current directory; exits 2 with what to do when there is none.
    static func required() -> Workspace {
        guard let ws = current() else {
            fail(WorkspaceError.notInWorkspace(directory: FileManager.default.currentDirectoryPath).description)
        }
        return ws
    }

    /// The course: `--course`, else the one the workspace was made from, else the built-in one.
    static func loadCourse(_ options: CourseOptions, workspace: Workspace?) -> Course {
        let builtIn = { () -> URL in
            do throws(ContentProblem) { return try Course.locateBuiltIn() } catch { fail(error.description) }
        }
        let root = workspace?.courseRoot(explicit: options.course, builtIn: builtIn)
            ?? options.course.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? builtIn()
        do throws(ContentProblem) {
            return try Course.load(from: root)
        } catch {
            if options.course == nil, let workspace, workspace.manifest.course != WorkspaceManifest.builtInCourse {
                fail("this workspace was made from the course \(workspace.manifest.course) (recorded in "
                     + "\(workspace.markerDirectory.path)/\(Workspace.manifestFile)), looked for at \(root.path), "
                     + "but it is not there: pass --course DIR, or move the course back. (\(error.description))")
            }
            fail(error.description)
        }
    }

    /// The workspace's progress store; a notice about a damaged database goes to stderr.
    static func progress(_ workspace: Workspace) -> ProgressStore {
        do throws(ProgressStoreError) {
            let store = try workspace.progress()
            if let notice = store.notice { FileHandle.standardError.write(Data("lectern: \(notice)\n".utf8)) }
            return store
        } catch {
            fail(error.description)
        }
    }

    /// The exercise block with `id`, from the lesson named by the id's first part.
    /// Exits 2 naming the known ids of that lesson when it is not there.
    static func exercise(_ id: String, in course: Course, language: String?) -> (lesson: Lesson, block: ExerciseBlock) {
        let lessonID = ExerciseID.lesson(of: id)
        let lesson: Lesson
        do throws(ContentProblem) {
            lesson = try course.lesson(lessonID, language: language)
        } catch {
            fail("no exercise '\(id)': \(error.message)")
        }
        guard let block = lesson.exercises.first(where: { $0.id == id }) else {
            let known = lesson.exercises.map(\.id)
            fail("no exercise '\(id)' in lesson '\(lessonID)'"
                 + (known.isEmpty ? "" : "; its exercises: \(known.joined(separator: ", "))"))
        }
        return (lesson, block)
    }
}
