import Foundation
import Testing

/// tmux's path, or nil when it is not installed.
let installedTmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Drives the real `lectern` binary inside tmux: the outline appears, a
/// lesson opens, search and resize work, and `q` and ^C leave with status 0
/// and the terminal restored. Reported as skipped, with the reason, when tmux
/// is missing (`.ci/run` installs it).
@Suite(.serialized, .enabled(if: installedTmux != nil, "tmux is not installed"))
struct EndToEndTests {
    static let tmux = installedTmux

    /// The `lectern` executable next to the test bundle (`.build/<config>/`).
    static let lectern: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("lectern")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/lectern")
    }()

    /// A one-lesson course with an English and a Chinese version.
    static func makeCourse(in dir: URL) throws -> URL {
        let course = dir.appendingPathComponent("course")
        let lesson = course.appendingPathComponent("sliding-window-max")
        try FileManager.default.createDirectory(at: lesson.appendingPathComponent("starters"), withIntermediateDirectories: true)
        try "// TODO\nfunc maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] { [] }\n"
            .write(to: lesson.appendingPathComponent("starters/naive.swift"), atomically: true, encoding: .utf8)
        try "title: Test course\nlessons:\n  - sliding-window-max\n".write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        var body = "---\nid: sliding-window-max\ntitle: First steps\nsummary: A lesson for the end-to-end test.\n---\n# First steps\n\n"
        for i in 1...30 { body += "Paragraph \(i) of the lesson, long enough to wrap around once it meets the pane edge.\n\n" }
        body += "The word zebra appears only here.\n\n```exercise sliding-window-max/naive\ntitle: Scan every window\npoints: 1\n"
            + "hints:\n  - Look at each window.\n  - Take its maximum.\n```\n\n```quiz\nquestion: Which is right?\nchoices: [this one, not this]\nanswer: this one\n```\n"
        try body.write(to: lesson.appendingPathComponent("lesson.md"), atomically: true, encoding: .utf8)
        try "---\nid: sliding-window-max\ntitle: 第一步\nsummary: 测试\n---\n# 第一步\n\n这是一段中文，用来检查宽字符的对齐。\n"
            .write(to: lesson.appendingPathComponent("lesson.zh.md"), atomically: true, encoding: .utf8)
        return course
    }

    final class Session {
        let tmux: String
        let socket = "lectern-e2e-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))"
        init(tmux: String) { self.tmux = tmux }

        /// Runs a tmux command with posix_spawn and waits for it; `capture`
        /// sends its output to a file and returns it. (No pipes: the server
        /// that `new-session` forks would keep one open.)
        @discardableResult
        func run(_ args: [String], capture: Bool = false) -> String {
            let out = capture ? FileManager.default.temporaryDirectory
                .appendingPathComponent("lectern-e2e-capture-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))").path : "/dev/null"
            defer { if capture { unlink(out) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = [tmux, "-L", socket, "-f", "/dev/null"] + args
            var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
            cargs.append(nil)
            defer { for p in cargs { free(p) } }
            // Test runners call this from threads that block signals; a blocked
            // mask would be inherited by the tmux server and the app (no SIGWINCH,
            // no SIGINT), so start tmux with an empty mask and default handlers.
            var attr = posix_spawnattr_t()
            posix_spawnattr_init(&attr)
            defer { posix_spawnattr_destroy(&attr) }
            var empty = sigset_t(), all = sigset_t()
            sigemptyset(&empty); sigfillset(&all)
            posix_spawnattr_setsigmask(&attr, &empty)
            posix_spawnattr_setsigdefault(&attr, &all)
            posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid: pid_t = 0
            guard posix_spawn(&pid, tmux, &actions, &attr, cargs, environ) == 0 else { return "" }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return capture ? ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") : ""
        }
        func screen() -> String { run(["capture-pane", "-p", "-t", "e2e"], capture: true) }
        func keys(_ k: String...) { run(["send-keys", "-t", "e2e"] + k) }
        /// Waits until the screen contains `text` (or `timeout` seconds pass).
        @discardableResult
        func wait(for text: String, timeout: Double = 10) -> Bool {
            let end = Date().addingTimeInterval(timeout)
            while Date() < end {
                if screen().contains(text) { return true }
                usleep(50_000)
            }
            return false
        }
        deinit { run(["kill-server"]) }
    }

    func launch(_ dir: URL, course: URL, tmux: String, environment: String = "TERM=xterm-256color") -> Session {
        let s = Session(tmux: tmux)
        let command = "cd '\(dir.path)' && \(environment) '\(Self.lectern.path)' --course '\(course.path)'; "
            + "echo $? > '\(dir.path)/exit'; stty -a > '\(dir.path)/stty'; echo SHELL-BACK; sleep 30"
        s.run(["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", command])
        return s
    }

    /// A scratch folder holding a one-lesson course, and tmux's path (the
    /// suite only runs when tmux exists).
    static func scratch() throws -> (dir: URL, course: URL, tmux: String)? {
        let tmux = try #require(Self.tmux, "tmux is not installed")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-e2e-\(UUID().uuidString)")
        return (dir, try makeCourse(in: dir), tmux)
    }

    /// The app's exit status, as the pane's shell wrote it.
    static func exitStatus(_ dir: URL) -> String? {
        file(dir.appendingPathComponent("exit"))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func file(_ url: URL, timeout: Double = 10) -> String? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let s = try? String(contentsOf: url, encoding: .utf8), !s.isEmpty { return s }
            usleep(50_000)
        }
        return nil
    }

    @Test func readSearchResizeAndQuit() throws {
        guard let (dir, course, tmux) = try Self.scratch() else { return }
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = launch(dir, course: course, tmux: tmux)

        let start = Date()
        #expect(s.wait(for: "1. First steps"), "outline not shown:\n\(s.screen())")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(s.screen().contains("Test course"))
        s.keys("Enter")
        #expect(s.wait(for: "Paragraph 1 of the lesson"), "lesson not opened:\n\(s.screen())")
        s.keys("PageDown")
        #expect(s.wait(for: "Paragraph 9"), "no scroll:\n\(s.screen())")
        s.keys("/", "zebra", "Enter")
        #expect(s.wait(for: "The word zebra appears"), "search did not scroll:\n\(s.screen())")
        s.keys("L")
        #expect(s.wait(for: "这是一段中文"), "no Chinese lesson:\n\(s.screen())")
        // Every row ends on the border: no wide character pushed it out.
        let rows = s.screen().split(separator: "\n").map(String.init)
        #expect(rows.dropFirst(2).prefix(20).allSatisfy { $0.hasSuffix("│") || $0.hasSuffix("┃") }, "\(rows.joined(separator: "\n"))")
        s.run(["resize-window", "-t", "e2e", "-x", "20", "-y", "8"])
        #expect(s.wait(for: "第一步"), "not redrawn at 20×8:\n\(s.screen())")
        s.run(["resize-window", "-t", "e2e", "-x", "15", "-y", "6"])
        #expect(s.wait(for: "enlarge"), "no 'enlarge the window':\n\(s.screen())")
        s.run(["resize-window", "-t", "e2e", "-x", "100", "-y", "30"])
        // In Chinese the outline shows the title of lesson.zh.md's front matter, and the help is Chinese.
        #expect(s.wait(for: "1. 第一步"), "not redrawn at 100×30:\n\(s.screen())")
        s.keys("?")
        #expect(s.wait(for: "在有译文时切换语言"))
        s.keys("Escape")
        s.keys("q")
        #expect(Self.exitStatus(dir) == "0")
        #expect(s.wait(for: "SHELL-BACK"))
        let stty = Self.file(dir.appendingPathComponent("stty")) ?? ""
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "terminal not restored: \(stty)")
    }

    @Test func controlCRestoresTheTerminal() throws {
        guard let (dir, course, tmux) = try Self.scratch() else { return }
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = launch(dir, course: course, tmux: tmux)
        #expect(s.wait(for: "1. First steps"))
        s.keys("C-c")
        #expect(Self.exitStatus(dir) == "0")
        let stty = Self.file(dir.appendingPathComponent("stty")) ?? ""
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "terminal not restored: \(stty)")
    }

    @Test func screenTermWithoutColourStillDraws() throws {
        guard let (dir, course, tmux) = try Self.scratch() else { return }
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = launch(dir, course: course, tmux: tmux, environment: "TERM=screen NO_COLOR=1")
        #expect(s.wait(for: "1. First steps"), "outline not shown:\n\(s.screen())")
        s.keys("Enter")
        #expect(s.wait(for: "Paragraph 1 of the lesson"))
        s.keys("q")
        #expect(Self.exitStatus(dir) == "0")
    }

    /// The whole loop of the issue: open the lesson, create a workspace, edit
    /// the exercise in $EDITOR (a script that saves a right solution), and see
    /// it pass after the save, without leaving the app.
    @Test func editSaveAndPass() throws {
        guard let (dir, course, tmux) = try Self.scratch() else { return }
        defer { try? FileManager.default.removeItem(at: dir) }
        let solution = dir.appendingPathComponent("solution.swift")
        try """
        func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] {
            (0...(nums.count - k)).map { nums[$0..<($0 + k)].max()! }
        }
        """.write(to: solution, atomically: true, encoding: .utf8)
        let editor = dir.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nsleep 0.5\ncp '\(solution.path)' \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)
        let s = launch(dir, course: course, tmux: tmux, environment: "TERM=xterm-256color EDITOR='\(editor.path)' VISUAL=")
        #expect(s.wait(for: "1. First steps"))
        s.keys("Enter")
        #expect(s.wait(for: "Paragraph 1 of the lesson"))
        s.keys("e")
        #expect(s.wait(for: "Create it at"), "no workspace offer:\n\(s.screen())")
        s.keys("y")
        #expect(s.wait(for: "workspace created"), "workspace not created:\n\(s.screen())")
        let file = dir.appendingPathComponent("lectern-workspace/Exercises/sliding-window-max/naive.swift")
        #expect(FileManager.default.fileExists(atPath: file.path))
        s.keys("e")
        // The editor saves a right solution; the watcher re-checks it.
        #expect(s.wait(for: "✓ passed", timeout: 240), "no passing verdict:\n\(s.screen())")
        s.keys("Escape", "q")
        #expect(Self.exitStatus(dir) == "0")
    }

    @Test func crashSignalRestoresTheTerminal() throws {
        guard let (dir, course, tmux) = try Self.scratch() else { return }
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = launch(dir, course: course, tmux: tmux)
        #expect(s.wait(for: "1. First steps"))
        // The pane's shell runs lectern as its child.
        let shell = s.run(["display-message", "-p", "-t", "e2e", "#{pane_pid}"], capture: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").compactMap({ Int32($0) }).first else {
            print("SKIPPED crashSignalRestoresTheTerminal: cannot find the app's pid (no /proc?)"); return
        }
        kill(pid, SIGSEGV)
        let status = Self.exitStatus(dir)
        #expect(status == "139", "exit status \(status ?? "none"): the crash must still be reported")
        let stty = Self.file(dir.appendingPathComponent("stty")) ?? ""
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "terminal not restored: \(stty)")
    }
}
