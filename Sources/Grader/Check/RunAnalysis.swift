import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a raw `SandboxOutcome` into outputs and, when the program did not
/// return every result, the reason: a limit, a trap, an early exit or a
/// tampered channel.
struct RunAnalysis {
    /// Why the run stopped early; `verdict` is never `passed` or `wrongAnswer`.
    struct Stop {
        var verdict: Verdict
        var message: String
        var limit: LimitHit?
    }

    /// Output of case i, when the program returned it.
    var outputs: [JSONValue?]
    /// Nanoseconds inside the learner's function for case i.
    var nanoseconds: [UInt64?]
    var stop: Stop?
    /// Index of the case that was running when the program stopped.
    var stoppedAt: Int?

    /// Case i's output is byte for byte the reference's compact JSON (so it
    /// needs no parsing and no comparison).
    var identical: [Bool]

    /// - Parameter expected: the reference outputs and their compact bytes;
    ///   an output with the same bytes is taken as is.
    init(_ o: SandboxOutcome, caseCount: Int, limits: SandboxLimits, learnerName: String, binary: String? = nil,
         expected: (values: [JSONValue]?, bytes: [[UInt8]])? = nil) {
        outputs = Array(repeating: nil, count: caseCount)
        nanoseconds = Array(repeating: nil, count: caseCount)
        identical = Array(repeating: false, count: caseCount)
        var malformed = false
        for r in o.results {
            guard r.index >= 0, r.index < caseCount, outputs[r.index] == nil else { malformed = true; continue }
            if let expected, r.index < expected.bytes.count, r.body == expected.bytes[r.index] {
                // Identical bytes: the value is the reference's (parsed only if it is known already).
                outputs[r.index] = expected.values?[r.index] ?? .null
                nanoseconds[r.index] = r.nanoseconds
                identical[r.index] = true
                continue
            }
            guard let value = try? JSONValue.parseHarness(r.body) else { malformed = true; continue }
            outputs[r.index] = value
            nanoseconds[r.index] = r.nanoseconds
        }
        let returned = outputs.firstIndex(where: { $0 == nil }) ?? caseCount
        stop = RunAnalysis.reason(o, complete: returned == caseCount && !malformed, limits: limits,
                                  learnerName: learnerName, binary: binary)
        if stop != nil { stoppedAt = min(returned, caseCount - 1) }
    }

    static func seconds(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    static func reason(_ o: SandboxOutcome, complete: Bool, limits: SandboxLimits, learnerName: String,
                       binary: String?) -> Stop? {
        let stderrText = String(decoding: o.stderr, as: UTF8.self)
        if let e = o.harnessError {
            return Stop(verdict: .internalError, message: "the harness could not read a case: \(e)")
        }
        if o.outputExceeded {
            return Stop(verdict: .outputLimit,
                        message: "your program printed more than \(limits.outputHardBytes >> 20) MiB; printing is for debugging, keep it small",
                        limit: LimitHit(name: .output, value: Double(limits.outputHardBytes >> 20), unit: "MiB"))
        }
        if o.resultsExceeded {
            return Stop(verdict: .outputLimit, message: "your function returned more than \(limits.resultsBytes >> 20) MiB of results",
                        limit: LimitHit(name: .output, value: Double(limits.resultsBytes >> 20), unit: "MiB"))
        }
        if o.folderExceeded {
            let mib = Double(limits.folderBytes >> 20)
            return Stop(verdict: .outputLimit,
                        message: "your program wrote more than \(Int(mib)) MiB of files in its working folder; files are for scratch work, keep them small",
                        limit: LimitHit(name: .output, value: mib, unit: "MiB"))
        }
        if o.wallTimedOut {
            return Stop(verdict: .timeout, message: "your program did not finish within \(Int(limits.wallSeconds)) s (an infinite loop?)",
                        limit: LimitHit(name: .wallTime, value: seconds(limits.wallSeconds), unit: "s"))
        }
        let signal = o.signal ?? o.crash?.signal
        let cpuLimit = Double(Int(limits.cpuSeconds.rounded(.up)))
        if signal == SIGXCPU || (o.signal == SIGKILL && o.cpuSeconds >= cpuLimit - 0.05) {
            return Stop(verdict: .timeout, message: "your program used more than \(Int(cpuLimit)) s of CPU time (an infinite loop?)",
                        limit: LimitHit(name: .cpuTime, value: cpuLimit, unit: "s"))
        }
        if o.signal == SIGSYS {
            return Stop(verdict: .runtimeError,
                        message: "your program tried to start another process (fork/exec), which is not allowed while grading; it was stopped",
                        limit: LimitHit(name: .processes, value: 0, unit: "processes"))
        }
        let mib = Double(limits.memoryBytes >> 20)
        let outOfMemory = stderrText.contains("Could not allocate memory") || stderrText.contains("allocation failed")
            || stderrText.contains("failed to allocate")
            || stderrText.contains("out of memory") || stderrText.contains("std::bad_alloc")
            || (signal != nil && !stderrText.contains("Fatal error") && o.maxRSSBytes >= limits.memoryBytes * 8 / 10
                && ownPeakRSSBytes() < limits.memoryBytes * 6 / 10)
        if outOfMemory {
            return Stop(verdict: .memoryLimit, message: "your program ran out of its \(Int(mib)) MiB of memory",
                        limit: LimitHit(name: .memory, value: mib, unit: "MiB"))
        }
        if signal == SIGXFSZ {
            return Stop(verdict: .outputLimit, message: "your program wrote a file larger than \(limits.fileSizeBytes >> 20) MiB",
                        limit: LimitHit(name: .output, value: Double(limits.fileSizeBytes >> 20), unit: "MiB"))
        }
        if let signal {
            var located: TrapLocator.Location?
            if let binary, let crash = o.crash, crash.pc > crash.imageBase, crash.imageBase > 0 {
                located = TrapLocator.locate(binary: binary, offset: crash.pc - crash.imageBase, learnerName: learnerName)
            }
            return Stop(verdict: .runtimeError, message: trapMessage(signal: signal, crash: o.crash, stderr: stderrText,
                                                                    learnerName: learnerName, located: located))
        }
        if o.forged {
            return Stop(verdict: .runtimeError,
                        message: "the grader's results channel received text it did not send (forged or corrupted results); write only your function's return value")
        }
        if !o.ended || !complete {
            let status = o.exitCode.map { " (exit status \($0))" } ?? ""
            return Stop(verdict: .runtimeError,
                        message: "your program exited\(status) before returning every result; do not call exit() or close the grader's channels")
        }
        return nil
    }

    static func signalName(_ s: Int32) -> String {
        switch s {
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGABRT: "SIGABRT"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGKILL: "SIGKILL"
        default: "signal \(s)"
        }
    }

    /// "Fatal error: Index out of range (line 7 of deque.swift; signal SIGILL)".
    static func trapMessage(signal: Int32, crash: SandboxOutcome.Crash?, stderr: String, learnerName: String,
                            located: TrapLocator.Location? = nil) -> String {
        if signal == SIGSEGV, crash?.stack == true {
            let at = located?.line.map { " at line \($0) of \(learnerName)" } ?? ""
            return "stack overflow (deep recursion?)\(at) — signal SIGSEGV"
        }
        var text: String
        if let fatal = stderr.split(separator: "\n").last(where: { $0.contains("Fatal error:") }) {
            let line = String(fatal)
            let r = line.range(of: "Fatal error:")!
            var message = line[r.lowerBound...].trimmingCharacters(in: .whitespaces)
            if message.hasSuffix(":") { message.removeLast() }
            text = message
            // "Solution/deque.swift:12: Fatal error: ..." names the learner's line.
            let location = line[..<r.lowerBound]
            if location.contains(learnerName) {
                let parts = location.split(separator: ":")
                if parts.count >= 2, let n = Int(parts[parts.count - 1].trimmingCharacters(in: .whitespaces)) {
                    text += " (line \(n) of \(learnerName))"
                }
            }
        } else if let reason = located?.reason {
            text = "Fatal error: " + reason.prefix(1).uppercased() + reason.dropFirst()
        } else {
            switch signal {
            case SIGILL, SIGTRAP:
                text = "a Swift runtime check failed (arithmetic overflow, division by zero, force-unwrapping nil, or an index out of range)"
            case SIGSEGV, SIGBUS: text = "invalid memory access (segmentation fault)"
            case SIGFPE: text = "arithmetic error (division by zero)"
            case SIGABRT: text = "the program aborted"
            case SIGKILL: text = "the program was killed"
            default: text = "the program was stopped by \(signalName(signal))"
            }
        }
        if !text.contains("(line "), let line = located?.line { text += " (line \(line) of \(learnerName))" }
        return text + " — signal \(signalName(signal))"
    }
}

/// This process's own peak resident size. Linux records the parent's
/// high-water mark in a child's `ru_maxrss` when the child execs (the
/// spawned process starts on the parent's address space), so a child's
/// peak is only evidence of running out of memory when the grader itself is
/// well below the limit (a large test process or app would otherwise make
/// every crash look like `memory_limit`).
func ownPeakRSSBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}
