import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern show LESSON [--lang L] [--width N]`: a rendered lesson on stdout.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a lesson, rendered for the terminal.",
        discussion: """
            Colour is used only when stdout is a terminal and NO_COLOR is unset. Problems in \
            the lesson's content are printed to stderr with file and line; the rest is shown.
            """)

    @Argument(help: "The lesson id (see `lectern list`).")
    var lesson: String

    @OptionGroup var course: CourseOptions

    @Option(name: .long, help: "Width in columns (default: the terminal's, or 80). At least 20.")
    var width: Int?

    func run() throws {
        if let width, width < 20 { fail("--width must be at least 20, got \(width)") }
        let loaded = WorkspaceContext.loadCourse(course, workspace: WorkspaceContext.current())
        let parsed: Lesson
        do throws(ContentProblem) {
            parsed = try loaded.lesson(lesson, language: course.lang).markingUnknownExercises()
        } catch {
            fail(error.description)
        }
        for problem in parsed.problems { WorkspaceContext.warn(problem) }
        let columns = width ?? Terminal.columns ?? 80
        let lines = PlainRenderer.render(parsed, width: columns, color: Terminal.stdoutWantsColor)
        print(lines.joined(separator: "\n"))
    }
}
