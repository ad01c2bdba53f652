import ArgumentParser
import Foundation
import Grader
import Lessons
import TUI

/// Opens the full-screen app on the terminal.
///
/// Workspace: the app uses the workspace around the current directory, else
/// `./lectern-workspace` when it exists (what a bare `lectern init` makes).
/// Without one the course is still fully readable; the first `c`, `h` or `e`
/// offers to create `./lectern-workspace` (starter files copied, nothing
/// overwritten), because checking needs a file to check.
func openApp(course options: CourseOptions) throws {
    let started = benchStart()
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let workspace = WorkspaceContext.current() ?? WorkspaceContext.current(at: cwd.appendingPathComponent("lectern-workspace"))
    let course = WorkspaceContext.loadCourse(options, workspace: workspace)
    let status = AppSession.run(course: course, courseOption: options.course, root: course.root, workspace: workspace,
                                cwd: cwd, language: options.lang, started: started) { notice in
        FileHandle.standardError.write(Data("lectern: \(notice)\n".utf8))
    }
    if status != 0 { throw ExitCode(status) }
}
