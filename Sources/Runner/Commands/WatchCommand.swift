import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern watch [--poll]`: re-checks each exercise file when it is saved.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-check every exercise file of the workspace when you save it (q quits).",
        discussion: "Uses inotify on Linux; --poll looks for changes every 0.3 s instead (network drives, containers).")

    @OptionGroup var course: CourseOptions

    @Flag(name: .long, help: "Poll for changes instead of using inotify.")
    var poll = false

    @Option(name: .long, help: "Seed of the random cases.")
    var seed: UInt64 = 42

    func run() throws {
        let workspace = WorkspaceContext.required()
        let loaded = WorkspaceContext.loadCourse(course, workspace: workspace)
        let store = WorkspaceContext.progress(workspace)
        var blocks: [ExerciseBlock] = []
        for (_, result) in loaded.lessons(language: course.lang) {
            if case .success(let lesson) = result { blocks += lesson.exercises }
        }
        let folder = workspace.root.appendingPathComponent(Workspace.exercisesFolder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            fail("\(folder.path) is missing; run `lectern init` in \(workspace.root.path) to restore the starters")
        }
        let watcher = FileWatcher(root: folder, preferPolling: poll)
        let checker = Checker()
        let seed = self.seed
        let controller = WatchController(workspace: workspace, store: store, blocks: blocks, mode: watcher.mode,
                                         check: { spec, file, points, onPhase in
            checker.check(spec, file: file, points: points, seed: seed, onPhase: onPhase)
        })
        WatchLoop(controller: controller, watcher: watcher).run()
    }
}
