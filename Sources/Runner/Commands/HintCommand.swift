import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern hint EXERCISE`: the next hint, remembered in the workspace.
struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "Show the next hint of an exercise (each call shows one more).")

    @OptionGroup var course: CourseOptions

    @Argument(help: "The exercise id, e.g. sliding-window-max/deque.")
    var exercise: String

    func run() throws {
        let exercise = WorkspaceContext.exerciseID(self.exercise, course: course.course, workspace: WorkspaceContext.current())
        let workspace = WorkspaceContext.required()
        let loaded = WorkspaceContext.loadCourse(course, workspace: workspace)
        let (_, block) = WorkspaceContext.exercise(exercise, in: loaded, language: course.lang)
        guard !block.hints.isEmpty else {
            print("\(exercise) has no hints.")
            return
        }
        let store = WorkspaceContext.progress(workspace)
        let next: (index: Int, text: String)?
        do {
            next = try store.nextHint(exercise, hints: block.hints)
        } catch {
            fail("cannot record the hint in \(store.path): \(error)", code: ExitStatus.internalError)
        }
        let total = block.hints.count
        var lines: [String] = []
        if let next {
            lines.append("Hint \(next.index + 1) of \(total) for \(exercise):")
            lines.append(contentsOf: Self.indent(Self.plain(next.text)))
            if next.index > 0 {
                lines.append("")
                lines.append("Earlier hints:")
                for i in 0..<next.index { lines.append(contentsOf: Self.numbered(i + 1, Self.plain(block.hints[i]))) }
            }
            if next.index + 1 == total { lines.append(""); lines.append("That was the last hint.") }
        } else {
            lines.append("No more hints for \(exercise): you have seen all \(total).")
            for (i, hint) in block.hints.enumerated() { lines.append(contentsOf: Self.numbered(i + 1, Self.plain(hint))) }
        }
        print(lines.joined(separator: "\n"))
    }

    /// A hint's Markdown as terminal text (math to Unicode, emphasis dropped).
    static func plain(_ markdown: String) -> String { InlineText.plain(LessonParser.inlines(markdown)) }

    static func indent(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }

    static func numbered(_ n: Int, _ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        return parts.enumerated().map { i, line in (i == 0 ? "  \(n). " : "     ") + line }
    }
}
