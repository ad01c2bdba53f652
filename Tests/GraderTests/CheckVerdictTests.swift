import Foundation
import Testing
@testable import Grader

/// One fixture per verdict, checked end to end (compile, sandbox, compare),
/// as rustlings tests its binary against files named for each outcome.
/// The suite is serialized: sandboxed runs share two cores, and timing
/// verdicts must not see each other's load.
@Suite(.serialized)
struct CheckVerdictTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/verdicts")
    static let cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-grader-tests-cache")

    /// A checker with short limits so the limit fixtures end quickly.
    static let checker: Checker = {
        var c = Checker(cacheDirectory: cache)
        c.limits.cpuSeconds = 3
        c.limits.wallSeconds = 5
        c.limits.memoryBytes = 512 << 20
        // Every fixture really runs; reuse of reports has its own test.
        c.reuseReports = false
        return c
    }()

    /// The catalog's deque exercise without its performance group (most
    /// fixtures are about other verdicts, and tests run unoptimised).
    static let deque: ExerciseSpec = {
        var s = ExerciseRegistry.spec("sliding-window-max/deque")!
        s.performance = nil
        s.id = "sliding-window-max/deque-without-performance"   // its own cache entries
        return s
    }()

    /// The deque exercise with a smaller performance group (n = 200 000,
    /// k ∈ {2, 1000, n/2}) and the catalog's ladder: large enough that an
    /// O(n·k) scan runs out of the test's 3 s of CPU, small enough for a
    /// debug-built reference.
    static let dequeWithPerformance: ExerciseSpec = {
        var s = ExerciseRegistry.spec("sliding-window-max/deque")!
        s.id = "sliding-window-max/deque-small-performance"   // its own cache entries
        let ladder = s.performance!.ladder
        s.performance = PerformanceSpec(
            cases: { rng in
                let n = 200_000
                return [2, 1000, n / 2].map { k in
                    .object([("nums", .array((0..<n).map { _ in .int(rng.int(in: -1_000_000_000...1_000_000_000)) })),
                             ("k", .int(k))])
                }
            },
            ladder: ladder, slack: 10, sizeName: "n")
        return s
    }()

    func check(_ name: String, spec: ExerciseSpec = CheckVerdictTests.deque) -> CheckReport {
        Self.checker.check(spec, file: Self.fixtures.appendingPathComponent(name), points: 3)
    }

    /// A copy of a fixture with `placeholder` replaced, in a fresh folder.
    func copy(_ name: String, replacing placeholder: String, with value: String) throws -> URL {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.replacingOccurrences(of: placeholder, with: value).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Command lines of every live process that mention `token`.
    func processes(mentioning token: String) -> [String] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid in
            guard Int(pid) != nil, let data = fm.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(token) ? "\(pid): \(line)" : nil
        }
    }

    @Test func passingSolutionPassesWithFullScore() {
        let r = check("passing.swift", spec: Self.dequeWithPerformance)
        #expect(r.verdict == .passed, "\(r.humanText(color: false))")
        #expect(r.score == 3 && r.maxScore == 3)
        #expect(r.cases.passed == r.cases.total && r.cases.total > 40)
        #expect(r.failure == nil && r.limit == nil)
    }

    @Test func unchangedRecheckSkipsCompiling() {
        let first = check("passing.swift")
        let r = check("passing.swift")
        #expect(r.verdict == .passed && !r.reused)
        // The second check ran the cases again but took the binary from the cache.
        #expect(first.verdict == .passed)
        #expect(r.binaryReused, "the unchanged file was compiled again")
    }

    @Test func unchangedPassingFileReusesItsReport() {
        var c = Self.checker
        c.reuseReports = true
        let file = Self.fixtures.appendingPathComponent("passing.swift")
        _ = c.check(Self.deque, file: file, points: 3)
        let again = c.check(Self.deque, file: file, points: 3)
        #expect(again.verdict == .passed && again.reused)
        // Another seed is another set of cases: judged afresh (a new seed each run,
        // since the test cache outlives the run).
        let other = c.check(Self.deque, file: file, points: 3, seed: UInt64.random(in: 1000...1_000_000_000))
        #expect(other.verdict == .passed && !other.reused)
        // Timing-dependent verdicts are never reused.
        let loop = Self.fixtures.appendingPathComponent("infinite_loop.swift")
        _ = c.check(Self.deque, file: loop)
        #expect(!c.check(Self.deque, file: loop).reused)
    }

    @Test func aFileNamedMainStillCompilesAsALibraryFile() throws {
        let url = try copy("passing.swift", replacing: "// A correct O(n) solution", with: "// Named main.swift")
        let main = url.deletingLastPathComponent().appendingPathComponent("main.swift")
        try FileManager.default.moveItem(at: url, to: main)
        let r = Self.checker.check(Self.deque, file: main)
        #expect(r.verdict == .passed, "\(r.humanText(color: false))")
    }

    @Test func compileErrorPointsAtTheLearnerLine() {
        let r = check("compile_error.swift")
        #expect(r.verdict == .compileError)
        let d = r.diagnostics.first { $0.severity == .error }
        #expect(d?.line == 6)
        #expect(d?.file.hasSuffix("compile_error.swift") == true)
        #expect(d?.message.contains("reslt") == true)
        #expect(!r.diagnostics.contains { $0.file.contains("__lectern") })
    }

    @Test func importEngineDoesNotCompile() {
        let r = check("import_engine.swift")
        #expect(r.verdict == .compileError)
        #expect(r.diagnostics.contains { $0.line == 1 && $0.message.contains("no such module 'Engine'") },
                "\(r.diagnostics)")
    }

    @Test func wrongSignatureNamesTheDeclaration() throws {
        let url = try copy("passing.swift", replacing: "func maxSlidingWindow(nums: [Int], k: Int)",
                           with: "func slidingMaxima(nums: [Int], k: Int)")
        let r = Self.checker.check(Self.deque, file: url)
        #expect(r.verdict == .compileError)
        #expect(r.diagnostics.contains { $0.message.contains("func maxSlidingWindow(nums: [Int], k: Int) -> [Int]") },
                "\(r.diagnostics)")
    }

    @Test func wrongAnswerIsShrunkToASmallCase() {
        let r = check("wrong_answer.swift")
        #expect(r.verdict == .wrongAnswer)
        #expect(r.score == 0)
        let f = r.failure
        #expect(f != nil)
        if let f, f.group == "hidden" {
            #expect(f.shrunk)
            // The smallest failing case is a window whose numbers are all negative.
            if case .array(let nums)? = f.input["nums"] { #expect(nums.count <= 2, "\(f.input)") }
        }
        #expect(f?.message.contains("expected") == true)
        #expect(f?.expected != nil && f?.got != nil)
    }

    @Test func trapReportsIndexOutOfRange() {
        let r = check("trap.swift")
        #expect(r.verdict == .runtimeError)
        #expect(r.failure?.message.contains("Index out of range") == true, "\(r.failure?.message ?? "")")
        // The debug info names the learner's line: `for j in start...(start + k) { best = max(best, nums[j]) }`.
        #expect(r.failure?.message.contains("line 6 of trap.swift") == true, "\(r.failure?.message ?? "")")
    }

    @Test func infiniteLoopTimesOutNamingTheLimit() {
        let r = check("infinite_loop.swift")
        #expect(r.verdict == .timeout)
        #expect(r.limit?.name == .cpuTime || r.limit?.name == .wallTime)
        #expect(r.failure?.message.contains("s") == true)
    }

    @Test func memoryHogHitsTheMemoryLimit() {
        let r = check("memory_hog.swift")
        #expect(r.verdict == .memoryLimit, "\(r.humanText(color: false))")
        #expect(r.limit == LimitHit(name: .memory, value: 512, unit: "MiB"))
    }

    @Test func outputFloodStopsAtTheHardCap() {
        let r = check("output_flood.swift")
        #expect(r.verdict == .outputLimit)
        #expect(r.limit?.name == .output)
        #expect(r.stdout.contains("output cut"))
        #expect(r.stdout.utf8.count < 70 << 10)
    }

    @Test func spawnedProcessDoesNotSurvive() throws {
        let token = "lectern-marker-\(UUID().uuidString)"
        let url = try copy("spawner.swift", replacing: "MARKER", with: token)
        let r = Self.checker.check(Self.deque, file: url)
        #expect(r.verdict == .runtimeError, "\(r.humanText(color: false))")
        #expect(r.limit?.name == .processes)
        #expect(processes(mentioning: token).isEmpty)
    }

    @Test func forgedResultsAndExitAreRuntimeErrors() {
        let r = check("fake_results.swift")
        #expect(r.verdict == .runtimeError, "\(r.humanText(color: false))")
        #expect(r.cases.passed == 0)
    }

    @Test func stackOverflowSaysSo() {
        let r = check("stack_overflow.swift")
        #expect(r.verdict == .runtimeError)
        #expect(r.failure?.message.contains("stack overflow") == true, "\(r.failure?.message ?? "")")
    }

    @Test func writesOutsideTheSandboxAreBlocked() throws {
        let outside = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-escape-\(UUID().uuidString)")
        let url = try copy("write_outside.swift", replacing: "OUTSIDE_PATH", with: outside.path)
        let r = Self.checker.check(Self.deque, file: url)
        #expect(r.verdict == .passed, "\(r.humanText(color: false))")
        #expect(!FileManager.default.fileExists(atPath: outside.path))
    }

    @Test func quadraticScanIsTooSlowWithGrowth() {
        let r = check("slow_scan.swift", spec: Self.dequeWithPerformance)
        #expect(r.verdict == .tooSlow, "\(r.humanText(color: false))")
        #expect(r.growth?.contains("time grows like n^") == true, "\(r.growth ?? "")")
        // The scan's exponent is about 2 and the reference's about 1.
        if let g = r.growth, let range = g.range(of: "like n^") {
            let exponent = Double(g[range.upperBound...].prefix(3)) ?? 0
            #expect(exponent > 1.5, "\(g)")
        }
    }

    @Test func tryShowsBothOutputs() throws {
        let input = try JSONValue.parse(#"{"nums": [1, 3, -1, -3, 5, 3, 6, 7], "k": 3}"#)
        let r = Self.checker.tryCase(Self.deque, file: Self.fixtures.appendingPathComponent("passing.swift"), input: input)
        #expect(r.verdict == .passed)
        #expect(r.expected == (try JSONValue.parse("[3, 3, 5, 5, 6, 7]")))
        #expect(r.got == r.expected)
        let bad = try JSONValue.parse(#"{"nums": [1, 2], "k": 0}"#)
        let invalid = Self.checker.tryCase(Self.deque, file: Self.fixtures.appendingPathComponent("passing.swift"), input: bad)
        #expect(invalid.invalidInput?.contains("k") == true)
    }

    @Test func jsonReportHasEveryKey() {
        let r = check("wrong_answer.swift")
        guard case .object(let pairs) = r.jsonValue else { Issue.record("not an object"); return }
        let keys = pairs.map(\.0)
        for key in ["exercise", "verdict", "score", "maxScore", "cases", "failure", "diagnostics", "limit",
                    "seed", "durationMs", "stdout", "stderr"] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(r.jsonValue["verdict"] == .string("wrong_answer"))
        #expect(r.jsonValue["limit"] == .null)
    }
}
