import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern check EXERCISE [--file F] [--json] [--seed N]`: compile, run and
/// judge one learner file; exits 0 passed, 1 another verdict, 2 bad usage,
/// 3 internal error (DESIGN.md).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check your solution of an exercise.",
        discussion: """
            Compiles the file with a generated harness (swiftc -O, Swift 5 language mode,
            `import Tensor` available), runs it in a sandbox on the exercise's examples, edge
            cases, seeded hidden cases and, where the catalog asks, a timed performance group,
            and prints the verdict. EXERCISE may be the id, a unique short name (deque) or the
            file's path; with no EXERCISE, the workspace's most recently saved exercise file is
            checked. Without --file, checks Exercises/<lesson>/<name>.swift of the workspace
            around the current directory and records the attempt there.
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The exercise: its id (sliding-window-max/deque), short name (deque) or file; default: the last file you saved.")
    var exercise: String?

    @Option(name: .long, help: "The Swift file to check (default: the workspace's file for the exercise).")
    var file: String?

    @Flag(name: .long, help: "Print the verdict as one JSON object.")
    var json = false

    @Option(name: .long, help: "Seed of the hidden random cases.")
    var seed: UInt64 = 42

    func run() throws {
        let workspace = WorkspaceContext.current()
        let (exercise, named) = CheckCommand.argument(self.exercise, options: course, workspace: workspace)
        let graded = CheckCommand.resolve(exercise, options: course, workspace: workspace)
        guard let spec = graded?.spec ?? ExerciseRegistry.spec(exercise) else {
            fail(ReferenceError.unknownExercise(exercise).description)
        }
        let url = CheckCommand.learnerFile(exercise, file: file ?? named?.path, workspace: workspace)
        let quiet = json
        let report = Checker().check(spec, file: url, points: graded?.points ?? 1, seed: seed,
                                     partial: graded?.partial ?? .equalGroups) { phase in
            if phase == .preparingToolkit, !quiet { WorkspaceContext.note(CheckPhase.toolkitMessage) }
        }
        // Only the workspace's own file makes a record: checking a file kept
        // elsewhere (--file) says nothing about the learner's exercise.
        if let workspace, url.standardizedFileURL.resolvingSymlinksInPath() ==
            workspace.exerciseFile(exercise).standardizedFileURL.resolvingSymlinksInPath() {
            let store = WorkspaceContext.progress(workspace)
            do { _ = try store.recordAttempt(report, file: url) } catch {
                WorkspaceContext.note("could not record the attempt in \(store.path): \(error)")
            }
        }
        if json {
            print(report.jsonValue.compactText)
        } else {
            print(report.humanText(color: CheckCommand.useColor()))
        }
        if report.verdict == .internalError, !json {
            FileHandle.standardError.write(Data("lectern: internal error: \(report.summary)\n".utf8))
        }
        if report.verdict.exitCode != 0 { throw ExitCode(report.verdict.exitCode) }
    }

    /// The exercise id a learner typed (id, short name, path), or the most
    /// recently saved exercise file of the workspace; the second value is the
    /// file the argument named when it is not the workspace's. Exits 2 with
    /// candidates or suggestions when the argument names no single exercise.
    static func argument(_ text: String?, options: CourseOptions, workspace: Workspace?) -> (id: String, file: URL?) {
        let ids = WorkspaceContext.exerciseIDs(course: options.course, workspace: workspace)
        guard let text else {
            guard let workspace else {
                fail("name the exercise to check (e.g. `lectern check sliding-window-max/deque`), or run this inside a workspace (`lectern init`) to check the file you saved last")
            }
            guard let id = ExerciseArgument.mostRecentlySaved(in: workspace, ids: ids) else {
                fail("no exercise files in \(workspace.root.path)/\(Workspace.exercisesFolder); run `lectern init` to restore the starters")
            }
            WorkspaceContext.note("checking \(id), the exercise file you saved last")
            return (id, nil)
        }
        return WorkspaceContext.exerciseArgument(text, ids: ids, workspace: workspace)
    }

    /// `--file`, else the workspace's file; exits 2 with what to do when neither exists.
    static func learnerFile(_ exercise: String, file: String?, workspace: Workspace?) -> URL {
        let url: URL
        if let file {
            url = URL(fileURLWithPath: file)
        } else if let workspace {
            url = workspace.exerciseFile(exercise)
        } else {
            fail("not inside a Lectern workspace: pass --file FILE, or run `lectern init` and work in its Exercises folder")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            fail("no file \(url.path)" + (file == nil ? " (run `lectern init` again to restore missing starters)" : ""))
        }
        return url
    }

    /// The exercise as its course defines it (points, partial credit, `kind:`),
    /// or nil when the course cannot tell (then the registry id is checked for 1 point).
    static func resolve(_ exercise: String, options: CourseOptions, workspace: Workspace?) -> GradedExercise? {
        let builtIn = { () throws -> URL in try Course.locateBuiltIn() }
        guard let root = try? (workspace?.courseRoot(explicit: options.course, builtIn: builtIn)
                               ?? options.course.map { URL(fileURLWithPath: $0) } ?? builtIn()),
              let course = try? Course.load(from: root) else { return nil }
        return try? GradingPlan.exercises(in: course, only: [exercise]).first
    }

    /// Colour on a terminal, never with NO_COLOR set.
    static func useColor() -> Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
