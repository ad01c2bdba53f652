import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern reset EXERCISE [--yes]`: the starter back, the current file backed up.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Restore an exercise's starter file; your current file is kept in .lectern/backups/.")

    @OptionGroup var course: CourseOptions

    @Argument(help: "The exercise id, e.g. sliding-window-max/deque.")
    var exercise: String

    @Flag(name: .long, help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let exercise = WorkspaceContext.exerciseID(self.exercise, course: course.course, workspace: WorkspaceContext.current())
        let workspace = WorkspaceContext.required()
        let loaded = WorkspaceContext.loadCourse(course, workspace: workspace)
        _ = WorkspaceContext.exercise(exercise, in: loaded, language: nil)
        let file = workspace.exerciseFile(exercise)
        let relative = "\(Workspace.exercisesFolder)/\(exercise).swift"
        if !yes {
            guard isatty(STDIN_FILENO) != 0 else {
                fail("reset replaces \(relative) with the starter; not on a terminal, so pass --yes to confirm")
            }
            let prompt = "Replace \(relative) with the starter? Your file is kept in .lectern/backups/. [y/N] "
            FileHandle.standardOutput.write(Data(prompt.utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
                print("Nothing changed.")
                return
            }
        }
        let existed = FileManager.default.fileExists(atPath: file.path)
        do throws(WorkspaceError) {
            let backup = try workspace.reset(exercise, starter: loaded.starterURL(exercise))
            if let backup {
                let shown = backup.path.replacingOccurrences(of: workspace.root.path + "/", with: "")
                print("Restored the starter of \(exercise). Your previous file is in \(shown).")
            } else {
                print("Restored the starter of \(exercise) (there was no file to back up).")
            }
            do { try WorkspaceContext.progress(workspace).recordReset(exercise) } catch {
                WorkspaceContext.note("could not clear the exercise's status in the progress store: \(error)")
            }
            if !existed { print("Run `lectern init` once more so your editor sees the new file.") }
        } catch {
            fail(error.description)
        }
    }
}
