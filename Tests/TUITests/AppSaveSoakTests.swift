import Foundation
import Testing
import Grader

/// The full-screen app saved into many times (issue 13, the app half of the
/// watch soak): the real `lectern` binary runs in tmux on a workspace with
/// the exercise's lesson open, and the test saves that exercise file again
/// and again, a right solution and a wrong one in turn, in place and by
/// renaming over it as editors do. Every save must be answered by exactly one
/// check with the expected verdict (the app runs with `LECTERN_TRACE`, which
/// writes one `verdict` line per check on stderr), the app's resident memory
/// must stay flat, and no descriptor or child process may be left behind.
/// 30 saves in `make test`, 1000 with `LECTERN_SOAK=1` (`make soak`).
@Suite(.serialized, .enabled(if: installedTmux != nil, "tmux is not installed"))
struct AppSaveSoakTests {
    static let right = """
        // Every window scanned for its maximum.
        func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] {
            (0...(nums.count - k)).map { nums[$0..<($0 + k)].max()! }
        }

        """
    static let wrong = """
        // Starts each maximum at 0: windows of negative numbers come out wrong.
        func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] {
            (0...(nums.count - k)).map { start in nums[start..<(start + k)].reduce(0) { max($0, $1) } }
        }

        """

    /// The verdicts the app's checks wrote to its stderr so far, in order.
    static func verdicts(_ trace: URL) -> [String] {
        let text = (try? String(contentsOf: trace, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            return words.count >= 3 && words[0] == "lectern-trace:" && words[1] == "verdict" ? String(words[2]) : nil
        }
    }

    @Test(.timeLimit(.minutes(30))) func everySaveGetsOneVerdictAndNothingLeaks() throws {
        let saves = ProcessInfo.processInfo.environment["LECTERN_SOAK"] == "1" ? 1000 : 30
        guard let (dir, course, tmux) = try EndToEndTests.scratch() else { return }
        defer { try? FileManager.default.removeItem(at: dir) }
        let ws = dir.appendingPathComponent("ws")
        let initialise = Process()
        initialise.executableURL = EndToEndTests.lectern
        initialise.arguments = ["init", ws.path, "--course", course.path]
        initialise.standardOutput = FileHandle.nullDevice
        initialise.standardError = FileHandle.nullDevice
        try initialise.run()
        initialise.waitUntilExit()
        try #require(initialise.terminationStatus == 0)
        let file = ws.appendingPathComponent("Exercises/sliding-window-max/naive.swift")
        try #require(FileManager.default.fileExists(atPath: file.path))
        let trace = dir.appendingPathComponent("trace")

        let s = EndToEndTests.Session(tmux: tmux)
        let command = "cd '\(ws.path)' && TERM=xterm-256color LECTERN_TRACE=1 '\(EndToEndTests.lectern.path)' "
            + "--course '\(course.path)' 2> '\(trace.path)'; echo $? > '\(dir.path)/exit'; sleep 30"
        s.run(["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command])
        // The lesson opens by itself in a workspace, and its exercise files are watched.
        try #require(s.wait(for: "Paragraph 1 of the lesson"), "lesson not shown:\n\(s.screen())")
        let shell = s.run(["display-message", "-p", "-t", "e2e", "#{pane_pid}"], capture: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        let app = try #require(children.split(separator: " ").compactMap { Int32($0) }.first, "no app process under the pane's shell")

        var samples: [(save: Int, rssKiB: Int, fds: Int)] = []
        for save in 1...saves {
            let expected = save % 2 == 1 ? "wrong_answer" : "passed"
            // In place (one write and close) or renamed over the file (vim, most IDEs), two saves each.
            try (expected == "passed" ? Self.right : Self.wrong)
                .write(to: file, atomically: (save / 2) % 2 == 1, encoding: .utf8)
            // The first two saves compile; later ones reuse the compiled program and its report.
            let deadline = Date().addingTimeInterval(save <= 2 ? 240 : 30)
            while Self.verdicts(trace).count < save && Date() < deadline { usleep(5000) }
            let seen = Self.verdicts(trace)
            try #require(seen.count == save, "save \(save): \(seen.count) checks\n\(s.screen())")
            try #require(seen.last == expected, "save \(save): \(seen.suffix(3))")
            if save == 10 || save % max(saves / 10, 1) == 0 || save == saves {
                let u = ProcessTable.usage(app)
                #expect(u.children.isEmpty, "children after save \(save): \(u.children)")
                samples.append((save, u.rssKiB, u.fds))
            }
        }
        // No late check arrives (the app polls its watcher every 0.4 s), and the
        // screen shows the last save's verdict.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(Self.verdicts(trace).count == saves)
        #expect(s.wait(for: saves % 2 == 0 ? "✓ passed" : "✗ wrong answer"), "\(s.screen())")
        let end = ProcessTable.usage(app)
        #expect(end.children.isEmpty, "\(end.children)")
        let warm = try #require(samples.first { $0.save == 10 })
        // Flat: no more descriptors than after warm-up, memory within 12 MiB of it.
        #expect(end.fds <= warm.fds, "descriptors \(warm.fds) → \(end.fds)")
        #expect(end.rssKiB - warm.rssKiB < 12 * 1024, "resident memory \(samples.map { "\($0.save): \($0.rssKiB) KiB" }) → \(end.rssKiB) KiB")
        print("app save soak: \(saves) saves, resident KiB " + samples.map { "\($0.save):\($0.rssKiB)" }.joined(separator: " ")
              + ", fds \(warm.fds) → \(end.fds)")
        s.keys("Escape")
        s.keys("q")
        #expect(EndToEndTests.exitStatus(dir) == "0")
    }
}
