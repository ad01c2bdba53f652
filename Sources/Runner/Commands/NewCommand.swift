import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern new lesson ID` / `lectern new exercise LESSON/NAME [--like KIND]`:
/// scaffolds course content (`Scaffold` in Grader does the work).
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a lesson or an exercise in a course (see AUTHORING.md).",
        subcommands: [NewLessonCommand.self, NewExerciseCommand.self])

    /// The course to write into: --course, else the course folder around the current directory.
    static func courseRoot(_ options: CourseOptions) -> URL {
        if let c = options.course { return URL(fileURLWithPath: c).standardizedFileURL }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(Course.descriptionFile).path) { return dir }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        fail("no course.yaml here or above; pass --course DIR (a folder with course.yaml: title, lessons)")
    }

    static func report(_ outcome: Scaffold.Outcome) {
        for path in outcome.created { print("created  \(path)") }
        for path in outcome.changed { print("changed  \(path)") }
        for path in outcome.kept { print("kept     \(path) (it exists)") }
    }
}

struct NewLessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: "Create a lesson folder and list it in course.yaml.")

    @OptionGroup var course: CourseOptions

    @Argument(help: "The lesson id (lowercase letters, digits, '-').")
    var id: String

    @Option(name: .long, help: "The lesson's title (default: from the id).")
    var title: String?

    func run() throws {
        do throws(ScaffoldError) {
            NewCommand.report(try Scaffold.newLesson(id, courseRoot: NewCommand.courseRoot(course), title: title))
        } catch { fail(error.description) }
        print("Next: write the lesson, add exercises with `lectern new exercise \(id)/NAME --like KIND`, then `lectern validate --course DIR`.")
    }
}

struct NewExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Add an exercise block, a starter and a solution to a lesson.",
        discussion: """
            With --like KIND (an id `lectern describe` lists) the exercise is graded as that kind under your own id; \
            its starter and solution start as copies of the built-in course's. Without it, a new kind is needed: \
            the command prints the Lectern source files to write, with a template for each.
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The exercise id: LESSON/NAME.")
    var id: String

    @Option(name: .long, help: "The existing exercise kind it reuses, e.g. sliding-window-max/deque.")
    var like: String?

    func run() throws {
        let root = NewCommand.courseRoot(course)
        let builtIn = try? Course.locateBuiltIn()
        let outcome: Scaffold.Outcome
        do throws(ScaffoldError) {
            outcome = try Scaffold.newExercise(id, like: like, courseRoot: root, builtIn: builtIn)
        } catch { fail(error.description) }
        NewCommand.report(outcome)
        if outcome.newKind.isEmpty {
            print("Next: edit the block's title and hints, adapt the starter, then `lectern validate --course \(root.path)`.")
            return
        }
        print("""

            '\(id)' is a new kind of exercise: the grader needs a reference and a binding in Lectern's sources.
            Write these files (templates below), rebuild, and check the contract with `lectern describe \(id)`:
            """)
        for (path, template) in outcome.newKind {
            print("\n--- \(path)\n\(template)")
        }
    }
}
