/// The result of `lectern check`: exactly the object of DESIGN.md "Verdicts",
/// plus `summary` (one human line), `growth` (for `too_slow`) and
/// `failure.shrunk`.
public struct CheckReport: Codable, Sendable, Equatable {
    public var exercise: String
    public var verdict: Verdict
    public var score: Double
    public var maxScore: Double
    public var cases: CaseCount
    public var failure: CaseFailure?
    public var diagnostics: [Diagnostic]
    public var limit: LimitHit?
    public var seed: UInt64
    public var durationMs: Int
    /// The learner's own stdout, cut at the soft cap (the cut is marked).
    public var stdout: String
    /// The learner's own stderr, cut at the soft cap (the cut is marked).
    public var stderr: String
    /// One line for a person: "passed 40/40 cases", "wrong answer on case 13 (hidden)".
    public var summary: String
    /// For `too_slow`: how the learner's and the reference's times grow.
    public var growth: String?
    /// True when this report was reused for an unchanged file (`ReportCache`).
    public var reused: Bool = false
    /// True when the learner binary came from the compile cache (the file's
    /// text was compiled before), so no compiler ran.
    public var binaryReused: Bool = false
    /// Cases passed per group, in run order (example, edge, hidden, performance);
    /// empty when nothing ran (a compile error). Partial credit is computed from it.
    public var groups: [GroupResult] = []
    /// What the sandbox could not enforce on this machine ("reads and writes are not
    /// confined: landlock unavailable"); empty when every protection was in place.
    public var sandbox: [String] = []
    /// The exercise's notes on the usual causes of this verdict (`ExerciseSpec.notes`).
    public var notes: [String] = []

    public init(exercise: String, verdict: Verdict, score: Double = 0, maxScore: Double,
                cases: CaseCount = CaseCount(passed: 0, total: 0), failure: CaseFailure? = nil,
                diagnostics: [Diagnostic] = [], limit: LimitHit? = nil, seed: UInt64, durationMs: Int = 0,
                stdout: String = "", stderr: String = "", summary: String, growth: String? = nil) {
        self.exercise = exercise; self.verdict = verdict; self.score = score; self.maxScore = maxScore
        self.cases = cases; self.failure = failure; self.diagnostics = diagnostics; self.limit = limit
        self.seed = seed; self.durationMs = durationMs; self.stdout = stdout; self.stderr = stderr
        self.summary = summary; self.growth = growth
    }

    /// The report as an ordered JSON object; absent optional fields are
    /// `null`, as DESIGN.md shows, so a reader can rely on every key.
    public var jsonValue: JSONValue {
        func j<T: Encodable>(_ v: T?) -> JSONValue {
            guard let v else { return .null }
            return (try? JSONValue(encoding: v)) ?? .null
        }
        var failureValue = JSONValue.null
        if let f = failure {
            failureValue = .object([
                ("case", .int(f.case)), ("group", .string(f.group)), ("input", f.input),
                ("expected", f.expected ?? .null), ("got", f.got ?? .null),
                ("message", .string(f.message)), ("shrunk", .bool(f.shrunk)),
            ])
        }
        return .object([
            ("exercise", .string(exercise)), ("verdict", .string(verdict.rawValue)),
            ("score", .double(score)), ("maxScore", .double(maxScore)),
            ("cases", .object([("passed", .int(cases.passed)), ("total", .int(cases.total))])),
            ("failure", failureValue),
            ("diagnostics", .array(diagnostics.map { d in
                .object([("file", .string(d.file)), ("line", .int(d.line)), ("column", .int(d.column)),
                         ("severity", .string(d.severity.rawValue)), ("message", .string(d.message))])
            })),
            ("limit", limit.map { l in
                .object([("name", .string(l.name.rawValue)), ("value", l.value == l.value.rounded() ? .int(Int(l.value)) : .double(l.value)),
                         ("unit", .string(l.unit))])
            } ?? .null),
            ("seed", seed <= UInt64(Int.max) ? .int(Int(seed)) : j(seed)),
            ("durationMs", .int(durationMs)),
            ("stdout", .string(stdout)), ("stderr", .string(stderr)),
            ("summary", .string(summary)), ("growth", growth.map(JSONValue.string) ?? .null),
            ("reused", .bool(reused)),
            ("groups", .array(groups.map { g in
                .object([("group", .string(g.group)), ("passed", .int(g.passed)), ("total", .int(g.total))])
            })),
            ("sandbox", .array(sandbox.map(JSONValue.string))),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}

/// The learner's output beside the reference output for one case (`lectern try`).
public struct TryReport: Codable, Sendable, Equatable {
    public var exercise: String
    public var input: JSONValue
    /// The reference output; nil when the case is invalid.
    public var expected: JSONValue?
    /// The learner's output; nil when the program produced none.
    public var got: JSONValue?
    /// `passed` when they agree, `wrong_answer` when they differ, or what stopped the program.
    public var verdict: Verdict
    /// The diff, trap message, or what is wrong with the input.
    public var message: String
    /// Set when the input is not a valid case; `lectern try` exits 2.
    public var invalidInput: String?
    public var diagnostics: [Diagnostic]
    public var limit: LimitHit?
    public var stdout: String
    public var stderr: String
    /// Time spent inside the learner's function, in milliseconds.
    public var learnerMs: Double?
    public var durationMs: Int

    public init(exercise: String, input: JSONValue, expected: JSONValue? = nil, got: JSONValue? = nil,
                verdict: Verdict, message: String = "", invalidInput: String? = nil,
                diagnostics: [Diagnostic] = [], limit: LimitHit? = nil, stdout: String = "",
                stderr: String = "", learnerMs: Double? = nil, durationMs: Int = 0) {
        self.exercise = exercise; self.input = input; self.expected = expected; self.got = got
        self.verdict = verdict; self.message = message; self.invalidInput = invalidInput
        self.diagnostics = diagnostics; self.limit = limit; self.stdout = stdout; self.stderr = stderr
        self.learnerMs = learnerMs; self.durationMs = durationMs
    }
}

/// How many cases of one group passed.
public struct GroupResult: Codable, Sendable, Equatable {
    /// `example`, `edge`, `hidden` or `performance`.
    public var group: String
    public var passed: Int
    public var total: Int
    public init(group: String, passed: Int, total: Int) { self.group = group; self.passed = passed; self.total = total }
    /// Every case of the group passed.
    public var complete: Bool { passed == total }
}
