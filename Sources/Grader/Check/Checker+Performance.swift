import Foundation
import Tensor

/// The performance group: large cases timed inside the harness (only the
/// learner's call) against the reference timed in this process on the same
/// cases. Slower than `slack` × the reference and `slowFloorSeconds` ⇒
/// `too_slow`; a performance case that hits the time limit is `too_slow` too
/// (the smaller cases passed). Either way the ladder is run to estimate how
/// time grows: the least-squares slope of log t against log n.
extension Checker {
    func performance(_ spec: ExerciseSpec, perf: PerformanceSpec, binary: String, group: PreparedCases.Performance,
                     firstIndex: Int, limits: SandboxLimits, learnerName: String, report: inout CheckReport) -> CheckReport? {
        var referenceSeconds = group.referenceSeconds
        // Anything slower than slack × the reference fails anyway, so the run
        // gets a CPU budget of three times that (at least 2 s, at most the
        // exercise's limit): a hopeless solution is told in seconds, not after 10.
        var runLimits = limits
        runLimits.cpuSeconds = min(limits.cpuSeconds, max(2, (3 * perf.slack * referenceSeconds + 1).rounded(.up)))
        runLimits.wallSeconds = min(limits.wallSeconds, 2 * runLimits.cpuSeconds + 2)
        guard let outcome = try? Sandbox.run(binary: binary, cases: group.bytes, limits: runLimits) else {
            var r = report
            r.verdict = .internalError
            r.summary = "cannot run the performance cases"
            return r
        }
        let analysis = RunAnalysis(outcome, caseCount: group.count, limits: runLimits, learnerName: learnerName, binary: binary,
                                   expected: (group.expected, group.expectedBytes))
        var passed = 0
        for i in 0..<group.count {
            guard let got = analysis.outputs[i] else { continue }
            if !analysis.identical[i] {
                let input = group.input(i), expected = group.expectedValue(i)
                if let m = Comparator.judge(spec.comparison, input: input, expected: expected, got: got) {
                    var r = report
                    r.cases.passed += passed
                    r.verdict = .wrongAnswer
                    r.failure = CaseFailure(case: firstIndex + i, group: CaseKind.performance.rawValue,
                                            input: Checker.abbreviated(input), expected: Checker.abbreviated(expected),
                                            got: Checker.abbreviated(got), message: m)
                    r.summary = "wrong answer on case \(firstIndex + i) (performance)"
                    return r
                }
            }
            passed += 1
        }
        let learnerSeconds = analysis.nanoseconds.compactMap { $0 }.reduce(0) { $0 + Double($1) } / 1e9
        var r = report
        r.cases.passed += passed
        if let stop = analysis.stop, let i = analysis.stoppedAt {
            r.limit = stop.limit
            r.stdout = Checker.shown(outcome.stdout, total: outcome.stdoutTotal)
            r.stderr = Checker.learnerStderr(Checker.shown(outcome.stderr, total: outcome.stderrTotal), name: learnerName)
            if stop.verdict == .timeout {
                r.verdict = .tooSlow
                r.failure = CaseFailure(case: firstIndex + i, group: CaseKind.performance.rawValue,
                                        input: Checker.abbreviated(group.input(i)), expected: nil, got: nil,
                                        message: "your function did not finish this case within the \(stop.limit?.words ?? "time limit"); the reference needs \(Checker.format(referenceSeconds)) for all \(group.count) performance cases")
                r.growth = growth(spec, perf: perf, binary: binary, limits: limits, learnerName: learnerName)
                r.summary = "too slow: performance case \(firstIndex + i) did not finish within the \(stop.limit?.words ?? "time limit"); the reference needs \(Checker.format(referenceSeconds)) for all \(group.count)"
            } else {
                r.verdict = stop.verdict
                r.failure = CaseFailure(case: firstIndex + i, group: CaseKind.performance.rawValue,
                                        input: Checker.abbreviated(group.input(i)), expected: nil, got: nil, message: stop.message)
                r.summary = "\(stop.verdict.words) on case \(firstIndex + i) (performance)"
            }
            return r
        }
        if learnerSeconds > perf.slack * referenceSeconds, learnerSeconds > slowFloorSeconds, !group.referenceFresh {
            // The reference time came from an earlier run: measure it again now,
            // under today's load, before calling the learner slow.
            var fresh = 0.0
            for c in group.allInputs() { fresh += (try? Checker.timedReference(spec, c).seconds) ?? 0 }
            referenceSeconds = fresh
        }
        if learnerSeconds > perf.slack * referenceSeconds, learnerSeconds > slowFloorSeconds {
            r.verdict = .tooSlow
            r.failure = CaseFailure(case: firstIndex, group: CaseKind.performance.rawValue,
                                    input: Checker.abbreviated(group.input(0)), expected: nil, got: nil,
                                    message: "your function took \(Checker.format(learnerSeconds)) on the performance cases; the reference takes \(Checker.format(referenceSeconds)) (allowed: \(Checker.number(perf.slack))× that)")
            r.growth = growth(spec, perf: perf, binary: binary, limits: limits, learnerName: learnerName)
            r.summary = "too slow: yours took \(Checker.format(learnerSeconds)) on the \(group.count) performance cases, the reference \(Checker.format(referenceSeconds)) (allowed: \(Checker.number(perf.slack))×)"
            return r
        }
        report.cases.passed += passed
        return nil
    }

    /// "time grows like n^2.0 from n = 1000 to 8000; the reference like n^1.0".
    func growth(_ spec: ExerciseSpec, perf: PerformanceSpec, binary: String, limits: SandboxLimits,
                learnerName: String) -> String? {
        var rng = SeededRandom(seed: 0x1ADD_E4)
        let rungs = perf.ladder(&rng)
        guard rungs.count >= 2 else { return nil }
        var referenceTimes: [Double] = []
        for rung in rungs {
            // Repeat small rungs until 20 ms have passed, keep the fastest run.
            var best = Double.infinity
            var spent = 0.0
            var runs = 0
            while runs < 1 || (spent < 0.02 && runs < 50) {
                let t = (try? Checker.timedReference(spec, rung.input).seconds) ?? 0
                best = min(best, t); spent += t; runs += 1
            }
            referenceTimes.append(best)
        }
        var ladderLimits = limits
        ladderLimits.wallSeconds = min(limits.wallSeconds, 15)
        // Each rung runs three times (smallest to largest, then again); the
        // fastest of the three is kept, which steadies the slope on a busy machine.
        let repeats = 3
        let sequence = (0..<repeats).flatMap { _ in rungs.map(\.input) }
        guard let outcome = try? Sandbox.run(binary: binary, cases: JSONValue.array(sequence).harnessBytes,
                                             limits: ladderLimits) else { return nil }
        let analysis = RunAnalysis(outcome, caseCount: sequence.count, limits: ladderLimits, learnerName: learnerName, binary: binary)
        var points: [(Double, Double)] = []
        for (i, rung) in rungs.enumerated() {
            let times = (0..<repeats).compactMap { analysis.nanoseconds[$0 * rungs.count + i] }.filter { $0 > 0 }
            guard let best = times.min() else { break }
            points.append((Double(rung.n), Double(best) / 1e9))
        }
        let name = perf.sizeName
        guard points.count >= 2 else {
            return "even the ladder's smallest sizes (\(name) = \(rungs[0].n), …) ran out of time"
        }
        let learnerExponent = Checker.slope(points)
        let referenceExponent = Checker.slope(zip(rungs, referenceTimes).map { (Double($0.n), max($1, 1e-9)) })
        let last = Int(points.last!.0)
        return "time grows like \(name)^\(String(format: "%.1f", learnerExponent)) from \(name) = \(rungs[0].n) to \(last); the reference like \(name)^\(String(format: "%.1f", referenceExponent))"
    }

    /// The reference output and the seconds inside the Engine call (JSON
    /// excluded when the spec can tell them apart).
    static func timedReference(_ spec: ExerciseSpec, _ input: JSONValue) throws(CaseProblem) -> (output: JSONValue, seconds: Double) {
        if let timed = spec.timedReference { return try timed(input) }
        let t0 = ContinuousClock.now
        let output = try spec.reference(input)
        return (output, seconds(ContinuousClock.now - t0))
    }

    /// "1000000 integers", "300 numbers", "1000 × 64 numbers", "12 items".
    static func shape(_ items: [JSONValue]) -> String {
        func kind(_ v: JSONValue) -> String? {
            switch v {
            case .int: "integers"
            case .double: "numbers"
            case .string: "strings"
            case .bool: "booleans"
            default: nil
            }
        }
        let kinds = Set(items.map(kind))
        if kinds.count == 1, let k = kinds.first!, items.count > 0 { return "\(items.count) \(k)" }
        let widths = Set(items.map { v -> Int in if case .array(let row) = v { row.count } else { -1 } })
        if widths.count == 1, let w = widths.first, w >= 0 {
            let inner = Set(items.flatMap { v -> [String?] in if case .array(let row) = v { row.map(kind) } else { [] } })
            let name = inner.count == 1 ? (inner.first! ?? "items") : "items"
            return "\(items.count) × \(w) \(name)"
        }
        return "\(items.count) items"
    }

    /// Least-squares slope of log t against log n.
    static func slope(_ points: [(Double, Double)]) -> Double {
        let xs = points.map { log($0.0) }, ys = points.map { log(max($0.1, 1e-9)) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        var num = 0.0, den = 0.0
        for i in xs.indices { num += (xs[i] - mx) * (ys[i] - my); den += (xs[i] - mx) * (xs[i] - mx) }
        return den == 0 ? 0 : num / den
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func format(_ s: Double) -> String {
        s < 1 ? "\(Int((s * 1000).rounded())) ms" : String(format: "%.2f s", s)
    }

    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    /// A large input cut for display: an array longer than 8 items becomes
    /// its shape, the string "‹1000000 integers›" (`CheckReport.humanText`
    /// prints it without quotes).
    static func abbreviated(_ v: JSONValue) -> JSONValue {
        switch v {
        case .array(let items) where items.count > 8:
            return .string("‹\(shape(items))›")
        case .array(let items): return .array(items.map(abbreviated))
        case .object(let pairs): return .object(pairs.map { ($0.0, abbreviated($0.1)) })
        default: return v
        }
    }
}
