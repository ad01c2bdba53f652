import Foundation
import Testing

/// `lectern reference`: the contract other tools rely on (CATALOG.md).
@Suite struct ReferenceCommandTests {
    @Test func dequeAnswersTheWorkedExample() throws {
        let r = try LecternProcess.run(["reference", "sliding-window-max/deque"],
                                       stdin: #"[{"nums":[1,3,-1,-3,5,3,6,7],"k":3}]"#)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[[3,3,5,5,6,7]]\n")
    }

    @Test func naiveAndMaxPoolAnswerTheirExamples() throws {
        let naive = try LecternProcess.run(["reference", "sliding-window-max/naive"],
                                           stdin: #"[{"nums":[4,2,12,3],"k":2},{"nums":[5],"k":1}]"#)
        #expect(naive.stdout == "[[4,12,12],[5]]\n")
        let pool = try LecternProcess.run(["reference", "sliding-window-max/max-pool-2d"],
                                          stdin: #"[{"grid":[[1,2,3],[4,5,6],[7,8,9]],"k":2}]"#)
        #expect(pool.stdout == "[[[5,6],[8,9]]]\n")
    }

    @Test(arguments: [
        (#"[{"nums":[1,2],"k":1},{"nums":[1,2,3],"k":0}]"#, "case 1", "k"),
        (#"[{"nums":[1,2,3],"k":4}]"#, "case 0", "k"),
        (#"[{"nums":[1,2,3]}]"#, "case 0", "k"),
        (#"[{"nums":[1,"x",3],"k":2}]"#, "case 0", "nums[1]"),
        (#"[{"nums":[1,2,3],"k":"2"}]"#, "case 0", "k"),
    ])
    func badCasesExitTwoNamingCaseAndField(input: String, caseName: String, field: String) throws {
        let r = try LecternProcess.run(["reference", "sliding-window-max/deque"], stdin: input)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(caseName), "\(r.stderr)")
        #expect(r.stderr.contains("'\(field)'"), "\(r.stderr)")
    }

    @Test func malformedJSONAndUnknownIDsAreBadInput() throws {
        let syntax = try LecternProcess.run(["reference", "sliding-window-max/deque"], stdin: "[{\"nums\": [1,2}]")
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("line 1"))
        let unknown = try LecternProcess.run(["reference", "sliding-window-max/nope"], stdin: "[]")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("sliding-window-max/deque"), "suggests the real ids: \(unknown.stderr)")
    }

    @Test func timeFlagReportsComputeSecondsOnStderrOnly() throws {
        let r = try LecternProcess.run(["reference", "sliding-window-max/deque", "--time"],
                                       stdin: #"[{"nums":[1,3,-1,-3,5,3,6,7],"k":3}]"#)
        #expect(r.stdout == "[[3,3,5,5,6,7]]\n")
        #expect(r.stderr.hasPrefix("compute-seconds: "))
        // --runs: the same answers once on stdout, one figure on stderr; 0 runs is bad input.
        let three = try LecternProcess.run(["reference", "sliding-window-max/deque", "--time", "--runs", "3"],
                                           stdin: #"[{"nums":[1,3,-1,-3,5,3,6,7],"k":3}]"#)
        #expect(three.stdout == "[[3,3,5,5,6,7]]\n")
        #expect(three.stderr.components(separatedBy: "compute-seconds: ").count == 2, "\(three.stderr)")
        let none = try LecternProcess.run(["reference", "sliding-window-max/deque", "--time", "--runs", "0"], stdin: "[]")
        #expect(none.status == 2)
        #expect(none.stderr.contains("--runs"))
    }
}

/// The command line without a terminal, and the demo player.
@Suite struct CommandLineTests {
    @Test func noTerminalPrintsHelpAndExitsZero() throws {
        let r = try LecternProcess.run([])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: lectern"))
    }

    @Test func slidingWindowDemoShowsTheDequeStepByStep() throws {
        let r = try LecternProcess.run(["demo", "sliding-window", "nums=1,3,-1,-3,5,3,6,7", "k=3", "--width", "70"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}["), "no escape codes in a pipe")
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 70) }
        #expect(r.stdout.contains("7"))
        let bad = try LecternProcess.run(["demo", "sliding-window", "k=0"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("k"))
        let unknown = try LecternProcess.run(["demo", "no-such-demo"])
        #expect(unknown.status == 2)
    }
}
