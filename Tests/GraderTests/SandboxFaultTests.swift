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
        // Well under a minute even when the toolkit is rebuilt first.
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(r.verdict == .compileError, "\(r.humanText(color: false))")
        #expect(r.summary.contains("compile time limit of 1 s"), "\(r.summary)")
        #expect(r.diagnostics.first?.file == url.path)
        // The compiler and its frontend were killed, not left running.
        #expect(frontends(compiling: marker).isEmpty, "\(frontends(compiling: marker))")
        // A timeout is not cached as the file's errors: with time enough, it compiles.
        #expect(!FileManager.default.fileExists(atPath: url.path + ".errors"))
    }
}

extension SandboxFaultTests {
    /// Landlock is in this kernel (ABI version ≥ 1).
    static var kernelHasLandlock: Bool {
        typealias Syscall = @convention(c) (Int, Int, Int, Int) -> Int
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "syscall") else { return false }
        return unsafeBitCast(symbol, to: Syscall.self)(444, 0, 0, 1) >= 1
    }

    @Test func aSubmissionCannotReadOutsideItsFolder() throws {
        let secretDir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: secretDir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: secretDir) }
        let secret = secretDir.appendingPathComponent("secret.txt")
        try "another student's answer".write(to: secret, atomically: true, encoding: .utf8)
        let solution = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content/sliding-window-max/solutions/deque.swift")
        #expect(FileManager.default.fileExists(atPath: solution.path))
        var text = try String(contentsOf: Self.fixtures.appendingPathComponent("read_outside.swift"), encoding: .utf8)
        text = text.replacingOccurrences(of: "SECRET_PATH", with: secret.path)
            .replacingOccurrences(of: "SECRET_DIR", with: secretDir.path)
            .replacingOccurrences(of: "SOLUTION_PATH", with: solution.path)
        let url = try write("read_outside.swift", text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let r = CheckVerdictTests.checker.check(CheckVerdictTests.deque, file: url)
        #expect(r.verdict == .passed, "\(r.humanText(color: false))")
        if Self.kernelHasLandlock {
            #expect(r.sandbox.isEmpty, "\(r.sandbox)")
            #expect(!r.stdout.contains("LEAKED"), "\(r.stdout)")
            #expect(r.stdout.contains("denied \(secret.path)"), "\(r.stdout)")
            #expect(r.stdout.contains("denied \(solution.path)"))
            #expect(r.stdout.contains("denied /etc/shadow"))
            #expect(r.stdout.contains("denied listing"))
        } else {
            // Without Landlock the report says that files are not confined.
            #expect(r.sandbox.contains { $0.contains("files are not confined") }, "\(r.sandbox)")
        }
    }

    @Test func withoutLandlockTheReportSaysFilesAreNotConfined() {
        #expect(Checker.sandboxNotes(["landlock: landlock unavailable"])
                == ["files are not confined (reads and writes outside the temporary folder are possible): landlock unavailable; Landlock needs Linux 5.13 or later with Landlock enabled"])
        var report = CheckReport(exercise: "e", verdict: .passed, maxScore: 1, seed: 1, summary: "passed")
        report.sandbox = Checker.sandboxNotes(["landlock: landlock unavailable"])
        #expect(report.humanText(color: false).contains("sandbox: files are not confined"))
        #expect(report.jsonValue["sandbox"] == .array([.string(report.sandbox[0])]))
    }

    /// Writes `files` files of `mebibytes` MiB each in its folder (every one under the
    /// 16 MiB file-size limit), then answers correctly: only a limit on the folder as a
    /// whole can stop it. Bounded, so that a missing limit fails the test instead of
    /// filling the disk.
    static func folderFiller(files: Int, mebibytes: Int) -> String {
        """
        #if canImport(Glibc)
        import Glibc
        #endif
        func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
            let block = [UInt8](repeating: 0x41, count: \(mebibytes) << 20)
            for i in 0..<\(files) {
                let fd = open("part-\\(i).bin", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if fd < 0 { break }
                if !block.isEmpty { _ = block.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) } }
                close(fd)
            }
            var result: [Int] = []
            for start in 0...(nums.count - k) { result.append(nums[start..<(start + k)].max()!) }
            return result
        }
        """
    }

    /// Many files, each within `RLIMIT_FSIZE`: 48 files of 8 MiB (384 MiB), and 40 000
    /// empty files. The run folder's own limit (64 MiB, each entry at least 4 KiB) stops
    /// both, as `output_limit` naming 64 MiB, and the folder is removed.
    @Test(arguments: [(48, 8), (40_000, 0)]) func fileAfterFileStopsAtTheFolderLimit(files: Int, mebibytes: Int) throws {
        let url = try write("deque.swift", Self.folderFiller(files: files, mebibytes: mebibytes))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let runsBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
        let r = CheckVerdictTests.checker.check(CheckVerdictTests.deque, file: url)
        #expect(r.verdict == .outputLimit, "\(r.humanText(color: false))")
        #expect(r.limit == LimitHit(name: .output, value: 64, unit: "MiB"))
        #expect(r.failure?.message.contains("more than 64 MiB of files in its working folder") == true, "\(r.humanText(color: false))")
        #expect(r.failure?.case == 0)
        // No run folder with a part file stays behind.
        let now = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
        for name in now where name.hasPrefix("lectern-run-") && !runsBefore.contains(name) {
            #expect(!FileManager.default.fileExists(atPath: NSTemporaryDirectory() + "/" + name + "/part-0.bin"), "\(name)")
        }
    }

    @Test func folderUsageCountsEveryEntryAndStopsEarly() throws {
        let dir = try write("a.bin", String(repeating: "x", count: 10_000)).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent("sub/deeper/empty").path, contents: nil))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: "/usr")
        // a.bin takes 12 KiB (three blocks); sub, deeper, empty and link one block each.
        #expect(Sandbox.folderUsage(dir.path, over: .max) == 12 * 1024 + 4 * 4096)
        #expect(Sandbox.folderUsage(dir.path, over: 5000) <= 12 * 1024 + 4096)
    }
}
