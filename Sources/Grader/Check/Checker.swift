import Foundation
import Lessons
import Tensor

/// Checks learner files: compiles them with a generated harness, runs them in
/// the sandbox on the exercise's seeded cases, compares with the reference,
/// shrinks a failing case and returns a `CheckReport`.
///
/// The steps, in order:
/// 1. `Toolkit.prepare` (cached `Tensor` + `LecternKit`), `Compiler.compile`
///    (cached by content hash) → `compile_error` with the learner's diagnostics.
/// 2. One sandboxed run over the example, edge and hidden cases → the first
///    wrong answer (hidden ones shrunk) or what stopped the program.
/// 3. For exercises with a `PerformanceSpec`, a second run over the large
///    cases, each timed inside the harness and compared with the reference
///    timed in this process on the same cases → `too_slow` with the growth
///    measured on the ladder.
public struct Checker: Sendable {
    /// Where compiled toolkits and learner binaries are cached.
    public let cacheDirectory: URL
    /// The sandbox limits before an exercise's overrides.
    public var limits = SandboxLimits()
    /// A too-slow verdict needs the learner to exceed slack × reference and this floor.
    public var slowFloorSeconds = 0.05
    /// Time allowed for shrinking one failing case.
    public var shrinkSeconds = 1.5
    /// Reuse the report of an unchanged, already judged file (see `ReportCache`).
    public var reuseReports = true
    /// Seconds `swiftc` may spend on one learner file before it is stopped (`compile_error` naming the limit).
    public var compileSeconds = 30.0
    /// When set, the cases of an exercise and seed are generated and answered
    /// once and shared by every check that holds the same memo: a class
    /// graded with one seed pays for them once per exercise, not per student.
    var caseMemo: PreparedCasesMemo?

    /// - Parameter cacheDirectory: defaults to `$XDG_CACHE_HOME/lectern` or `~/.cache/lectern`.
    public init(cacheDirectory: URL? = nil) {
        self.cacheDirectory = cacheDirectory ?? Checker.defaultCacheDirectory()
    }

    /// The harness's NOTE lines about protections it could not set up, in words for the report.
    static func sandboxNotes(_ notes: [String]) -> [String] {
        notes.compactMap { note in
            if note.hasPrefix("landlock: ") {
                return "files are not confined (reads and writes outside the temporary folder are possible): "
                    + note.dropFirst(10) + "; Landlock needs Linux 5.13 or later with Landlock enabled"
            }
            if note.hasPrefix("seccomp: ") {
                return "starting processes, signals and sockets are not blocked: " + note.dropFirst(9)
            }
            return nil
        }
    }

    static func defaultCacheDirectory() -> URL {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("lectern")
        }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/lectern")
    }

    /// Builds the toolkit every learner binary links against, unless it is
    /// cached already; `onBuild` is called when a build starts. Returns what
    /// went wrong, or nil (`lectern init` and `make build` call this so the
    /// first check does not wait for it).
    @discardableResult
    public func prepareToolkit(onBuild: () -> Void = {}) -> String? {
        do { _ = try Toolkit.prepare(cache: cacheDirectory, onBuild: onBuild) } catch { return error.description }
        return nil
    }

    /// A compiled learner program, or the report that ends the check.
    enum Build: Sendable {
        /// The learner binary, and whether it came from the cache (no compile).
        case program(String, cached: Bool)
        case failed(verdict: Verdict, diagnostics: [Diagnostic], summary: String)
    }

    func build(_ spec: ExerciseSpec, file: URL) -> Build { build(spec, file: file, cachedOnly: false) ?? .failed(verdict: .internalError, diagnostics: [], summary: "no build") }

    /// With `cachedOnly`, nil when the file has not been compiled before.
    func build(_ spec: ExerciseSpec, file: URL, cachedOnly: Bool) -> Build? {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failed(verdict: .internalError, diagnostics: [], summary: "cannot read \(file.path)")
        }
        let source = String(decoding: data, as: UTF8.self)
        do {
            let toolkit = try Toolkit.prepare(cache: cacheDirectory)
            switch try Compiler.compile(learnerSource: source, learnerPath: file.path, signature: spec.signature,
                                        toolkit: toolkit, cache: cacheDirectory, cachedOnly: cachedOnly,
                                        timeLimit: compileSeconds) {
            case .notCached: return nil
            case .binary(let path, let cached): return .program(path, cached: cached)
            case .failed(let diagnostics):
                let first = diagnostics.first(where: { $0.severity == .error }) ?? diagnostics.first
                let summary = first.map { $0.line == 0 ? "compile error: \($0.message)" : "compile error: line \($0.line): \($0.message)" }
                    ?? "compile error"
                return .failed(verdict: .compileError, diagnostics: diagnostics, summary: summary)
            }
        } catch {
            return .failed(verdict: .internalError, diagnostics: [], summary: error.description)
        }
    }

    /// Checks `file` against every case of `spec` generated from `seed`.
    ///
    /// - Parameter partial: how a failing file earns part of `points` from the case
    ///   groups it passes in full (`PartialCredit.score`); `.none` is all or nothing.
    public func check(_ spec: ExerciseSpec, file: URL, points: Double = 1, seed: UInt64 = 42,
                      partial: PartialCredit = .none,
                      onPhase: @Sendable (CheckPhase) -> Void = { _ in }) -> CheckReport {
        var binaryPath: String?
        let trace = Checker.tracer(start: ContinuousClock.now)
        var report = runCheck(spec, file: file, points: points, seed: seed, partial: partial, binary: &binaryPath,
                              onPhase: onPhase)
        if !report.reused { report.notes = spec.notes.filter { $0.verdicts.contains(report.verdict) }.map(\.text) }
        if reuseReports, !report.reused, let binaryPath, ReportCache.reusable(report.verdict) {
            ReportCache.store(report, cacheDirectory,
                              key: ReportCache.key(binary: binaryPath, spec: spec, points: points, seed: seed,
                                                   limits: limits.applying(spec.limits)))
        }
        // One line per check, whichever way it ended (a reused report, a compile error, a run).
        trace("verdict \(report.verdict.rawValue)")
        return report
    }

    func runCheck(_ spec: ExerciseSpec, file: URL, points: Double, seed: UInt64, partial: PartialCredit,
                  binary binaryPath: inout String?, onPhase: @Sendable (CheckPhase) -> Void) -> CheckReport {
        let clock = ContinuousClock.now
        // Per-case results of the main run (empty until it ran) and whether the
        // performance group passed as a whole (nil when it did not run).
        var passedFlags: [Bool] = []
        var kindsRun: [CaseKind] = []
        var performanceCount = 0
        var performancePassed = false
        func finish(_ r: CheckReport) -> CheckReport {
            var r = r
            if !passedFlags.isEmpty {
                r.groups = CaseKind.allCases.filter { $0 != .performance }.compactMap { kind in
                    let idx = kindsRun.indices.filter { kindsRun[$0] == kind }
                    return idx.isEmpty ? nil : GroupResult(group: kind.rawValue, passed: idx.filter { passedFlags[$0] }.count,
                                                           total: idx.count)
                }
                if performanceCount > 0 {
                    r.groups.append(GroupResult(group: CaseKind.performance.rawValue,
                                                passed: performancePassed ? performanceCount : 0, total: performanceCount))
                }
            }
            r.score = partial.score(r, points: points)
            let d = ContinuousClock.now - clock
            r.durationMs = Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
            return r
        }
        var report = CheckReport(exercise: spec.id, verdict: .internalError, maxScore: points, seed: seed, summary: "")
        let trace = Checker.tracer(start: clock)
        // The toolkit first, so the seconds of a first build are announced.
        _ = prepareToolkit { onPhase(.preparingToolkit) }
        onPhase(.compiling)
        // An unchanged file already judged on these cases: reuse its report.
        if reuseReports, case .program(let path, _)? = build(spec, file: file, cachedOnly: true),
           let reused = ReportCache.load(cacheDirectory, key: ReportCache.key(binary: path, spec: spec, points: points,
                                                                             seed: seed, limits: limits.applying(spec.limits))) {
            var r = reused
            r.reused = true
            return finish(r)
        }
        // Compile in the background while this thread generates the cases and
        // the reference outputs: swiftc and the reference use different cores.
        let compiled = Pending<Build>()
        DispatchQueue.global(qos: .userInitiated).async { compiled.fulfil(self.build(spec, file: file)) }
        let prepared = caseMemo?.cases(spec.id, seed: seed) { prepareCases(spec, seed: seed) } ?? prepareCases(spec, seed: seed)
        trace("cases prepared")
        let binary: String
        switch compiled.wait() {
        case .failed(let verdict, let diagnostics, let summary):
            report.verdict = verdict; report.diagnostics = diagnostics; report.summary = summary
            return finish(report)
        case .program(let path, let cached): binary = path; report.binaryReused = cached
        }
        binaryPath = binary
        trace("compiled")
        let inputs = prepared.inputs, kinds = prepared.kinds, expected = prepared.expected
        let total = inputs.count + (prepared.performance?.count ?? 0)
        report.cases = CaseCount(passed: 0, total: total)
        if let problem = prepared.problem {
            report.summary = problem
            return finish(report)
        }

        let fullLimits = self.limits.applying(spec.limits)
        // Small cases get a CPU budget scaled to the reference, so an infinite
        // loop on an example is told in about a second; the performance group
        // below keeps the exercise's generous limit.
        let limits = Checker.smallCaseLimits(fullLimits, referenceSeconds: prepared.referenceSeconds)
        let learnerName = file.lastPathComponent
        onPhase(.running(done: 0, total: total))
        let outcome: SandboxOutcome
        do { outcome = try Sandbox.run(binary: binary, cases: prepared.bytes, limits: limits) } catch {
            report.summary = error.description
            return finish(report)
        }
        trace("main cases run")
        onPhase(.running(done: inputs.count, total: total))
        onPhase(.comparing)
        report.stdout = Checker.shown(outcome.stdout, total: outcome.stdoutTotal)
        report.stderr = Checker.learnerStderr(Checker.shown(outcome.stderr, total: outcome.stderrTotal), name: file.lastPathComponent)
        report.sandbox = Checker.sandboxNotes(outcome.notes)
        let analysis = RunAnalysis(outcome, caseCount: inputs.count, limits: limits, learnerName: learnerName, binary: binary)

        var passed = 0
        var firstWrong: (Int, String)?
        var flags = [Bool](repeating: false, count: inputs.count)
        for i in inputs.indices {
            guard let got = analysis.outputs[i] else { continue }
            if let m = Comparator.judge(spec.comparison, input: inputs[i], expected: expected[i], got: got) {
                if firstWrong == nil { firstWrong = (i, m) }
            } else { passed += 1; flags[i] = true }
        }
        passedFlags = flags
        kindsRun = kinds
        performanceCount = prepared.performance?.count ?? 0
        report.cases.passed = passed
        if let (i, message) = firstWrong, analysis.stoppedAt.map({ i < $0 }) ?? true {
            report.verdict = .wrongAnswer
            report.failure = CaseFailure(case: i, group: kinds[i].rawValue, input: inputs[i], expected: expected[i],
                                         got: analysis.outputs[i], message: message)
            if kinds[i] == .hidden {
                report.failure = shrink(spec, binary: binary, failure: report.failure!, crash: false, limits: limits,
                                        learnerName: learnerName)
            }
            report.summary = "wrong answer on case \(i) (\(kinds[i].rawValue))"
            return finish(report)
        }
        if let stop = analysis.stop, let i = analysis.stoppedAt {
            report.verdict = stop.verdict
            report.limit = stop.limit
            if stop.verdict == .internalError {
                report.summary = stop.message
                return finish(report)
            }
            var message = stop.message
            if stop.verdict == .timeout, limits.cpuSeconds < fullLimits.cpuSeconds {
                message += "; the reference answers all \(inputs.count) small cases in \(Checker.format(prepared.referenceSeconds)) of CPU time"
            }
            report.failure = CaseFailure(case: i, group: kinds[i].rawValue, input: inputs[i], expected: expected[i],
                                         got: nil, message: message)
            if kinds[i] == .hidden, stop.verdict == .runtimeError {
                report.failure = shrink(spec, binary: binary, failure: report.failure!, crash: true, limits: limits,
                                        learnerName: learnerName)
            }
            report.summary = "\(stop.verdict.words) on case \(i) (\(kinds[i].rawValue))"
            return finish(report)
        }

        if let perf = spec.performance, let group = prepared.performance, group.count > 0 {
            onPhase(.running(done: inputs.count, total: total))
            if let slow = performance(spec, perf: perf, binary: binary, group: group, firstIndex: inputs.count,
                                      limits: fullLimits, learnerName: learnerName, report: &report) {
                return finish(slow)
            }
            onPhase(.running(done: total, total: total))
            trace("performance cases run")
        }
        performancePassed = true
        report.verdict = .passed
        report.score = points
        report.summary = "passed all \(total) cases"
        return finish(report)
    }

    /// The limits of the run over the example, edge and hidden cases: CPU
    /// time 50 × the reference's plus half a second, at least 1 s (whole seconds, as
    /// `RLIMIT_CPU` counts them), never above the exercise's limit; wall time
    /// three times that plus two seconds, at least 5 s for a busy machine.
    static func smallCaseLimits(_ limits: SandboxLimits, referenceSeconds: Double) -> SandboxLimits {
        var l = limits
        l.cpuSeconds = min(limits.cpuSeconds, max(1, (50 * referenceSeconds + 0.5).rounded(.up)))
        l.wallSeconds = min(limits.wallSeconds, max(5, 3 * l.cpuSeconds + 2))
        return l
    }

    /// With `LECTERN_TRACE` set, a function printing "lectern-trace: <step> <seconds since start>"
    /// to stderr; otherwise one that does nothing.
    static func tracer(start: ContinuousClock.Instant) -> (String) -> Void {
        guard ProcessInfo.processInfo.environment["LECTERN_TRACE"] != nil else { return { _ in } }
        return { step in
            let s = seconds(ContinuousClock.now - start)
            FileHandle.standardError.write(Data("lectern-trace: \(step) \(String(format: "%.3f", s))\n".utf8))
        }
    }

    /// The learner's stderr as shown: the compiled copy's name (`Solution/deque.swift`,
    /// `Solution/main_.swift`) becomes the learner's file, and the runtime's
    /// raw stack frames (hex addresses, nothing a learner can act on) become one line.
    static func learnerStderr(_ text: String, name: String) -> String {
        let copy = name == "main.swift" ? "main_.swift" : name
        var out: [Substring] = []
        var hidden = 0
        for line in text.replacingOccurrences(of: "Solution/" + copy, with: name)
            .split(separator: "\n", omittingEmptySubsequences: false) {
            if isStackFrame(line) || line.hasPrefix("Current stack trace:") || line.hasPrefix("Stack dump:") {
                hidden += 1
                continue
            }
            if hidden > 0 { out.append("… (\(hidden) lines of stack frames hidden)"); hidden = 0 }
            out.append(line)
        }
        if hidden > 0 { out.append("… (\(hidden) lines of stack frames hidden)") }
        return out.joined(separator: "\n")
    }

    /// "0  libswiftCore.so 0x00007f3a… in swift_..." and the like: a line holding a long hex address.
    static func isStackFrame(_ line: Substring) -> Bool {
        guard let r = line.range(of: "0x") else { return false }
        return line[r.upperBound...].prefix(while: { $0.isHexDigit }).count >= 6
    }

    /// The learner's stream as shown: cut at the soft cap, with the cut stated.
    static func shown(_ bytes: [UInt8], total: Int) -> String {
        var s = String(decoding: bytes, as: UTF8.self)
        if total > bytes.count { s += "\n… (output cut: \(total) bytes printed, the first \(bytes.count) shown)" }
        return s
    }

    /// Runs the learner's function on one case and puts its output beside the reference.
    public func tryCase(_ spec: ExerciseSpec, file: URL, input: JSONValue) -> TryReport {
        let clock = ContinuousClock.now
        var report = TryReport(exercise: spec.id, input: input, verdict: .internalError)
        func finish(_ r: TryReport) -> TryReport {
            var r = r
            let d = ContinuousClock.now - clock
            r.durationMs = Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
            return r
        }
        if let problem = spec.check(input) {
            report.invalidInput = problem.description
            report.message = problem.description
            return finish(report)
        }
        do { report.expected = try spec.reference(input) } catch {
            report.invalidInput = error.description
            return finish(report)
        }
        switch build(spec, file: file) {
        case .failed(let verdict, let diagnostics, let summary):
            report.verdict = verdict; report.diagnostics = diagnostics; report.message = summary
            return finish(report)
        case .program(let binary, _):
            let limits = self.limits.applying(spec.limits)
            let outcome: SandboxOutcome
            do { outcome = try Sandbox.run(binary: binary, cases: JSONValue.array([input]).harnessBytes, limits: limits) } catch {
                report.message = error.description
                return finish(report)
            }
            report.stdout = Checker.shown(outcome.stdout, total: outcome.stdoutTotal)
            report.stderr = Checker.learnerStderr(Checker.shown(outcome.stderr, total: outcome.stderrTotal), name: file.lastPathComponent)
            let analysis = RunAnalysis(outcome, caseCount: 1, limits: limits, learnerName: file.lastPathComponent, binary: binary)
            report.got = analysis.outputs[0]
            report.learnerMs = analysis.nanoseconds[0].map { Double($0) / 1e6 }
            if let got = analysis.outputs[0], let expected = report.expected {
                if let m = Comparator.judge(spec.comparison, input: input, expected: expected, got: got) {
                    report.verdict = .wrongAnswer; report.message = m
                } else { report.verdict = .passed }
            } else if let stop = analysis.stop {
                report.verdict = stop.verdict; report.message = stop.message; report.limit = stop.limit
            }
            return finish(report)
        }
    }
}

/// The cases of one check, generated (and answered by the reference) while
/// the learner's file compiles.
struct PreparedCases: Sendable {
    struct Performance: Sendable {
        /// The cases, when generated in this run (nil when read from `PerformanceCache`).
        var inputs: [JSONValue]?
        /// The reference outputs, when computed in this run.
        var expected: [JSONValue]?
        /// `expected` as harness bytes: a learner output with these bytes matches without parsing.
        var expectedBytes: [[UInt8]] = []
        /// Seconds inside the reference over all performance cases.
        var referenceSeconds: Double
        /// False when `referenceSeconds` was measured by an earlier run.
        var referenceFresh = true
        /// The cases as the JSON array sent to the learner's program.
        var bytes: [UInt8]

        var count: Int { expectedBytes.count }

        /// Case i (parsed from `bytes` when the cases came from the cache).
        func input(_ i: Int) -> JSONValue {
            if let inputs { return inputs[i] }
            if case .array(let all)? = try? JSONValue.parseHarness(bytes), i < all.count { return all[i] }
            return .null
        }

        /// All cases, parsed when needed.
        func allInputs() -> [JSONValue] {
            if let inputs { return inputs }
            if case .array(let all)? = try? JSONValue.parseHarness(bytes) { return all }
            return []
        }

        /// The reference output of case i.
        func expectedValue(_ i: Int) -> JSONValue {
            if let expected { return expected[i] }
            return (try? JSONValue.parseHarness(expectedBytes[i])) ?? .null
        }
    }
    var inputs: [JSONValue] = []
    var kinds: [CaseKind] = []
    var expected: [JSONValue] = []
    /// The cases as the JSON array sent to the learner's program.
    var bytes: [UInt8] = []
    var performance: Performance?
    /// Seconds inside the reference over `inputs`.
    var referenceSeconds = 0.0
    /// Set when the generator produced a case the reference rejects (the tool's fault).
    var problem: String?
}

extension Checker {
    func prepareCases(_ spec: ExerciseSpec, seed: UInt64) -> PreparedCases {
        var p = PreparedCases()
        var rng = SeededRandom(seed: seed)
        for g in spec.generate(&rng) { for c in g.cases { p.inputs.append(c); p.kinds.append(g.kind) } }
        for (i, c) in p.inputs.enumerated() {
            do {
                let (output, seconds) = try Checker.timedReference(spec, c)
                p.expected.append(output)
                p.referenceSeconds += seconds
            } catch {
                p.problem = "the grader generated an invalid case \(i) for \(spec.id): \(error)"
                return p
            }
        }
        p.bytes = JSONValue.array(p.inputs).harnessBytes
        guard let perf = spec.performance else { return p }
        let cacheKey = PerformanceCache.key(spec: spec, seed: seed)
        if let cached = PerformanceCache.load(cacheDirectory, key: cacheKey) {
            p.performance = cached
            return p
        }
        var perfRNG = SeededRandom(seed: seed &+ 0x5EED)
        let perfInputs = perf.cases(&perfRNG)
        var group = PreparedCases.Performance(inputs: perfInputs, expected: [], referenceSeconds: 0, bytes: [])
        for (i, c) in perfInputs.enumerated() {
            do {
                let (output, seconds) = try Checker.timedReference(spec, c)
                group.expected?.append(output)
                group.referenceSeconds += seconds
            } catch {
                p.problem = "the grader generated an invalid performance case \(i) for \(spec.id): \(error)"
                return p
            }
        }
        group.bytes = JSONValue.array(perfInputs).harnessBytes
        group.expectedBytes = (group.expected ?? []).map(\.harnessBytes)
        PerformanceCache.store(group, cacheDirectory, key: cacheKey)
        p.performance = group
        return p
    }
}

/// Prepared cases by exercise id and seed, for checks that share one set of
/// exercise specs (a batch). Two checks asking at once for the same key wait
/// for one preparation instead of doing it twice.
final class PreparedCasesMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Pending<PreparedCases>] = [:]

    func cases(_ id: String, seed: UInt64, prepare: () -> PreparedCases) -> PreparedCases {
        let key = "\(id)|\(seed)"
        lock.lock()
        if let pending = entries[key] {
            lock.unlock()
            // The reference was timed for another check, perhaps under other
            // load: a too_slow verdict times it again (see `performance`).
            var shared = pending.wait()
            shared.performance?.referenceFresh = false
            return shared
        }
        let pending = Pending<PreparedCases>()
        entries[key] = pending
        lock.unlock()
        let prepared = prepare()
        pending.fulfil(prepared)
        return prepared
    }
}

/// A value produced on another thread; `wait` blocks until it is there.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    func fulfil(_ v: Value) {
        value = v
        ready.signal()
    }

    /// Any number of callers may wait, before or after the value arrives.
    func wait() -> Value {
        ready.wait()
        ready.signal()                  // let the next waiter through too
        return value!
    }
}
