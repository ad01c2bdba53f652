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

/// Waits for saves and keys, hands them to the controller, and draws its state.
struct WatchLoop {
    let controller: WatchController
    let watcher: FileWatcher
    let interactive = isatty(STDIN_FILENO) != 0
    let onTerminal = isatty(STDOUT_FILENO) != 0

    func run() {
        var debouncer = Debouncer(delay: 0.15)
        if onTerminal {
            controller.onPhase = { text in
                FileHandle.standardOutput.write(Data("\r\u{1B}[2K  checking… \(text)".utf8))
            }
        }
        if interactive { RawTerminal.enter() }
        defer { if interactive { RawTerminal.leave() } }
        draw()
        while true {
            let now = { Date().timeIntervalSince1970 }
            var wait = debouncer.nextDeadline(after: now()) ?? 0.5
            if watcher.descriptor == nil { wait = min(wait, watcher.pollInterval) }
            var fds = [pollfd]()
            if interactive { fds.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
            if let fd = watcher.descriptor { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), Int32(wait * 1000))
            if interactive, fds[0].revents & Int16(POLLIN) != 0 {
                var byte: UInt8 = 0
                if read(STDIN_FILENO, &byte, 1) == 1 {
                    switch controller.key(byte) {
                    case .quit: return
                    case .redraw: draw()
                    case .ignore: break
                    }
                }
            }
            for url in watcher.changes() { debouncer.saved(url.path, at: now()) }
            for path in debouncer.ready(at: now()) where controller.saved(URL(fileURLWithPath: path)) {
                draw()
            }
        }
    }

    func draw() {
        let lines = WatchScreen.render(controller.state, width: Terminal.columns ?? 80, color: Terminal.stdoutWantsColor)
        // Raw mode may turn off output post-processing: end lines with \r\n on a terminal.
        let text = lines.joined(separator: onTerminal ? "\r\n" : "\n")
        FileHandle.standardOutput.write(Data(((onTerminal ? "\u{1B}[2J\u{1B}[H" : "\n") + text + (onTerminal ? "\r\n" : "\n")).utf8))
    }
}

/// Key-at-a-time input without echo, restored on exit and on SIGINT/SIGTERM.
enum RawTerminal {
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var active = false

    static func enter() {
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return }
        active = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in
                if RawTerminal.active { tcsetattr(STDIN_FILENO, TCSANOW, &RawTerminal.saved) }
                _exit(128 + s)
            }
        }
    }

    static func leave() {
        if active { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        active = false
    }
}
