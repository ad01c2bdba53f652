import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern list [--json]`: the lessons in course order with their exercises and status.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons and their exercises, in course order.")

    @OptionGroup var course: CourseOptions

    @Flag(name: .long, help: "Print JSON: {\"lessons\": [{\"id\", \"title\", \"exercises\": [{\"id\", \"title\", \"points\", \"status\"}]}]}.")
    var json = false

    struct Listing: Encodable {
        var lessons: [LessonEntry]
    }
    struct LessonEntry: Encodable {
        var id: String
        var title: String
        var exercises: [ExerciseEntry]
        /// Why the lesson cannot be read (`file:line: message`); absent when it can.
        var error: String?
    }
    struct ExerciseEntry: Encodable {
        var id: String
        var title: String
        var points: Double
        var status: String
    }

    func run() throws {
        let workspace = WorkspaceContext.current()
        let loaded = WorkspaceContext.loadCourse(course, workspace: workspace)
        let store = workspace.map(WorkspaceContext.progress)
        for problem in loaded.problems { WorkspaceContext.warn(problem) }
        var entries: [LessonEntry] = []
        var unreadable = 0
        for (id, result) in loaded.lessons(language: course.lang) {
            switch result {
            case .failure(let problem):
                // Listed with its error, never dropped: the exit status says the course is not whole.
                // A missing lesson file is already among the course's problems.
                if FileManager.default.fileExists(atPath: problem.file) { WorkspaceContext.warn(problem) }
                unreadable += 1
                entries.append(LessonEntry(id: id, title: id, exercises: [], error: problem.description))
            case .success(let lesson):
                let exercises = lesson.exercises.map {
                    ExerciseEntry(id: $0.id, title: InlineText.plain(LessonParser.inlines($0.title)),
                                  points: $0.points, status: Self.status(of: $0.id, in: store))
                }
                entries.append(LessonEntry(id: lesson.id, title: lesson.title, exercises: exercises))
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Listing(lessons: entries))
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(table(title: loaded.title, entries))
        }
        if unreadable > 0 {
            WorkspaceContext.note("\(unreadable) lesson(s) of the course cannot be read; see the messages above")
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// "passed", "attempted" or "not-started" from the workspace's progress store;
    /// outside a workspace nothing has been started.
    static func status(of exercise: String, in store: ProgressStore?) -> String {
        guard let store else { return ExerciseStatus.notStarted.rawValue }
        do {
            return try store.status(of: exercise).rawValue
        } catch {
            WorkspaceContext.note("cannot read progress of \(exercise): \(error)")
            return "unknown"
        }
    }

    /// A plain text table: one line per lesson, then its exercises indented.
    func table(title: String, _ entries: [LessonEntry]) -> String {
        var lines = [title, ""]
        let idWidth = entries.flatMap { $0.exercises.map { $0.id.count } }.max() ?? 0
        for (n, lesson) in entries.enumerated() {
            lines.append("\(n + 1). \(lesson.title)  [\(lesson.id)]")
            if let error = lesson.error {
                lines.append("     ✗ cannot be read: \(error)")
                continue
            }
            for e in lesson.exercises {
                let points = e.points == e.points.rounded() ? String(Int(e.points)) : String(e.points)
                let id = e.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let pts = (points + " pt" + (e.points == 1 ? "" : "s")).padding(toLength: 7, withPad: " ", startingAt: 0)
                let status = e.status.padding(toLength: 11, withPad: " ", startingAt: 0)
                lines.append("     \(id)  \(pts)  \(status)  \(e.title)")
            }
            if lesson.exercises.isEmpty { lines.append("     (no exercises)") }
        }
        return lines.joined(separator: "\n")
    }
}
