import Foundation
import Testing
import Tensor
@testable import Grader

/// The progress store under faults, through the real `lectern` binary:
/// `lectern check` SIGKILLed at random moments (before, during and after it
/// records its attempt) never damages the store or loses an earlier result,
/// and two processes recording at once lose nothing. 20 kills in `make test`,
/// 200 with `LECTERN_SOAK=1` (`make soak`). The seed is fixed.
@Suite(.serialized)
struct ProgressCrashTests {
    static let soak = ProcessInfo.processInfo.environment["LECTERN_SOAK"] == "1"
    static let exercise = "sliding-window-max/naive"

    /// The `lectern` executable of this build (next to the test bundle, else the debug build).
    static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("lectern")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/lectern")
    }()

    static func process(_ arguments: [String], in directory: URL) -> Process {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = directory
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        return p
    }

    /// A fresh workspace of the built-in course, with the starter checked once
    /// (so later checks reuse the compiled program and are quick).
    static func workspace() throws -> URL {
        let parent = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let initialize = process(["init", "ws"], in: parent)
        try initialize.run(); initialize.waitUntilExit()
        let ws = parent.appendingPathComponent("ws")
        let first = process(["check", exercise], in: ws)
        try first.run(); first.waitUntilExit()
        return ws
    }

    /// Every attempt in the store as (id, exercise, verdict), oldest first.
    static func rows(_ ws: URL, of id: String = exercise) throws -> [String] {
        let store = try ProgressStore(path: ws.appendingPathComponent(".lectern/progress.sqlite").path, busyTimeout: 10)
        #expect(store.notice == nil, "the store was set aside: \(store.notice ?? "")")
        return try store.attempts(of: id).map { "\($0.id ?? -1) \($0.exercise) \($0.verdict)" }
    }

    /// Rewrites the exercise file as its starter plus a marker line. An
    /// unchanged re-check is not a new attempt, so a test that counts attempts
    /// alternates two texts (each compiled once, then taken from the cache).
    static func edit(_ ws: URL, _ id: String = exercise, variant: Int) throws {
        let file = ws.appendingPathComponent("Exercises/\(id).swift")
        var text = try String(contentsOf: file, encoding: .utf8)
        if let marker = text.range(of: "\n// variant ") { text = String(text[..<marker.lowerBound]) + "\n" }
        text = text.trimmingCharacters(in: .newlines) + "\n// variant \(variant)\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func sigkillAtRandomMomentsNeverLosesAnEarlierResult() throws {
        let ws = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        var before = try Self.rows(ws)
        try #require(before.count == 1, "the first check recorded \(before)")
        // Both texts the rounds alternate are compiled first, unkilled: otherwise, on a
        // loaded machine, every kill can land inside a compile and none after recording.
        for variant in [1, 0] {
            try Self.edit(ws, variant: variant)
            let warm = Self.process(["check", Self.exercise], in: ws)
            try warm.run(); warm.waitUntilExit()
        }
        // How long one round's check takes here (a changed text, already compiled),
        // so the kills spread over its whole life.
        try Self.edit(ws, variant: 1)
        let t0 = Date()
        let timing = Self.process(["check", Self.exercise], in: ws)
        try timing.run(); timing.waitUntilExit()
        let lifetime = Date().timeIntervalSince(t0)
        before = try Self.rows(ws)
        var rng = SeededRandom(seed: 13)
        var killedAfterRecording = 0
        for round in 0..<(Self.soak ? 200 : 20) {
            try Self.edit(ws, variant: round % 2)
            let p = Self.process(["check", Self.exercise], in: ws)
            try p.run()
            Thread.sleep(forTimeInterval: lifetime * 1.2 * rng.uniform())
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let after = try Self.rows(ws)
            // Every earlier result is intact; at most the one new attempt was added.
            #expect(Array(after.prefix(before.count)) == before)
            #expect(after.count == before.count || after.count == before.count + 1, "\(after.count) after \(before.count)")
            if after.count > before.count { killedAfterRecording += 1 }
            before = after
        }
        // Over 200 kills some land after the attempt was recorded and most before.
        if Self.soak { #expect(killedAfterRecording > 0 && killedAfterRecording < 200, "\(killedAfterRecording)") }
        // The store still takes writes after all that (a text unlike the last one recorded).
        try Self.edit(ws, variant: 2)
        let last = Self.process(["check", Self.exercise], in: ws)
        try last.run(); last.waitUntilExit()
        #expect(try Self.rows(ws).count == before.count + 1)
    }

    @Test func twoProcessesRecordingAtOnceLoseNothing() throws {
        let ws = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        // Two processes, each checking its own exercise with a new text every
        // time, so every check is a new attempt and both write at once.
        let ids = [Self.exercise, "sliding-window-max/deque"]
        let start = try ids.map { try Self.rows(ws, of: $0).count }
        let perProcess = Self.soak ? 50 : 8
        let group = DispatchGroup()
        for id in ids {
            group.enter()
            DispatchQueue.global().async {
                for round in 0..<perProcess {
                    try? Self.edit(ws, id, variant: 3 + round % 2)
                    let p = Self.process(["check", id], in: ws)
                    try? p.run(); p.waitUntilExit()
                }
                group.leave()
            }
        }
        group.wait()
        for (id, count) in zip(ids, start) {
            #expect(try Self.rows(ws, of: id).count == count + perProcess, "\(id)")
        }
    }
}
