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

    @Argument(help: "The lesson id or its number in the course (see `lectern list`).")
    var lesson: String

    @OptionGroup var course: CourseOptions

    @Option(name: .long, help: "Width in columns (default: the terminal's, or 80). At least 20.")
    var width: Int?

    func run() throws {
        if let width, width < 20 { fail("--width must be at least 20, got \(width)") }
        let loaded = WorkspaceContext.loadCourse(course, workspace: WorkspaceContext.current())
        let id: String
        switch loaded.resolveLesson(lesson) {
        case .found(let found): id = found
        case .unknown(let suggestions):
            fail("no lesson '\(lesson)'" + EditDistance.didYouMean(suggestions)
                 + "; lessons: \(loaded.lessonIDs.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: ", "))")
        }
        let parsed: Lesson
        do throws(ContentProblem) {
            parsed = try loaded.lesson(id, language: course.lang).markingUnknownExercises()
        } catch {
            fail(error.description)
        }
        if let note = loaded.fallbackNote(id, language: course.lang) { WorkspaceContext.note(note) }
        for problem in parsed.problems { WorkspaceContext.warn(problem) }
        let columns = width ?? Terminal.columns ?? 80
        let lines = PlainRenderer.render(parsed, width: columns, color: Terminal.stdoutWantsColor)
        print(lines.joined(separator: "\n"))
    }
}
