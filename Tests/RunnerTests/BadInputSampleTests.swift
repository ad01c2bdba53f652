import Foundation
import Testing

/// A sample of the fuzzed bad inputs (Tests/GraderTests/CaseDecoderFuzzTests)
/// through the real binary: `reference` and `try --input` exit 2 with a
/// message naming the case and field, or the line and column of bad JSON,
/// and print nothing on stdout.
@Suite struct BadInputSampleTests {
    static let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)

    @Test(arguments: [
        (#"[{"nums":[1,2,3],"k":0.5}]"#, "case 0: field 'k'"),
        (#"[{"nums":[1,2,3],"k":2},{"nums":[1,1e308,3],"k":2}]"#, "case 1: field 'nums[1]'"),
        (#"[{"nums":[1,2,3],"k":9223372036854775807}]"#, "case 0: field 'k'"),
        (#"[{"nums":[1,"NaN",3],"k":2}]"#, "case 0: field 'nums[1]'"),
        (#"[{"nums":[[1]],"k":1}]"#, "case 0: field 'nums[0]'"),
        (#"[{"nums":null,"k":1}]"#, "case 0: field 'nums'"),
        (#"[{"k":1}]"#, "case 0: field 'nums'"),
        (#"[7]"#, "case 0"),
        (#"{"nums":[1],"k":1}"#, "expected a JSON array of cases"),
        (#"[{"nums":[1,2],"k":1e999}]"#, "case 0: field 'k'"),
        ("[{\"nums\":[1,2],\"k\":\u{FFFD}}]", "line 1, column"),
        (Self.deep, "nesting deeper than 512 levels"),
    ])
    func referenceRefusesBadInputNamingWhere(input: String, expected: String) throws {
        let r = try LecternProcess.run(["reference", "sliding-window-max/deque"], stdin: input)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(expected), "\(r.stderr)")
    }

    @Test func invalidUTF8InputIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-bad-\(UUID().uuidString).json")
        try Data([91, 123, 34, 107, 34, 58, 0xFF, 125, 93]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try LecternProcess.run(["reference", "sliding-window-max/deque", "--input", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("line 1, column 7"), "\(r.stderr)")
    }

    @Test(arguments: [
        (#"{"nums":[1,2,3],"k":0.5}"#, "field 'k'"),
        (#"{"nums":[1,2,3],"k":"2"}"#, "field 'k'"),
        (#"{"nums":[1,2,3]"#, "line 1, column"),
        ("@DEEP", "nesting deeper than 512 levels"),
    ])
    func tryRefusesBadInputNamingTheField(input: String, expected: String) throws {
        var input = input
        if input == "@DEEP" {
            // Too long for one argument: passed as @FILE.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-deep-\(UUID().uuidString).json")
            try Data(Self.deep.utf8).write(to: file)
            input = "@" + file.path
        }
        defer { if input.hasPrefix("@") { try? FileManager.default.removeItem(atPath: String(input.dropFirst())) } }
        let r = try LecternProcess.run(["try", "sliding-window-max/deque", "--input", input,
                                        "--file", LecternProcess.packageRoot.appendingPathComponent("Content/sliding-window-max/solutions/deque.swift").path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains(expected), "\(r.stderr)")
    }
}
