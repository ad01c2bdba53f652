import Foundation
import Testing
@testable import Grader

@Suite("Progress store")
struct ProgressStoreTests {
    @Test func attemptsRoundTripAndStatus() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ProgressStore(path: dir.appendingPathComponent("p.sqlite").path)
        #expect(store.notice == nil)
        #expect(try store.status(of: "a/x") == .notStarted)
        // The tool's own failure does not count as the learner's attempt.
        try store.recordAttempt(AttemptRecord(exercise: "a/x", verdict: "internal_error", score: 0, maxScore: 3,
                                              durationMs: 1, fileHash: ""))
        #expect(try store.status(of: "a/x") == .notStarted)
        #expect(try store.summary()["a/x"]?.status == .notStarted)

        let first = try store.recordAttempt(AttemptRecord(exercise: "a/x", verdict: "wrong_answer", score: 0,
                                                          maxScore: 3, durationMs: 120, fileHash: "abc"))
        #expect(first.id != nil)
        #expect(try store.status(of: "a/x") == .attempted)
        try store.recordAttempt(AttemptRecord(exercise: "a/x", verdict: "passed", score: 3, maxScore: 3,
                                              durationMs: 90, fileHash: "def"))
        try store.recordAttempt(AttemptRecord(exercise: "a/x", verdict: "compile_error", score: 0, maxScore: 3,
                                              durationMs: 50, fileHash: "ghi"))
        // A later failure does not undo a pass.
        #expect(try store.status(of: "a/x") == .passed)
        #expect(try store.status(of: "a/y") == .notStarted)

        let all = try store.attempts(of: "a/x")
        #expect(all.map(\.verdict) == ["internal_error", "wrong_answer", "passed", "compile_error"])
        #expect(all.map(\.fileHash) == ["", "abc", "def", "ghi"])
        #expect(all[2].durationMs == 90 && all[2].score == 3 && all[2].maxScore == 3)

        let summary = try store.summary()
        let x = try #require(summary["a/x"])
        #expect(x.attempts == 4 && x.bestScore == 3 && x.status == .passed)
        #expect(x.lastVerdicts == ["compile_error", "passed", "wrong_answer", "internal_error"])
        #expect(summary["a/y"] == nil)
    }

    @Test func lastAttemptIsTheNewestOfItsExercise() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ProgressStore(path: dir.appendingPathComponent("p.sqlite").path)
        #expect(try store.lastAttempt(of: "a/x") == nil)
        for (exercise, hash) in [("a/x", "one"), ("a/y", "other"), ("a/x", "two"), ("a/y", "later")] {
            try store.recordAttempt(AttemptRecord(exercise: exercise, verdict: "wrong_answer", score: 0, maxScore: 1,
                                                  durationMs: 1, fileHash: hash))
        }
        #expect(try store.lastAttempt(of: "a/x")?.fileHash == "two")
        #expect(try store.lastAttempt(of: "a/y")?.fileHash == "later")
        // Saving the same file with the same verdict again is not a new attempt; going back to an earlier one is.
        let file = dir.appendingPathComponent("x.swift")
        let report = CheckReport(exercise: "a/z", verdict: .wrongAnswer, maxScore: 1, seed: 1, summary: "")
        for text in ["first", "first", "second", "first"] {
            try text.write(to: file, atomically: true, encoding: .utf8)
            try store.recordAttempt(report, file: file)
        }
        #expect(try store.attempts(of: "a/z").count == 3)
        #expect(try store.lastAttempt(of: "a/z")?.fileHash == ProgressStore.fileHash(file))
    }

    @Test func reopeningKeepsEverything() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.sqlite").path
        do {
            let store = try ProgressStore(path: path)
            try store.recordAttempt(AttemptRecord(exercise: "a/x", verdict: "passed", score: 1, maxScore: 1,
                                                  durationMs: 1, fileHash: ""))
            _ = try store.nextHint("a/x", hints: ["h1", "h2"])
            try store.recordQuiz(QuizAnswer(lesson: "a", index: 0, answer: "once", correct: true))
            try store.recordQuiz(QuizAnswer(lesson: "a", index: 0, answer: "twice", correct: false))
            try store.recordQuiz(QuizAnswer(lesson: "a", index: 2, answer: "n", correct: true))
            try store.savePosition(ReadingPosition(lesson: "a", line: 40, language: "en",
                                                   time: Date(timeIntervalSince1970: 1000)))
            try store.savePosition(ReadingPosition(lesson: "b", line: 7, language: "zh",
                                                   time: Date(timeIntervalSince1970: 2000)))
        }
        let store = try ProgressStore(path: path)
        #expect(try store.status(of: "a/x") == .passed)
        #expect(try store.hintsShown("a/x") == 1)
        let quiz = try store.quizAnswers(lesson: "a")
        #expect(quiz.map(\.index) == [0, 2])
        #expect(quiz[0].answer == "twice" && quiz[0].correct == false)
        #expect(try store.loadPosition(lesson: "a")?.line == 40)
        #expect(try store.loadPosition(lesson: "b")?.language == "zh")
        #expect(try store.loadPosition(lesson: "c") == nil)
        #expect(try store.lastPosition()?.lesson == "b")
    }

    @Test func hintsComeInOrderThenRunOut() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ProgressStore(path: dir.appendingPathComponent("p.sqlite").path)
        let hints = ["first", "second", "third"]
        #expect(try store.hintsShown("l/e") == 0)
        var seen: [String] = []
        while let (index, text) = try store.nextHint("l/e", hints: hints) {
            #expect(index == seen.count)
            seen.append(text)
        }
        #expect(seen == hints)
        #expect(try store.hintsShown("l/e") == 3)
        #expect(try store.nextHint("l/e", hints: hints) == nil)
        // Another exercise keeps its own count.
        #expect(try store.nextHint("l/f", hints: hints)?.text == "first")
        #expect(try store.summary()["l/e"]?.hintsShown == 3)
        #expect(try store.summary()["l/e"]?.status == .notStarted)
    }

    /// Two stores on one file (as the app and `watch` would have) write at once.
    @Test func concurrentWritersFromTwoPools() async throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.sqlite").path
        let a = try ProgressStore(path: path)
        let b = try ProgressStore(path: path)
        let hints = (0..<40).map { "hint \($0)" }
        let perWriter = 150
        let got = try await withThrowingTaskGroup(of: [Int].self) { group in
            for (w, store) in [a, b].enumerated() {
                group.addTask {
                    var indices: [Int] = []
                    for i in 0..<perWriter {
                        try store.recordAttempt(AttemptRecord(exercise: "c/x", verdict: i % 2 == 0 ? "passed" : "timeout",
                                                              score: Double(w), maxScore: 1, durationMs: i, fileHash: "w\(w)"))
                        if i % 7 == 0, let (index, _) = try store.nextHint("c/x", hints: hints) { indices.append(index) }
                    }
                    return indices
                }
            }
            var all: [Int] = []
            for try await part in group { all += part }
            return all
        }
        #expect(try a.attempts(of: "c/x").count == 2 * perWriter)
        #expect(try b.attempts(of: "c/x").filter { $0.fileHash == "w1" }.count == perWriter)
        // Every hint handed out exactly once, with no gap.
        #expect(got.sorted() == Array(0..<got.count))
        #expect(try a.hintsShown("c/x") == got.count)
    }

    /// Two processes starting at once on a workspace with no database yet both
    /// create and migrate it; neither fails.
    @Test func simultaneousFirstOpens() async throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 0..<20 {
            let path = dir.appendingPathComponent("p\(round).sqlite").path
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        let store = try ProgressStore(path: path)
                        #expect(store.notice == nil)
                        try store.recordAttempt(AttemptRecord(exercise: "a/x", verdict: "passed", score: 1, maxScore: 1,
                                                              durationMs: 1, fileHash: ""))
                    }
                }
                try await group.waitForAll()
            }
            #expect(try ProgressStore(path: path).attempts(of: "a/x").count == 3)
        }
    }

    /// Another process (the sqlite3 shell, standing in for a second lectern) writes
    /// while this one does; nothing is lost and the file stays sound.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func concurrentWriterInAnotherProcess() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.sqlite").path
        let store = try ProgressStore(path: path)
        let count = 300
        var script = ".timeout 20000\n"
        for i in 0..<count {
            script += "INSERT INTO attempts (exercise, time, verdict, score, maxScore, durationMs, fileHash) "
                + "VALUES ('other/x', '2026-01-01 00:00:00.000', 'passed', 1, 1, \(i), 'p');\n"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        let input = Pipe()
        process.standardInput = input
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let bytes = Data(script.utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(bytes)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        for i in 0..<count {
            try store.recordAttempt(AttemptRecord(exercise: "this/x", verdict: "timeout", score: 0, maxScore: 1,
                                                  durationMs: i, fileHash: "t"))
        }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "sqlite3: \(stderr)")
        #expect(try store.attempts(of: "this/x").count == count)
        #expect(try store.attempts(of: "other/x").count == count)
        #expect(try store.status(of: "other/x") == .passed)
        #expect(try ProgressStore(path: path).notice == nil)
    }

    @Test func corruptDatabaseIsKeptAsideAndReplaced() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("progress.sqlite").path
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        try garbage.write(to: URL(fileURLWithPath: path))

        let store = try ProgressStore(path: path)
        let notice = try #require(store.notice)
        #expect(notice.contains("damaged"))
        #expect(notice.contains("progress.sqlite.corrupt-"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let backups = files.filter { $0.hasPrefix("progress.sqlite.corrupt-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(backups.count == 1)
        // The backup holds the learner's original bytes, untouched.
        let kept = try Data(contentsOf: dir.appendingPathComponent(backups[0]))
        #expect(kept == garbage)
        // The fresh store works, and a second open finds nothing wrong.
        try store.recordAttempt(AttemptRecord(exercise: "a/x", verdict: "passed", score: 1, maxScore: 1,
                                              durationMs: 1, fileHash: ""))
        let again = try ProgressStore(path: path)
        #expect(again.notice == nil)
        #expect(try again.status(of: "a/x") == .passed)
    }

    @Test func damagedPageIsDetected() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("progress.sqlite").path
        do {
            let store = try ProgressStore(path: path)
            for i in 0..<400 {
                try store.recordAttempt(AttemptRecord(exercise: "a/\(i)", verdict: "passed", score: 1, maxScore: 1,
                                                      durationMs: i, fileHash: String(repeating: "f", count: 64)))
            }
        }
        // Checkpointed on close; scribble over the middle of the file, keeping the header.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 3 * 4096)
        for i in 4096..<(bytes.count - 100) where i % 3 == 0 { bytes[i] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        let store = try ProgressStore(path: path)
        #expect(store.notice != nil)
        #expect(try store.summary().isEmpty)
    }

    @Test func unusablePathIsAnErrorNotAReset() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A directory where the database file should be.
        let path = dir.appendingPathComponent("progress.sqlite")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        #expect(throws: ProgressStoreError.self) { try ProgressStore(path: path.path) }
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path.path, isDirectory: &isDir) && isDir.boolValue)
    }

    @Test func fileHashIsSHA256() throws {
        #expect(SHA256Hex.digest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hex.digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256Hex.digest(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
