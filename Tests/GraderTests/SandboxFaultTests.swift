import Foundation
import Testing
@testable import Grader

/// Limits that protect the grader from a submission: the compile time limit
/// and read confinement (Landlock read rules).
@Suite(.serialized)
struct SandboxFaultTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/verdicts")

    /// A scratch folder with `name` holding `text`.
    func write(_ name: String, _ text: String) throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func frontends(compiling marker: String) -> [String] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid in
            guard Int(pid) != nil, let data = fm.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(marker) ? line : nil
        }
    }

    @Test func aHugeLiteralStopsAtTheCompileTimeLimit() throws {
        // About 300 KB of a literal mixing integers and reals: slow to type-check.
        var literal = "let lookupTable: [Double] = ["
        for i in 0..<40_000 { literal += i % 2 == 0 ? "\(i), " : "\(i).5, " }
        literal += "]\n"
        let passing = try String(contentsOf: Self.fixtures.appendingPathComponent("passing.swift"), encoding: .utf8)
        let marker = "huge\(UInt32.random(in: 0...UInt32.max))"
        let url = try write("\(marker).swift", passing + "\n" + literal)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var checker = CheckVerdictTests.checker
        checker.compileSeconds = 1
        let start = Date()
        let r = checker.check(CheckVerdictTests.deque, file: url)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(r.verdict == .compileError, "\(r.humanText(color: false))")
        #expect(r.summary.contains("compile time limit of 1 s"), "\(r.summary)")
        #expect(r.diagnostics.first?.file == url.path)
        // The compiler and its frontend were killed, not left running.
        #expect(frontends(compiling: marker).isEmpty, "\(frontends(compiling: marker))")
        // A timeout is not cached as the file's errors: with time enough, it compiles.
        #expect(!FileManager.default.fileExists(atPath: url.path + ".errors"))
    }
}
