import Foundation
import Testing
@testable import Grader
import Lessons

@Suite("Watch")
struct WatchTests {
    /// Waits up to `seconds` for the watcher to report something.
    func collect(_ watcher: FileWatcher, seconds: Double = 3) -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var seen: [String] = []
        while Date() < deadline {
            seen += watcher.wait(timeout: 0.1).map { $0.resolvingSymlinksInPath().lastPathComponent }
            if !seen.isEmpty {
                // Gather whatever else arrives right after.
                seen += watcher.wait(timeout: 0.2).map { $0.resolvingSymlinksInPath().lastPathComponent }
                break
            }
        }
        return seen
    }

    func exercisesFolder() throws -> URL {
        let dir = try makeWorkspaceTestDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lesson"), withIntermediateDirectories: true)
        try "func a() {}\n".write(to: dir.appendingPathComponent("lesson/a.swift"), atomically: false, encoding: .utf8)
        return dir
    }

    @Test(arguments: [false, true]) func savesInPlaceAndByRenameAreSeen(polling: Bool) throws {
        let dir = try exercisesFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let watcher = FileWatcher(root: dir, preferPolling: polling)
        #expect(watcher.mode == (polling ? .polling : .inotify))
        #expect(watcher.wait(timeout: 0.05).isEmpty)
        if polling { Thread.sleep(forTimeInterval: 0.02) }

        // Saved in place.
        let handle = try FileHandle(forWritingTo: dir.appendingPathComponent("lesson/a.swift"))
        handle.seekToEndOfFile()
        handle.write(Data("// more\n".utf8))
        try handle.close()
        #expect(collect(watcher) == ["a.swift"])

        // Saved by writing a temporary file and renaming it over the original (as vim does).
        let temp = dir.appendingPathComponent("lesson/.a.swift.tmp")
        try "func a() { }\n// edited\n".write(to: temp, atomically: false, encoding: .utf8)
        _ = rename(temp.path, dir.appendingPathComponent("lesson/a.swift").path)
        #expect(collect(watcher) == ["a.swift"])

        // A file in a folder created after the watch started; non-Swift files are ignored.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("later"), withIntermediateDirectories: true)
        if !polling { _ = watcher.wait(timeout: 0.2) }   // let the watcher see the new folder
        try "notes".write(to: dir.appendingPathComponent("later/notes.txt"), atomically: false, encoding: .utf8)
        try "func b() {}\n".write(to: dir.appendingPathComponent("later/b.swift"), atomically: false, encoding: .utf8)
        #expect(collect(watcher) == ["b.swift"])
        #expect(watcher.wait(timeout: 0.3).isEmpty)
    }

    @Test func debouncerWaitsForQuiet() {
        var d = Debouncer(delay: 0.15)
        #expect(d.isEmpty && d.nextDeadline(after: 0) == nil)
        d.saved("/a", at: 10.00)
        d.saved("/a", at: 10.05)   // a second write of the same save
        d.saved("/b", at: 10.02)
        #expect(d.ready(at: 10.10) == [])
        #expect(abs((d.nextDeadline(after: 10.10) ?? -1) - 0.07) < 1e-9)
        #expect(d.ready(at: 10.18) == ["/b"])
        #expect(d.ready(at: 10.19) == [])
        #expect(d.ready(at: 10.21) == ["/a"])
        #expect(d.isEmpty)
        // Many rapid saves give one check.
        for i in 0..<20 { d.saved("/c", at: 20 + Double(i) * 0.01) }
        #expect(d.ready(at: 20.25) == [])
        #expect(d.ready(at: 20.40) == ["/c"])
    }

    @Test func screenShowsExerciseVerdictProgressAndKeys() {
        var state = WatchState(watching: "Exercises/", mode: .inotify, solved: 3, total: 14, next: "a/one")
        let idle = WatchScreen.render(state, width: 60, color: false)
        #expect(idle.contains("Next to solve: a/one  (Exercises/a/one.swift)"))
        #expect(idle.contains { $0.hasPrefix("Progress: [") && $0.hasSuffix("] 3/14 exercises") })
        #expect(idle.suffix(2) == ["Watching Exercises/ (inotify)", "q quit · r re-check · h hint · n next"])
        #expect(idle.allSatisfy { $0.count <= 60 })

        state.exercise = "a/one"
        state.file = "Exercises/a/one.swift"
        state.phase = "compiling"
        #expect(WatchScreen.render(state, width: 60, color: false).contains("  checking… compiling"))

        state.phase = nil
        state.report = CheckReport(exercise: "a/one", verdict: .wrongAnswer, maxScore: 3,
                                   cases: CaseCount(passed: 12, total: 40), seed: 42, durationMs: 640,
                                   summary: "wrong answer on case 13 (hidden)")
        state.message = "Hint 1 of 2: keep indices."
        let shown = WatchScreen.render(state, width: 60, color: false)
        #expect(shown[1] == "a/one  ·  Exercises/a/one.swift")
        #expect(shown.contains { $0.contains("wrong answer on case 13 (hidden)") })
        #expect(shown.contains("Hint 1 of 2: keep indices."))
        // The bar fills in proportion: 3/14 of the bar width.
        let bar = shown.first { $0.hasPrefix("Progress:") }!
        let hashes = bar.filter { $0 == "#" }.count, dashes = bar.filter { $0 == "-" }.count
        #expect(hashes == Int((3.0 / 14.0 * Double(hashes + dashes)).rounded(.down)))
    }

    /// Saves and keys drive checks, recorded attempts, hints and the screen state.
    @Test func controllerChecksRecordsAndGivesHints() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocks = [ExerciseBlock(id: "l/a", title: "A", points: 2, hints: ["first", "second $x_t$"], line: 1),
                      ExerciseBlock(id: "l/b", title: "B", points: 1, hints: [], line: 9),
                      ExerciseBlock(id: "l/unknown", title: "U", points: 1, hints: [], line: 12)]
        var exercises: [WorkspaceExercise] = []
        for block in blocks {
            let starter = try dir.appendingPathComponent("starters/\(block.id).swift").creatingParent()
            try "// TODO\n".write(to: starter, atomically: true, encoding: .utf8)
            exercises.append(WorkspaceExercise(id: block.id, starter: starter, supportTypes: ""))
        }
        let (ws, _) = try Workspace.initialize(at: dir.appendingPathComponent("ws"), course: "builtin",
                                               exercises: exercises, tensorSources: nil)
        let store = try ws.progress()
        let checked = Counter()
        let controller = WatchController(workspace: ws, store: store, blocks: blocks, mode: .polling,
                                         spec: { id in
            id == "l/unknown" ? nil : ExerciseSpec(id: id, signature: Signature(function: "f", parameters: [], returns: "Int"),
                                                   reference: { _ in .int(0) }, check: { _ in nil }, generate: { _ in [] })
        }, check: { spec, file, points, onPhase in
            checked.add(spec.id)
            onPhase(.compiling)
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            let passed = text.contains("// PASSES")
            return CheckReport(exercise: spec.id, verdict: passed ? .passed : .wrongAnswer, score: passed ? points : 0,
                               maxScore: points, seed: 42, summary: passed ? "passed" : "wrong answer on case 0 (example)")
        })
        let phases = Counter()
        controller.onPhase = { phases.add($0) }
        #expect(controller.state.solved == 0 && controller.state.total == 3 && controller.state.next == "l/a")

        // A save outside Exercises/<lesson>/<name>.swift is not a check.
        #expect(!controller.saved(ws.root.appendingPathComponent("README.md")))
        #expect(controller.saved(ws.exerciseFile("l/a")))
        #expect(controller.state.report?.verdict == .wrongAnswer)
        #expect(controller.state.file == "Exercises/l/a.swift")
        #expect(try store.status(of: "l/a") == .attempted)
        #expect(phases.items == ["compiling"])

        // h shows the hints in order, then says there are no more.
        #expect(controller.key(UInt8(ascii: "h")) == .redraw)
        #expect(controller.state.message == "Hint 1 of 2 for l/a: first")
        _ = controller.key(UInt8(ascii: "h"))
        #expect(controller.state.message == "Hint 2 of 2 for l/a: second xₜ")
        _ = controller.key(UInt8(ascii: "h"))
        #expect(controller.state.message?.hasPrefix("No more hints for l/a") == true)

        // The learner fixes the file; r re-checks it; the progress count moves on.
        try "// PASSES\n".write(to: ws.exerciseFile("l/a"), atomically: true, encoding: .utf8)
        #expect(controller.key(UInt8(ascii: "r")) == .redraw)
        #expect(controller.state.report?.verdict == .passed)
        #expect(controller.state.solved == 1 && controller.state.next == "l/b")
        #expect(try store.attempts(of: "l/a").map(\.verdict) == ["wrong_answer", "passed"])
        #expect(try store.attempts(of: "l/a").last?.fileHash == ProgressStore.fileHash(ws.exerciseFile("l/a")))

        // An exercise the grader does not know is said so, not checked.
        #expect(controller.saved(ws.exerciseFile("l/unknown")))
        #expect(controller.state.message == "The grader does not know l/unknown yet.")
        #expect(checked.items == ["l/a", "l/a"])

        #expect(controller.key(UInt8(ascii: "n")) == .redraw)
        #expect(controller.state.exercise == nil)
        #expect(controller.key(UInt8(ascii: "x")) == .ignore)
        #expect(controller.key(UInt8(ascii: "q")) == .quit)
    }
}

/// A thread-safe list, for closures the code under test calls.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
