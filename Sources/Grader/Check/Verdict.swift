/// The outcome of checking one learner file (DESIGN.md "Verdicts").
///
/// Every case except `internalError` is the learner's result; `internalError`
/// is always the tool's own fault.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case passed
    case wrongAnswer = "wrong_answer"
    case compileError = "compile_error"
    case runtimeError = "runtime_error"
    case timeout
    case memoryLimit = "memory_limit"
    case outputLimit = "output_limit"
    case tooSlow = "too_slow"
    case internalError = "internal_error"

    /// Words for a person ("wrong answer").
    public var words: String {
        switch self {
        case .passed: "passed"
        case .wrongAnswer: "wrong answer"
        case .compileError: "compile error"
        case .runtimeError: "runtime error"
        case .timeout: "timeout"
        case .memoryLimit: "memory limit exceeded"
        case .outputLimit: "output limit exceeded"
        case .tooSlow: "too slow"
        case .internalError: "internal error"
        }
    }

    /// The exit code of `lectern check`: 0 passed, 1 any other learner
    /// verdict, 3 the tool's own fault.
    public var exitCode: Int32 {
        switch self {
        case .passed: 0
        case .internalError: 3
        default: 1
        }
    }
}

/// Where `Checker.check` is, for progress display.
public enum CheckPhase: Sendable, Equatable {
    /// Building the Tensor/LecternKit toolkit: once per machine and lectern build, several seconds.
    case preparingToolkit
    case compiling
    case running(done: Int, total: Int)
    case comparing

    /// What to tell the learner while the toolkit builds.
    public static let toolkitMessage = "preparing the grader toolkit, once per machine (about 10 s)…"
}

/// How many cases passed out of how many.
public struct CaseCount: Codable, Sendable, Equatable {
    public var passed: Int
    public var total: Int
    public init(passed: Int, total: Int) { self.passed = passed; self.total = total }
}

/// The first failing case, shrunk when it was a hidden random case.
public struct CaseFailure: Codable, Sendable, Equatable {
    /// Index of the case among all cases of the run (examples first).
    public var `case`: Int
    /// The group: `example`, `edge`, `hidden` or `performance`.
    public var group: String
    public var input: JSONValue
    /// The reference output; null when none applies (a crash before output).
    public var expected: JSONValue?
    /// The learner's output; null when the program produced none.
    public var got: JSONValue?
    /// A readable diff or the trap message.
    public var message: String
    /// True when `input` is a smaller variant of the generated case.
    public var shrunk: Bool

    public init(case index: Int, group: String, input: JSONValue, expected: JSONValue?, got: JSONValue?,
                message: String, shrunk: Bool = false) {
        self.case = index; self.group = group; self.input = input; self.expected = expected
        self.got = got; self.message = message; self.shrunk = shrunk
    }
}

/// One compiler message, pointing at the learner's file.
public struct Diagnostic: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// The text of the learner's line `line`, shown under the message with a
    /// caret under `column`; nil when the line is unknown.
    public var sourceLine: String?

    /// How serious a compiler message is; the raw values are the compiler's words.
    public enum Severity: String, Codable, Sendable, CaseIterable {
        case error, warning, note
    }

    public init(file: String, line: Int, column: Int, severity: Severity, message: String, sourceLine: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.severity = severity
        self.message = message; self.sourceLine = sourceLine
    }

    /// "   4 |     let y = x + 1" and a caret line under `column`, or no lines.
    public var excerpt: [String] {
        guard let sourceLine, line > 0 else { return [] }
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        var lines = ["\(number) | \(sourceLine)"]
        if column >= 1 {
            // Tabs stay tabs so the caret lines up under them in any terminal.
            let lead = sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("\(gutter) | \(lead)^")
        }
        return lines
    }
}

/// An advice for the learner attached to an exercise: shown with the
/// verdicts it explains, e.g. for a deque that is `too_slow`: "Array.removeFirst()
/// is O(n); keep a head index instead".
public struct VerdictNote: Sendable, Equatable {
    public var verdicts: [Verdict]
    public var text: String
    public init(_ verdicts: [Verdict], _ text: String) { self.verdicts = verdicts; self.text = text }
}

/// The sandbox limit that ended a run.
public struct LimitHit: Codable, Sendable, Equatable {
    /// The limits a run can hit; the raw values are DESIGN.md's JSON names.
    public enum Name: String, Codable, Sendable, CaseIterable {
        case cpuTime = "cpu_time", wallTime = "wall_time", memory, output, processes
    }
    public var name: Name
    public var value: Double
    public var unit: String
    public init(name: Name, value: Double, unit: String) { self.name = name; self.value = value; self.unit = unit }

    /// "wall time limit of 20 s".
    public var words: String {
        let v = value == value.rounded() ? String(Int(value)) : String(value)
        return "\(name.rawValue.replacingOccurrences(of: "_", with: " ")) limit of \(v) \(unit)"
    }
}
