import Foundation
import Lessons

/// How to start the full-screen app.
public struct AppLaunch {
    public var model: Model
    public var environment: any AppEnvironment
    /// The lesson to open at start (the remembered one) and its scroll line.
    public var openLesson: Int?
    public var scroll: Int?
    /// LECTERN_BENCH_FIRST_FRAME: print the milliseconds to the first full
    /// frame on stderr and exit.
    public var benchFirstFrame = false
    /// When the process started, for the benchmark (default: now).
    public var started = Date()

    public init(model: Model, environment: any AppEnvironment, openLesson: Int? = nil, scroll: Int? = nil) {
        self.model = model; self.environment = environment; self.openLesson = openLesson; self.scroll = scroll
    }
}

/// Runs the app on the terminal until the learner quits. The terminal is
/// restored on every way out: `q`, ^C, SIGTERM, or a crash signal.
/// Returns the exit status (0).
public func runApp(_ launch: AppLaunch) -> Int32 {
    let env = ProcessInfo.processInfo.environment
    installSignalHandlers()
    let screen = Screen(environment: env)
    defer { screen.end(); restoreSignalHandlers() }

    var model = launch.model
    model.layoutFirstScreenFirst = true
    model.colorMode = screen.colorMode
    model.width = screen.width
    model.height = screen.height
    let runtime = AppRuntime(model: model, environment: launch.environment)
    runtime.runEditor = { file in screen.suspended { runEditorProcess(file, environment: env) } }
    runtime.start(openLesson: launch.openLesson, scroll: launch.scroll)
    screen.draw(render(runtime.model))

    if launch.benchFirstFrame {
        let ms = Date().timeIntervalSince(launch.started) * 1000
        screen.end()
        FileHandle.standardError.write(Data(String(format: "first-frame-ms: %.1f\n", ms).utf8))
        return 0
    }

    var lastTick = Date()
    var lastPoll = Date()
    while !runtime.finished {
        if interruptRequested != 0 {
            runtime.send(.key(.interrupt))
            break
        }
        var dirty = false
        switch screen.read() {
        case .key(let key): runtime.send(.key(key)); dirty = true
        case .resize: runtime.send(.resize(width: screen.width, height: screen.height)); dirty = true
        case .none: break
        }
        let now = Date()
        let ms = Int(now.timeIntervalSince(lastTick) * 1000)
        if ms >= 50 {
            lastTick = now
            let animating: Bool
            if case .demo? = runtime.model.overlay { animating = true } else { animating = runtime.model.checking != nil }
            runtime.send(.tick(ms: ms))
            dirty = dirty || animating
        }
        if runtime.drain() { dirty = true }
        if now.timeIntervalSince(lastPoll) >= 0.4 {
            lastPoll = now
            if runtime.pollFiles() { dirty = true }
        }
        if dirty && !runtime.finished { screen.draw(render(runtime.model)) }
        // The screen shows the top of the lesson; now lay out the rest of it
        // (keys typed meanwhile wait in the terminal's input).
        if runtime.finishLayout(), !runtime.finished { screen.draw(render(runtime.model)) }
    }
    return 0
}
