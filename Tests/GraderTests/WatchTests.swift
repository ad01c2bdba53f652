import Foundation
import Testing
@testable import Grader

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
        let dir = try makeTemporaryDirectory()
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
}
