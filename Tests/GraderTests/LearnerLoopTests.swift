import Foundation
import Testing
import Lessons
@testable import Grader

/// Issue 11, the learner's loop: reuse, limits, messages, arguments and
/// progress records, each pinned so the old behaviour fails.
@Suite struct LearnerLoopTests {
    // MARK: Speed

    @Test func tooSlowIsReusedForAnUnchangedFile() {
        #expect(ReportCache.reusable(.tooSlow))
        #expect(!ReportCache.reusable(.timeout))
        #expect(!ReportCache.reusable(.runtimeError))
    }

    @Test func smallCasesGetACPUBudgetScaledToTheReference() {
        let defaults = SandboxLimits()
        let small = Checker.smallCaseLimits(defaults, referenceSeconds: 0.002)
        #expect(small.cpuSeconds == 1)
        #expect(small.wallSeconds == 5)
        // A slow reference keeps room, never above the exercise's own limit.
        #expect(Checker.smallCaseLimits(defaults, referenceSeconds: 0.1).cpuSeconds == 6)
        #expect(Checker.smallCaseLimits(defaults, referenceSeconds: 5).cpuSeconds == defaults.cpuSeconds)
    }

    @Test func longIntegerArraysTravelInBinaryBothWays() throws {
        // The same golden bytes as LecternKitTests: 2 bytes a value when every one fits.
        let small = (0..<300).map { $0 * 7 - 1000 }
        var short = Array("#2300:".utf8)
        for v in small { withUnsafeBytes(of: Int16(v).littleEndian) { short.append(contentsOf: $0) } }
        #expect(JSONValue.array(small.map(JSONValue.int)).harnessBytes == short)
        let narrow = small.map { $0 * 100_000 }
        var golden = Array("#4300:".utf8)
        for v in narrow { withUnsafeBytes(of: Int32(v).littleEndian) { golden.append(contentsOf: $0) } }
        let value = JSONValue.array(narrow.map(JSONValue.int))
        #expect(value.harnessBytes == golden)
        #expect(try JSONValue.parseHarness(golden) == value)
        // Wide values take 8 bytes; short arrays and reals stay text; people's JSON never accepts the form.
        let wide = JSONValue.array(narrow.map { .int($0 * 10_000_000_000) })
        #expect(wide.harnessBytes.prefix(6) == ArraySlice("#8300:".utf8))
        #expect(try JSONValue.parseHarness(JSONValue.object([("a", wide), ("b", .double(0.5))]).harnessBytes)
                == .object([("a", wide), ("b", .double(0.5))]))
        #expect(JSONValue.array([.int(1), .int(2)]).harnessBytes == Array("[1,2]".utf8))
        var text = golden
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes: &text) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parseHarness(Array("#4100:ab".utf8)) }
    }

    // MARK: Messages

    @Test func dequeCarriesANoteOnRemoveFirst() {
        let spec = ExerciseRegistry.spec("sliding-window-max/deque")!
        #expect(spec.notes.contains { $0.verdicts.contains(.tooSlow) && $0.text.contains("removeFirst") })
    }

    @Test func tooSlowLeadsWithTimesAndGrowthAndSaysWhyNoPoints() {
        var r = CheckReport(exercise: "sliding-window-max/deque", verdict: .tooSlow, maxScore: 3,
                            cases: CaseCount(passed: 51, total: 51), seed: 42,
                            summary: "too slow: yours took 2.40 s on the 3 performance cases, the reference 12 ms (allowed: 10×)",
                            growth: "time grows like n^2.0 from n = 4000 to 32000; the reference like n^1.0")
        r.failure = CaseFailure(case: 48, group: "performance",
                                input: Checker.abbreviated(.object([("nums", .array((0..<1000).map { .int($0) })), ("k", .int(2))])),
                                expected: nil, got: nil, message: "")
        r.notes = ["the usual cause: `Array.removeFirst()` is O(n)"]
        let lines = r.humanText(color: false).split(separator: "\n").map(String.init)
        #expect(lines[0].contains("too slow: yours took 2.40 s"))
        #expect(lines[1].contains("time grows like n^2.0"), "\(lines)")
        #expect(lines[2].contains("0/3 points (too slow)") && lines[2].contains("all 51 answers right"), "\(lines)")
        #expect(!lines.joined().contains("51/51 cases"))
        #expect(lines.contains { $0.contains("input") && $0.contains("‹1000 integers›") && !$0.contains("\"‹") }, "\(lines)")
        #expect(lines.last == "  note: the usual cause: `Array.removeFirst()` is O(n)")
        // The class reports (JUnit, Gradescope) show the same shape, unquoted.
        let row = GradeRow(student: "ada", exercise: r.exercise, maxScore: 3, report: r, file: nil)
        #expect(row.failureText.contains("input {\"nums\":‹1000 integers›"), "\(row.failureText)")
        #expect(!row.failureText.contains("\"‹"))
    }

    @Test func longArraysAreShownAsTheirShape() {
        #expect(Checker.abbreviated(.array((0..<9).map { .double(Double($0)) })) == .string("‹9 numbers›"))
        #expect(Checker.abbreviated(.array((0..<9).map { _ in .array([.int(1), .int(2)]) })) == .string("‹9 × 2 integers›"))
        #expect(Checker.abbreviated(.array([.int(1), .int(2)])) == .array([.int(1), .int(2)]))
    }

    @Test func integerMatricesNeverReportAnAbsoluteError() {
        let m = Comparator.diff(.array([.array([.int(1), .int(2)])]), .array([.array([.int(1), .int(5)])]), rtol: 1e-6, atol: 1e-9)
        #expect(m?.contains("first differing cell [0][1]") == true)
        #expect(m?.contains("absolute error") == false, "\(m ?? "")")
        let real = Comparator.diff(.array([.array([.double(1.5)])]), .array([.array([.double(2.5)])]), rtol: 1e-6, atol: 1e-9)
        #expect(real?.contains("largest absolute error") == true)
    }

    @Test func rightValuesInTheWrongOrderSaySo() {
        let m = Comparator.diff(.array([.int(3), .int(1), .int(2)]), .array([.int(1), .int(2), .int(3)]), rtol: 0, atol: 0)
        #expect(m == "the right values in the wrong order: first difference at index 0: expected 3, got 1")
        let other = Comparator.diff(.array([.int(3), .int(1)]), .array([.int(3), .int(4)]), rtol: 0, atol: 0)
        #expect(other == "first difference at index 1: expected 1, got 4")
    }

    @Test func nearlyEqualRealsNeverPrintAlike() throws {
        let m = try #require(Comparator.diff(.double(5), .double(5.000001), rtol: 1e-9, atol: 1e-12))
        #expect(m.hasPrefix("expected 5.0, got 5.000001 (off by 1e-06)"), "\(m)")
        let kinds = try #require(Comparator.diff(.int(5), .double(5.5), rtol: 1e-9, atol: 1e-12))
        #expect(kinds.contains("expected the integer 5, got the real number 5.5"), "\(kinds)")
    }

    @Test func compileErrorsShowTheLineWithACaret() {
        let source = "func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {\n    let y = x + 1\n    return []\n}\n"
        let text = "/deque.swift:2:13: error: cannot find 'x' in scope\n"
        let sig = ExerciseRegistry.spec("sliding-window-max/deque")!.signature
        let d = Compiler.diagnostics(text, learnerCopy: "/deque.swift", learnerPath: "/home/a/deque.swift", signature: sig,
                                     source: source)
        #expect(d.first?.excerpt == ["2 |     let y = x + 1", "  |             ^"])
        let r = CheckReport(exercise: "x/y", verdict: .compileError, maxScore: 1, diagnostics: d, seed: 1, summary: "compile error")
        #expect(r.humanText(color: false).contains("      |             ^"))
    }

    @Test func wrongSignaturePointsAtTheFunctionLine() {
        let source = "import Foundation\n\n// helper\nfunc slidingMaxima(nums: [Int], k: Int) -> [Int] { [] }\n"
        let sig = ExerciseRegistry.spec("sliding-window-max/deque")!.signature
        let text = "/__lectern_harness.swift:9:20: error: cannot find 'maxSlidingWindow' in scope\n"
        let d = Compiler.diagnostics(text, learnerCopy: "/deque.swift", learnerPath: "deque.swift", signature: sig, source: source)
        #expect(d.first?.line == 4, "\(d)")
        #expect(d.first?.message.contains("func maxSlidingWindow(nums: [Int], k: Int) -> [Int]") == true)
        #expect(Compiler.declarationPlace(of: "maxSlidingWindow", in: "\n\nfunc maxSlidingWindow(nums: [Double]) {}") == (3, 1))
    }

    @Test func learnerStderrNamesTheLearnerFileAndHidesStackFrames() {
        let raw = """
            Solution/probe.swift:3: Fatal error: boom
            Current stack trace:
            0    libswiftCore.so    0x00007f3a1c2d4e10 swift_reportError + 50
            1    probe              0x000055d0c0a01234 <unavailable> + 4660
            done
            """
        let shown = Checker.learnerStderr(raw, name: "probe.swift")
        #expect(shown.hasPrefix("probe.swift:3: Fatal error: boom"))
        #expect(!shown.contains("Solution/"))
        #expect(!shown.contains("0x0000"))
        #expect(shown.contains("3 lines of stack frames hidden"))
        #expect(shown.hasSuffix("done"))
    }

    @Test func tryPrintsACompileErrorOnce() {
        let d = Diagnostic(file: "deque.swift", line: 2, column: 5, severity: .error, message: "cannot find 'x' in scope")
        let r = TryReport(exercise: "x/y", input: .null, verdict: .compileError,
                          message: "compile error: line 2: cannot find 'x' in scope", diagnostics: [d])
        let text = r.humanText(color: false)
        #expect(text.components(separatedBy: "cannot find 'x' in scope").count == 2, "\(text)")
    }

    // MARK: Arguments

    static let ids = ["sliding-window-max/naive", "sliding-window-max/deque", "sliding-window-max/max-pool-2d",
                      "tokenization/merge", "tokenization/train", "rnn/lstm-cell", "rnn/gru-cell", "x/cell", "y/cell"]

    @Test func shortNamesPathsAndTyposResolve() throws {
        let ids = Self.ids
        #expect(ExerciseArgument.resolve("deque", ids: ids, workspace: nil) == .found(id: "sliding-window-max/deque", file: nil))
        #expect(ExerciseArgument.resolve("Exercises/sliding-window-max/deque.swift", ids: ids, workspace: nil)
                == .found(id: "sliding-window-max/deque", file: nil))
        #expect(ExerciseArgument.resolve("sliding-window-max/deque/", ids: ids, workspace: nil)
                == .found(id: "sliding-window-max/deque", file: nil))
        #expect(ExerciseArgument.resolve("cell", ids: ids, workspace: nil) == .ambiguous(["x/cell", "y/cell"]))
        #expect(ExerciseArgument.resolve("tokeniztion/merge", ids: ids, workspace: nil)
                == .unknown(suggestions: ["tokenization/merge"]))
        let message = ExerciseArgument.problem("tokeniztion/merge", .unknown(suggestions: ["tokenization/merge"]))
        #expect(message?.contains("did you mean tokenization/merge?") == true)
        // An existing file elsewhere: its folder and name give the id, and the file is the one to check.
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lessonDir = dir.appendingPathComponent("sliding-window-max")
        try FileManager.default.createDirectory(at: lessonDir, withIntermediateDirectories: true)
        try "// mine".write(to: lessonDir.appendingPathComponent("deque.swift"), atomically: true, encoding: .utf8)
        let match = ExerciseArgument.resolve("sliding-window-max/deque.swift", ids: ids, workspace: nil, directory: dir)
        #expect(match == .found(id: "sliding-window-max/deque", file: lessonDir.appendingPathComponent("deque.swift")))
    }

    @Test func editDistanceAndLessonNumbers() throws {
        #expect(EditDistance.between("tokeniztion", "tokenization") == 1)
        #expect(EditDistance.nearest("rnm", among: ["rnn", "word2vec"]) == ["rnn"])
        #expect(EditDistance.nearest("zzzzzzzz", among: ["rnn", "word2vec"]).isEmpty)
        let course = try Course.load(from: LearnerLoopTests.courseRoot)
        #expect(course.resolveLesson("1") == .found(course.lessonIDs[0]))
        #expect(course.resolveLesson("tokeniztion") == .unknown(suggestions: ["tokenization"]))
        #expect(course.fallbackNote("sliding-window-max", language: "xx")?.contains("showing English") == true)
        #expect(course.fallbackNote("sliding-window-max", language: nil) == nil)
    }

    static let courseRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Content")

    @Test func invocationIsThePathWhenLecternIsNotOnPath() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exe = dir.appendingPathComponent("lectern")
        _ = FileManager.default.createFile(atPath: exe.path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        #expect(Invocation.command(executable: exe, path: "/nonexistent") == exe.path)
        #expect(Invocation.command(executable: exe, path: "/nonexistent:\(dir.path)") == "lectern")
    }

    // MARK: Progress

    @Test func unchangedRecheckIsNotANewAttemptAndResetClearsTheMark() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ProgressStore(path: dir.appendingPathComponent("p.sqlite").path)
        let file = dir.appendingPathComponent("deque.swift")
        try "func f() {}".write(to: file, atomically: true, encoding: .utf8)
        let passed = CheckReport(exercise: "a/x", verdict: .passed, score: 3, maxScore: 3, seed: 42, summary: "passed")
        try store.recordAttempt(passed, file: file)
        try store.recordAttempt(passed, file: file)
        #expect(try store.attempts(of: "a/x").count == 1)
        try "func f() { }".write(to: file, atomically: true, encoding: .utf8)
        try store.recordAttempt(passed, file: file)
        #expect(try store.attempts(of: "a/x").count == 2)
        #expect(try store.status(of: "a/x") == .passed)
        try store.recordReset("a/x")
        #expect(try store.status(of: "a/x") == .notStarted)
        #expect(try store.summary()["a/x"]?.status ?? .notStarted == .notStarted)
    }

    @Test func workspaceFilesStateTheGradersLanguageMode() {
        let manifest = WorkspaceFiles.packageManifest([], hasTensor: false, existingFiles: { _ in [] })
        #expect(manifest.contains("swiftLanguageModes: [.v5]"))
        #expect(Toolkit.languageFlags == ["-swift-version", "5"])
        let readme = WorkspaceFiles.readme(exampleID: nil)
        #expect(readme.contains("Swift 5 language mode") && !readme.contains("Swift 6 language mode"))
    }
}

/// The parts of issue 11 that need a real learner binary.
@Suite(.serialized) struct LearnerLoopCheckTests {
    @Test func infiniteLoopOnTheExamplesStopsAtAScaledLimit() {
        // The course's limits (10 s of CPU), not the short ones of CheckVerdictTests.
        var c = Checker(cacheDirectory: CheckVerdictTests.cache)
        c.reuseReports = false
        let r = c.check(CheckVerdictTests.deque, file: CheckVerdictTests.fixtures.appendingPathComponent("infinite_loop.swift"))
        #expect(r.verdict == .timeout, "\(r.humanText(color: false))")
        // Scaled to the reference (a second or two in a debug build), far below the course's 10 s.
        #expect((r.limit?.name == .cpuTime && (r.limit?.value ?? 10) <= 3) || r.limit?.name == .wallTime,
                "\(String(describing: r.limit))")
        #expect(r.failure?.message.contains("the reference answers all") == true, "\(r.failure?.message ?? "")")
    }

    @Test func aToolkitBuildIsAnnouncedOnce() throws {
        let cache = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let checker = Checker(cacheDirectory: cache)
        let phases = PhaseLog()
        let r = checker.check(CheckVerdictTests.deque, file: CheckVerdictTests.fixtures.appendingPathComponent("passing.swift"),
                              points: 3) { phases.append($0) }
        #expect(r.verdict == .passed, "\(r.humanText(color: false))")
        #expect(phases.all.prefix(2) == [.preparingToolkit, .compiling], "\(phases.all)")
        var again = false
        #expect(checker.prepareToolkit(onBuild: { again = true }) == nil)
        #expect(!again)
    }
}

/// Phases reported from the checker's thread.
final class PhaseLog: @unchecked Sendable {
    private let lock = NSLock()
    private var phases: [CheckPhase] = []
    func append(_ p: CheckPhase) { lock.lock(); phases.append(p); lock.unlock() }
    var all: [CheckPhase] { lock.lock(); defer { lock.unlock() }; return phases }
}
