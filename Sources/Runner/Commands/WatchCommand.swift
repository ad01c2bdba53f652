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
        var blocks: [(id: String, block: ExerciseBlock)] = []
        for (_, result) in loaded.lessons(language: course.lang) {
            if case .success(let lesson) = result { blocks += lesson.exercises.map { ($0.id, $0) } }
        }
        let session = WatchSession(workspace: workspace, store: store, blocks: blocks, seed: seed,
                                   watcher: FileWatcher(root: workspace.root.appendingPathComponent(Workspace.exercisesFolder),
                                                        preferPolling: poll))
        session.loop()
    }
}

/// The watch loop: waits for saves and keys, checks, redraws.
final class WatchSession {
    let workspace: Workspace
    let store: ProgressStore
    let blocks: [(id: String, block: ExerciseBlock)]
    let seed: UInt64
    let watcher: FileWatcher
    let checker = Checker()
    let interactive = isatty(STDIN_FILENO) != 0
    let onTerminal = isatty(STDOUT_FILENO) != 0
    var state: WatchState
    var debouncer = Debouncer(delay: 0.15)

    init(workspace: Workspace, store: ProgressStore, blocks: [(id: String, block: ExerciseBlock)], seed: UInt64,
         watcher: FileWatcher) {
        self.workspace = workspace; self.store = store; self.blocks = blocks; self.seed = seed; self.watcher = watcher
        state = WatchState(watching: "\(Workspace.exercisesFolder)/", mode: watcher.mode, solved: 0, total: blocks.count)
        refreshCounts()
    }

    func loop() {
        if interactive { RawTerminal.enter() }
        defer { if interactive { RawTerminal.leave() } }
        draw()
        while true {
            let timeout = debouncer.nextDeadline(after: now()) ?? 0.5
            var fds = [pollfd]()
            if interactive { fds.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
            if let fd = watcher.descriptor { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let wait = watcher.descriptor == nil ? min(timeout, watcher.pollInterval) : timeout
            _ = Glibc.poll(&fds, nfds_t(fds.count), Int32(wait * 1000))
            if interactive, fds[0].revents & Int16(POLLIN) != 0 {
                var byte: UInt8 = 0
                if read(STDIN_FILENO, &byte, 1) == 1, !handleKey(byte) { return }
            }
            for url in watcher.changes() { debouncer.saved(url.path, at: now()) }
            for path in debouncer.ready(at: now()) {
                let url = URL(fileURLWithPath: path)
                guard let id = workspace.exerciseID(of: url) else { continue }
                guard blocks.contains(where: { $0.id == id }) else {
                    state.exercise = id
                    state.report = nil
                    state.message = "\(id) is not an exercise of this course."
                    draw()
                    continue
                }
                check(id)
            }
        }
    }

    /// Returns false to quit.
    func handleKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4: return false   // q, Ctrl-C, Ctrl-D
        case UInt8(ascii: "r"):
            if let id = state.exercise { check(id) }
        case UInt8(ascii: "h"):
            guard let id = state.exercise ?? state.next, let block = blocks.first(where: { $0.id == id })?.block else { break }
            if let hint = try? store.nextHint(id, hints: block.hints) {
                state.message = "Hint \(hint.index + 1) of \(block.hints.count): "
                    + InlineText.plain(LessonParser.inlines(hint.text))
            } else {
                state.message = block.hints.isEmpty ? "\(id) has no hints." : "No more hints (`lectern hint \(id)` lists them all)."
            }
            draw()
        case UInt8(ascii: "n"):
            state.exercise = nil
            state.report = nil
            state.message = nil
            draw()
        default: break
        }
        return true
    }

    func check(_ id: String) {
        guard let spec = ExerciseRegistry.spec(id), let block = blocks.first(where: { $0.id == id })?.block else {
            state.exercise = id
            state.report = nil
            state.message = "The grader does not know \(id) yet."
            draw()
            return
        }
        let file = workspace.exerciseFile(id)
        state.exercise = id
        state.file = "\(Workspace.exercisesFolder)/\(id).swift"
        state.message = nil
        state.phase = "compiling"
        draw()
        let live = onTerminal
        let report = checker.check(spec, file: file, points: block.points, seed: seed) { phase in
            guard live else { return }
            let text: String
            switch phase {
            case .compiling: text = "compiling"
            case .running(let done, let total): text = "running \(done)/\(total)"
            case .comparing: text = "comparing"
            }
            FileHandle.standardOutput.write(Data("\r\u{1B}[2K  checking… \(text)".utf8))
        }
        state.phase = nil
        state.report = report
        do { try store.recordAttempt(report, file: file) } catch {
            state.message = "(could not record this attempt in \(store.path): \(error))"
        }
        refreshCounts()
        draw()
    }

    func refreshCounts() {
        let summary = (try? store.summary()) ?? [:]
        state.solved = blocks.filter { summary[$0.id]?.status == .passed }.count
        state.next = blocks.first { summary[$0.id]?.status != .passed }?.id
    }

    func draw() {
        let width = Terminal.columns ?? 80
        let lines = WatchScreen.render(state, width: width, color: Terminal.stdoutWantsColor)
        // Raw mode turns off output post-processing on some terminals: end lines with \r\n.
        let text = lines.joined(separator: onTerminal ? "\r\n" : "\n")
        FileHandle.standardOutput.write(Data(((onTerminal ? "\u{1B}[2J\u{1B}[H" : "\n") + text + (onTerminal ? "\r\n" : "\n")).utf8))
    }

    func now() -> Double { Date().timeIntervalSince1970 }
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
