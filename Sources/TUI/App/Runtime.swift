import Foundation
import Grader
import Lessons

/// Runs the app's loop logic without a terminal: sends messages through
/// `update`, performs the effects with an `AppEnvironment`, runs checks on a
/// background queue and feeds their results back, and polls watched files.
/// The ncurses loop and the tests both drive one of these. Only the inbox is
/// touched by other threads (under `lock`); everything else stays on the
/// thread that calls `send`, hence `@unchecked Sendable`.
public final class AppRuntime: @unchecked Sendable {
    public private(set) var model: Model
    let environment: any AppEnvironment
    /// Performs `.openEditor`: given the file, suspends the screen, runs the
    /// editor and returns an error message or nil. Tests replace it.
    public var runEditor: (String) -> String? = { _ in "no editor in this context" }
    /// Set when the app asked to quit.
    public private(set) var finished = false

    private let lock = NSLock()
    private var inbox: [Msg] = []
    private var running = 0
    /// Watched file (resolved path) → exercise id.
    private var watched: [String: String] = [:]
    /// The one file watcher `lectern watch` also uses (inotify, polling
    /// where inotify is missing), on the folder holding the watched files.
    private var watcher: FileWatcher?

    public init(model: Model, environment: any AppEnvironment) {
        self.model = model
        self.environment = environment
    }

    /// The first effects: read statuses and open the remembered (or first) lesson.
    public func start(openLesson index: Int? = nil, scroll: Int? = nil) {
        perform([.loadStatuses])
        if let index { perform(model.open(index, scroll: scroll)) }
    }

    /// Sends one message and performs every effect it causes.
    public func send(_ msg: Msg) {
        perform(update(&model, msg))
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            for msg in run(effect) { send(msg) }
        }
    }

    private func run(_ effect: Effect) -> [Msg] {
        switch effect {
        case .loadLesson(let id, let language):
            do {
                let lesson = try environment.loadLesson(id: id, language: language)
                return [.lessonLoaded(id: id, language: language, lesson, error: nil)]
            } catch {
                return [.lessonLoaded(id: id, language: language, nil, error: "\(error)")]
            }
        case .loadStatuses:
            return [.statusesLoaded(environment.statuses())]
        case .check(let exercise, let points):
            let env = environment
            lock.withLock { running += 1 }
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                let outcome = env.check(exercise: exercise, points: points) { phase in
                    self.post(.checkProgress(exercise: exercise, phase: phase))
                }
                lock.withLock {
                    inbox.append(.checkFinished(exercise: exercise, outcome))
                    running -= 1
                }
            }
            return []
        case .nextHint(let exercise, let given):
            let hints = given.isEmpty ? environment.hints(of: exercise, language: model.language) : given
            let next = environment.nextHint(exercise: exercise, hints: hints)
            return [.hintLoaded(exercise: exercise, index: next?.index, text: next?.text, total: hints.count)]
        case .recordQuiz(let lesson, let index, let answer, let correct):
            environment.recordQuiz(lesson: lesson, index: index, answer: answer, correct: correct)
            return []
        case .savePosition(let lesson, let line, let language):
            environment.savePosition(lesson: lesson, line: line, language: language)
            return []
        case .openEditor(let exercise):
            guard let file = environment.exerciseFile(exercise) else {
                return [.editorClosed(exercise: exercise, error: "no file for \(exercise) in the workspace")]
            }
            let error = runEditor(file)
            return [.editorClosed(exercise: exercise, error: error)]
        case .watch(let exercises):
            watched = [:]
            var folders = Set<String>()
            for id in exercises {
                guard let path = environment.exerciseFile(id) else { continue }
                let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
                watched[url.path] = id
                folders.insert(url.deletingLastPathComponent().path)
            }
            // The lesson's exercises share one folder (Exercises/<lesson>/).
            if let folder = folders.sorted().first,
               watcher?.root.path != URL(fileURLWithPath: folder).resolvingSymlinksInPath().path {
                watcher = FileManager.default.fileExists(atPath: folder)
                    ? FileWatcher(root: URL(fileURLWithPath: folder), preferPolling: preferPolling) : nil
            }
            return []
        case .createWorkspace:
            do { return [.workspaceReady(path: try environment.createWorkspace(), error: nil)] }
            catch { return [.workspaceReady(path: nil, error: "\(error)")] }
        case .stepDemo(let generation, let box, let count):
            lock.withLock { running += 1 }
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                var demo = box.demo
                var taken = 0, finished = false
                while taken < count {
                    if demo.step() { taken += 1 } else { finished = true; break }
                }
                lock.withLock {
                    inbox.append(.demoStepped(generation: generation, DemoBox(demo), taken: taken, finished: finished))
                    running -= 1
                }
            }
            return []
        case .quit:
            finished = true
            return []
        }
    }

    /// Lays out the rest of a lesson shown only in part (`Model.finishLayout`);
    /// true when there was something left.
    public func finishLayout() -> Bool { model.finishLayout() }

    /// Queues a message from another thread; `drain` delivers it.
    func post(_ msg: Msg) { lock.withLock { inbox.append(msg) } }

    /// Delivers messages posted by background work; true when there were any.
    @discardableResult
    public func drain() -> Bool {
        let msgs = lock.withLock { () -> [Msg] in let m = inbox; inbox = []; return m }
        for m in msgs { send(m) }
        return !msgs.isEmpty
    }

    /// True while a background check runs or its messages wait.
    public var busy: Bool { lock.withLock { running > 0 || !inbox.isEmpty } }

    /// Waits for background checks to finish (tests), delivering their messages.
    public func waitUntilIdle(timeout: Double = 30) {
        let end = Date().addingTimeInterval(timeout)
        while busy, Date() < end { drain(); usleep(2000) }
        drain()
    }

    /// Forces the watcher's polling fallback (tests of the fallback).
    public var preferPolling = false

    /// Reads the saves the watcher saw since the last call; each saved file
    /// of a watched exercise re-checks it. Returns true when something changed.
    @discardableResult
    public func pollFiles() -> Bool {
        guard let watcher else { return false }
        var changed: [String] = []
        for url in watcher.changes() {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            if let id = watched[path], !changed.contains(id) { changed.append(id) }
        }
        for id in changed.sorted() { send(.fileChanged(exercise: id)) }
        return !changed.isEmpty
    }
}
