import Testing
@testable import Grader

/// The pieces of the compile-and-run protocol that need no compiler: the
/// results framing, diagnostics parsing, trap symbolization and harness text.
struct HarnessProtocolTests {
    let nonce = Array("LNabc".utf8)

    func frames(_ text: String) -> SandboxOutcome {
        var o = SandboxOutcome()
        Sandbox.parseFrames(Array(text.utf8), nonce: nonce, into: &o)
        return o
    }

    @Test func wellFormedResults() {
        let o = frames("LNabc R 0 120 5\n[1,2]\nLNabc R 1 80 2\n[]\nLNabc END 2\n")
        #expect(o.results.count == 2 && o.ended && !o.forged)
        #expect(o.results[0].nanoseconds == 120)
        #expect(String(decoding: o.results[0].body, as: UTF8.self) == "[1,2]")
    }

    @Test func resultsWithoutTheNonceAreForged() {
        #expect(frames("LNxyz R 0 1 3\n[1]\nLNxyz END 1\n").forged)
        #expect(frames("R 0 1 3\n[1]\n").forged)
        // A length that does not match the body.
        #expect(frames("LNabc R 0 1 9\n[1]\nLNabc END 1\n").forged)
        // END claiming more results than were sent.
        let o = frames("LNabc R 0 1 3\n[1]\nLNabc END 5\n")
        #expect(o.forged && !o.ended)
    }

    @Test func missingEndMeansEarlyExit() {
        let o = frames("LNabc R 0 1 3\n[1]\n")
        #expect(!o.ended && !o.forged && o.results.count == 1)
    }

    @Test func signalFrame() {
        let o = frames("LNabc SIG b 55d4 7ffc stack 55d0\n")
        #expect(o.crash?.signal == 11 && o.crash?.stack == true && o.crash?.imageBase == 0x55d0 && o.crash?.pc == 0x55d4)
    }

    @Test func diagnosticsKeepOnlyTheLearnerFile() {
        let text = """
            /deque.swift:6:12: error: cannot find 'reslt' in scope
            /deque.swift:2:9: warning: variable 'x' was never used
            /__lectern_harness.swift:9:40: error: cannot find 'maxSlidingWindow' in scope
            """
        let sig = Signature(function: "maxSlidingWindow", parameters: [.init("nums", "[Int]"), .init("k", "Int")], returns: "[Int]")
        let d = Compiler.diagnostics(text, learnerCopy: "/deque.swift", learnerPath: "Exercises/s/deque.swift", signature: sig)
        #expect(d.count == 2)
        #expect(d[0] == Diagnostic(file: "Exercises/s/deque.swift", line: 6, column: 12, severity: .error,
                                   message: "cannot find 'reslt' in scope"))
        // Only harness errors: the learner is told the declaration to write.
        let h = Compiler.diagnostics("/__lectern_harness.swift:9:40: error: cannot find 'maxSlidingWindow' in scope",
                                     learnerCopy: "/deque.swift", learnerPath: "deque.swift", signature: sig)
        #expect(h.count == 1 && h[0].message.contains("func maxSlidingWindow(nums: [Int], k: Int) -> [Int]"))
        #expect(h[0].file == "deque.swift")
    }

    @Test func symbolizerOutputNamesCheckAndLine() {
        let out = """
            Swift runtime failure: Index out of range
            /<compiler-generated>:0:0
            subscript.get
            /<compiler-generated>:0:0
            maxSlidingWindow
            /tmp/build/trap.swift:6:61

            """
        #expect(TrapLocator.parse(out, learnerName: "trap.swift") == .init(reason: "Index out of range", line: 6))
        #expect(TrapLocator.parse("??\n??:0:0\n", learnerName: "trap.swift") == .init(reason: nil, line: nil))
    }

    @Test func harnessUsesOnlyReservedNames() {
        let sig = Signature(function: "step", parameters: [.init("x", "Matrix"), .init("lr", "Double")], returns: "StepResult",
                            supportTypes: "struct StepResult: Codable { var loss: Double }")
        let text = HarnessGenerator.source(for: sig)
        #expect(text.contains("let __a0 = try __lecternArgument(Matrix.self, __c[\"x\"], \"x\")"))
        #expect(text.contains("__r = step(x: __a0, lr: __a1)"))
        #expect(text.contains("struct StepResult: Codable"))
        #expect(HarnessGenerator.reservedNameLine(in: "func f() {}\nlet __lecternX = 1\n") == 2)
        #expect(HarnessGenerator.reservedNameLine(in: "struct Case {}\nfunc run() {}\n") == nil)
    }

    @Test func limitsTakeOverrides() {
        let l = SandboxLimits().applying(LimitOverrides(cpuSeconds: 30, memoryBytes: 2 << 30))
        #expect(l.cpuSeconds == 30 && l.memoryBytes == 2 << 30 && l.wallSeconds == 20)
    }
}
