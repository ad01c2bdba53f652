import Foundation
import Testing

/// Issue 11 through the real binary: what a learner types is understood,
/// and the workspace's records follow what was really checked.
@Suite(.serialized) struct LearnerLoopCommandTests {
    /// A shared cache, so the grader toolkit is built at most once for these tests.
    static let environment = ["XDG_CACHE_HOME": NSTemporaryDirectory() + "lectern-runner-loop-cache", "NO_COLOR": "1"]

    func lectern(_ arguments: [String], in directory: URL? = nil) throws -> LecternProcess.Result {
        try LecternProcess.run(arguments, environment: Self.environment, directory: directory)
    }

    @Test func versionLessonNumbersTyposAndFallbackNotes() throws {
        let version = try lectern(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("lectern "), "\(version.stderr)")
        let first = try lectern(["show", "1", "--width", "60"])
        #expect(first.status == 0 && first.stdout.contains("Sliding-window maximum"), "\(first.stderr)")
        let typo = try lectern(["show", "tokeniztion"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean tokenization?"), "\(typo.stderr)")
        let fallback = try lectern(["show", "sliding-window-max", "--lang", "fr", "--width", "60"])
        #expect(fallback.status == 0 && fallback.stderr.contains("no 'fr' translation yet; showing English"), "\(fallback.stderr)")
        let badID = try lectern(["check", "tokeniztion/merge", "--file", "/dev/null"])
        #expect(badID.status == 2 && badID.stderr.contains("did you mean tokenization/merge?"), "\(badID.stderr)")
        let ambiguous = try lectern(["check", "sliding", "--file", "/dev/null"])
        #expect(ambiguous.status == 2 && ambiguous.stderr.contains("sliding-window-max/naive"), "\(ambiguous.stderr)")
        // hint, try and reset take the same short names and suggest the same way.
        let hintTypo = try lectern(["hint", "tokeniztion/merge"])
        #expect(hintTypo.status == 2 && hintTypo.stderr.contains("did you mean tokenization/merge?"), "\(hintTypo.stderr)")
        let tryShort = try lectern(["try", "naive", "--input", #"{"nums": [2, 1], "k": 2}"#, "--file", "/dev/null"])
        #expect(tryShort.stdout.contains("reference  [2]") || tryShort.stderr.contains("sliding-window-max/naive"),
                "\(tryShort.stdout)\(tryShort.stderr)")
        let resetTypo = try lectern(["reset", "dequeue"])
        #expect(resetTypo.status == 2 && resetTypo.stderr.contains("deque"), "\(resetTypo.stderr)")
    }

    /// An instructor's exercise of another kind (`windows/deque`, `kind:
    /// sliding-window-max/deque`) is named by its own id or short name.
    @Test func instructorsIDsAndShortNames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-kind-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = LecternProcess.packageRoot.appendingPathComponent("Tests/GraderTests/Fixtures/instructor-course")
        #expect(try lectern(["init", dir.path, "--course", course.path]).status == 0)
        let hint = try lectern(["hint", "deque"], in: dir)
        #expect(hint.status == 0 && hint.stdout.contains("for windows/deque"), "\(hint.stdout)\(hint.stderr)")
        let typo = try lectern(["hint", "deqeu"], in: dir)
        #expect(typo.status == 2 && typo.stderr.contains("did you mean windows/deque?"), "\(typo.stderr)")
    }

    @Test func workspaceChecksRecordsAndReset() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-loop-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try lectern(["init", dir.path])
        #expect(made.status == 0, "\(made.stderr)")
        // `lectern` is not on the test's PATH: the Next lines show the path that works.
        #expect(made.stdout.contains(LecternProcess.executable.path + " check"), "\(made.stdout)")

        let solution = LecternProcess.packageRoot.appendingPathComponent("Content/sliding-window-max/solutions/naive.swift")
        let mine = dir.appendingPathComponent("Exercises/sliding-window-max/naive.swift")
        try FileManager.default.removeItem(at: mine)
        try FileManager.default.copyItem(at: solution, to: mine)

        // No argument: the file saved last.
        let first = try lectern(["check"], in: dir)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stderr.contains("checking sliding-window-max/naive"), "\(first.stderr)")
        let hint = try lectern(["hint", "naive"], in: dir)
        #expect(hint.status == 0 && hint.stdout.contains("for sliding-window-max/naive"), "\(hint.stdout)\(hint.stderr)")
        // A short name, then a path; the unchanged file is not a new attempt.
        #expect(try lectern(["check", "naive"], in: dir).status == 0)
        #expect(try lectern(["check", "Exercises/sliding-window-max/naive.swift"], in: dir).status == 0)
        // A file kept elsewhere is checked but not recorded.
        let elsewhere = dir.appendingPathComponent("scratch.swift")
        try "func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] { [] }\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        _ = try lectern(["check", "naive", "--file", elsewhere.path], in: dir)

        let progress = try lectern(["progress", "--json"], in: dir)
        let naive = try #require(exercise("sliding-window-max/naive", in: progress.stdout))
        #expect(naive["attempts"] as? Int == 1, "\(naive)")
        #expect(naive["status"] as? String == "passed")
        let lesson = try #require(lessonEntry("sliding-window-max", in: progress.stdout))
        #expect((lesson["quizzesTotal"] as? Int ?? 0) >= 3, "\(lesson)")
        #expect(lesson["complete"] as? Bool == false)

        let reset = try lectern(["reset", "sliding-window-max/naive", "--yes"], in: dir)
        #expect(reset.status == 0, "\(reset.stderr)")
        let after = try lectern(["progress", "--json"], in: dir)
        #expect(exercise("sliding-window-max/naive", in: after.stdout)?["status"] as? String == "not-started")
    }

    func lessonEntry(_ id: String, in json: String) -> [String: Any]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let lessons = object["lessons"] as? [[String: Any]] else { return nil }
        return lessons.first { $0["id"] as? String == id }
    }

    func exercise(_ id: String, in json: String) -> [String: Any]? {
        guard let lesson = lessonEntry(String(id.split(separator: "/")[0]), in: json),
              let exercises = lesson["exercises"] as? [[String: Any]] else { return nil }
        return exercises.first { $0["id"] as? String == id }
    }
}
