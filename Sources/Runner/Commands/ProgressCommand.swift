import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern progress [--json]`: solved exercises and points, per lesson.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show what you solved, per lesson: exercises, points and recent verdicts.")

    @OptionGroup var course: CourseOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let workspace = WorkspaceContext.required()
        let loaded = WorkspaceContext.loadCourse(course, workspace: workspace)
        let store = WorkspaceContext.progress(workspace)
        let known: [String: ExerciseProgress]
        do { known = try store.summary() } catch {
            fail("cannot read \(store.path): \(error)", code: ExitStatus.internalError)
        }
        var lessons: [Lesson] = []
        for (_, result) in loaded.lessons(language: course.lang) {
            switch result {
            case .success(let lesson): lessons.append(lesson)
            case .failure(let problem): WorkspaceContext.warn(problem)
            }
        }
        let answers = Dictionary(lessons.map { ($0.id, (try? store.quizAnswers(lesson: $0.id)) ?? []) }, uniquingKeysWith: { a, _ in a })
        let report = ProgressReport(courseTitle: loaded.title, lessons: lessons, summary: known, quizAnswers: answers)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table(color: Terminal.stdoutWantsColor))
        }
    }
}
