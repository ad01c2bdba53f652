import Foundation
import Testing
@testable import Grader

/// `lectern watch` saved into many times, through the real binary: every save
/// gets exactly one verdict, resident memory stays flat, and no file
/// descriptor or child process is left behind. 50 saves in `make test`,
/// 1000 with `LECTERN_SOAK=1` (`make soak`).
@Suite(.serialized)
struct WatchSoakTests {
    static let exercise = ProgressCrashTests.exercise

    /// How many verdicts of the exercise the watch screen has shown so far.
    static func verdicts(in file: URL) -> Int {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.components(separatedBy: " \(exercise): ").count - 1
    }

    @Test func everySaveGetsOneVerdictAndNothingLeaks() throws {
        let saves = ProcessInfo.processInfo.environment["LECTERN_SOAK"] == "1" ? 1000 : 50
        let ws = try ProgressCrashTests.workspace()
        defer { try? FileManager.default.removeItem(at: ws.deletingLastPathComponent()) }
        let output = ws.deletingLastPathComponent().appendingPathComponent("watch.out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let watch = Process()
        watch.executableURL = ProgressCrashTests.executable
        watch.arguments = ["watch"]
        watch.currentDirectoryURL = ws
        watch.standardOutput = try FileHandle(forWritingTo: output)
        watch.standardError = FileHandle.nullDevice
        watch.standardInput = FileHandle.nullDevice
        try watch.run()
        // SIGKILL: a test runner's threads block SIGTERM, and its children inherit the mask.
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL); watch.waitUntilExit() } }
        let file = ws.appendingPathComponent("Exercises/\(Self.exercise).swift")
        let source = try Data(contentsOf: file)
        Thread.sleep(forTimeInterval: 0.5)   // the watcher is set up
        var samples: [(save: Int, rssKiB: Int, fds: Int)] = []
        for save in 1...saves {
            try source.write(to: file)
            let deadline = Date().addingTimeInterval(60)
            while Self.verdicts(in: output) < save && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            try #require(Self.verdicts(in: output) == save, "save \(save) got no verdict")
            if save == 10 || save % max(saves / 10, 1) == 0 || save == saves {
                // The check ran in a child that is gone by now (reaped, not a zombie).
                let u = ProcessTable.usage(watch.processIdentifier)
                #expect(u.children.isEmpty, "children after save \(save): \(u.children)")
                samples.append((save, u.rssKiB, u.fds))
            }
        }
        // No extra verdict arrives later (each save was checked once).
        Thread.sleep(forTimeInterval: 0.5)
        #expect(Self.verdicts(in: output) == saves)
        let warm = samples.first { $0.save == 10 }!
        let last = samples.last!
        // Flat: descriptors do not grow, memory grows by less than 12 MiB after warm-up.
        #expect(last.fds <= warm.fds, "descriptors \(warm.fds) → \(last.fds)")
        #expect(last.rssKiB - warm.rssKiB < 12 * 1024, "resident memory \(samples.map { "\($0.save): \($0.rssKiB) KiB" })")
        print("watch soak: \(saves) saves, resident KiB " + samples.map { "\($0.save):\($0.rssKiB)" }.joined(separator: " ")
              + ", fds \(warm.fds) → \(last.fds)")
    }
}
