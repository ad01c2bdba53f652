import Foundation

/// Shrinking a failing hidden case before it is shown.
///
/// Greedy: ask the spec for smaller valid variants of the current failing
/// case (`ExerciseSpec.shrink`: halves, single elements dropped, numbers
/// toward 0, rows and columns dropped), run the learner on all of them in
/// ONE sandboxed run, and move to the first variant that still fails the
/// same way (a wrong answer, or a crash for a runtime error). Stop when no
/// variant fails, after `maxRounds`, or when the time budget is spent; the
/// smallest failing case found so far is shown.
extension Checker {
    static let maxShrinkRounds = 60
    static let maxCandidatesPerRound = 48

    func shrink(_ spec: ExerciseSpec, binary: String, failure: CaseFailure, crash: Bool, limits: SandboxLimits,
                learnerName: String) -> CaseFailure {
        let deadline = ContinuousClock.now + .milliseconds(Int(shrinkSeconds * 1000))
        var current = failure
        var seen: Set<JSONValue> = [failure.input]
        var runLimits = limits
        runLimits.wallSeconds = min(limits.wallSeconds, 5)
        for _ in 0..<Checker.maxShrinkRounds {
            guard ContinuousClock.now < deadline else { break }
            var candidates: [JSONValue] = []
            for c in spec.shrink(current.input) where !seen.contains(c) && spec.check(c) == nil {
                seen.insert(c)
                candidates.append(c)
                if candidates.count == Checker.maxCandidatesPerRound { break }
            }
            if candidates.isEmpty { break }
            guard let outcome = try? Sandbox.run(binary: binary, cases: JSONValue.array(candidates).harnessBytes,
                                                 limits: runLimits) else { break }
            let analysis = RunAnalysis(outcome, caseCount: candidates.count, limits: runLimits, learnerName: learnerName, binary: binary)
            var next: CaseFailure?
            for (i, c) in candidates.enumerated() {
                if let stoppedAt = analysis.stoppedAt, i >= stoppedAt {
                    if crash, i == stoppedAt, let stop = analysis.stop, stop.verdict == .runtimeError {
                        let expected = try? spec.reference(c)
                        next = CaseFailure(case: failure.case, group: failure.group, input: c, expected: expected,
                                           got: nil, message: stop.message, shrunk: true)
                    }
                    break
                }
                guard !crash, let got = analysis.outputs[i], let expected = try? spec.reference(c) else { continue }
                if let m = Comparator.judge(spec.comparison, input: c, expected: expected, got: got) {
                    next = CaseFailure(case: failure.case, group: failure.group, input: c, expected: expected,
                                       got: got, message: m, shrunk: true)
                    break
                }
            }
            guard let found = next else { break }
            current = found
        }
        return current
    }
}
