import Foundation
import Testing
@testable import Grader

/// The `lectern` binary end to end: `grade` exit codes and output, the
/// Gradescope bundle's `run_autograder` run locally with the `/autograder`
/// paths redirected, and `init --classroom`.
@Suite(.serialized)
struct GradeCommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let lectern = repository.appendingPathComponent(".build/debug/lectern")
    static let instructorCourse = repository.appendingPathComponent("Tests/GraderTests/Fixtures/instructor-course")
    static let verdicts = repository.appendingPathComponent("Tests/GraderTests/Fixtures/verdicts")

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporary(_ name: String) throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A class of two students for the instructor course's `windows/deque`.
    static func makeClass(in dir: URL) throws {
        for (student, fixture) in [("ada", "passing.swift"), ("bob", "compile_error.swift")] {
            let target = dir.appendingPathComponent("\(student)/windows")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: verdicts.appendingPathComponent(fixture), to: target.appendingPathComponent("deque.swift"))
        }
    }

    @Test func gradeExitsZeroWhenEverythingWasGraded() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.lectern.path) else { return }
        let dir = try Self.temporary("grade-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.makeClass(in: dir)
        let r = try Self.run(Self.lectern.path, ["grade", dir.path, "--course", Self.instructorCourse.path, "--format", "csv", "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "student,windows/deque,total\r\nada,4,4\r\nbob,0,0\r\n", "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("bob  windows/deque  compile_error  0/4"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".lectern-gradebook.sqlite").path))
        // Regrading the unchanged class: every row from the gradebook.
        let again = try Self.run(Self.lectern.path, ["grade", dir.path, "--course", Self.instructorCourse.path, "--format", "json"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("0 checked, 2 from the gradebook"), "\(again.stderr)")
        // Bad usage exits 2 and says what is wrong.
        let bad = try Self.run(Self.lectern.path, ["grade", dir.path, "--course", Self.instructorCourse.path, "--format", "xlsx"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown --format 'xlsx'"))
        let nobody = try Self.run(Self.lectern.path, ["grade", dir.path, "--course", Self.instructorCourse.path, "--student", "eve"])
        #expect(nobody.status == 2)
        #expect(nobody.stderr.contains("no student 'eve'"), "\(nobody.stderr)")
    }

    /// A memory hog and a disk filler graded with a good submission by the binary, two jobs at
    /// once: the good one keeps full marks, each hostile one is stopped by its named limit, and
    /// the run folders (made under this test's own TMPDIR) are all gone afterwards, with every
    /// program that ran in them.
    @Test func hostileSubmissionsDoNotDisturbAGoodOne() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.lectern.path) else { return }
        let dir = try Self.temporary("grade-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs = dir.appendingPathComponent("tmp")
        let klass = dir.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        let fixtures = Self.repository.appendingPathComponent("Tests/GraderTests/Fixtures/class")
        for (student, source) in [("ada", Self.verdicts.appendingPathComponent("passing.swift")),
                                  ("hog", fixtures.appendingPathComponent("memory-hog/sliding-window-max/deque.swift")),
                                  ("filler", fixtures.appendingPathComponent("disk-filler/sliding-window-max/deque.swift"))] {
            let target = klass.appendingPathComponent("\(student)/windows")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target.appendingPathComponent("deque.swift"))
        }
        let r = try Self.run(Self.lectern.path, ["grade", klass.path, "--course", Self.instructorCourse.path, "--format", "csv",
                                                 "--jobs", "2", "--force"], environment: ["TMPDIR": runs.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "student,windows/deque,total\r\nada,4,4\r\nfiller,0,0\r\nhog,0,0\r\n", "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("hog  windows/deque  memory_limit  0/4"), "\(r.stderr)")
        #expect(r.stderr.contains("filler  windows/deque  output_limit  0/4"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { $0.hasPrefix("lectern-run-") } == [])
        let alive = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(runs.path)
        }
        #expect(alive.isEmpty, "\(alive)")
    }

    @Test func runAutograderWritesGradescopeResults() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.lectern.path) else { return }
        let root = try Self.temporary("autograder")
        defer { try? FileManager.default.removeItem(at: root) }
        // The bundle as Gradescope unpacks it into /autograder/source.
        let zip = root.appendingPathComponent("bundle.zip")
        let made = try Self.run(Self.lectern.path, ["autograder", "gradescope", zip.path, "--course", Self.instructorCourse.path])
        #expect(made.status == 0, "\(made.stderr)")
        let entries = GradescopeBundle.entries(course: Self.instructorCourse, lecternSource: Self.repository, repository: nil, seed: nil)
        #expect(entries.contains { $0.path == "setup.sh" && $0.mode == 0o755 })
        #expect(entries.contains { $0.path == "course/course.yaml" })
        #expect(!entries.contains { $0.path.contains("/solutions/") })
        #expect(entries.contains { $0.path == "lectern/Package.swift" })
        let zipped = try #require(FileManager.default.contents(atPath: zip.path))
        #expect(Array(zipped) == StoredZip(entries: entries).bytes())
        for e in entries {
            let url = root.appendingPathComponent("source/\(e.path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(e.data).write(to: url)
            chmod(url.path, mode_t(e.mode))
        }
        // One student's submission.
        let submission = root.appendingPathComponent("submission/windows")
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.verdicts.appendingPathComponent("wrong_answer.swift"),
                                         to: submission.appendingPathComponent("deque.swift"))
        let r = try Self.run("/bin/bash", [root.appendingPathComponent("source/run_autograder").path],
                             environment: ["LECTERN_AUTOGRADER_ROOT": root.path, "LECTERN": Self.lectern.path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent("results/results.json"), encoding: .utf8)
        let results = try JSONValue.parse(text)
        try GradescopeSchema.check(results)
        guard case .object(let top) = results, case .array(let tests)? = top.first(where: { $0.0 == "tests" })?.1 else {
            Issue.record("no tests in \(text)"); return
        }
        #expect(tests.count == 1)
        #expect(text.contains("\"status\": \"failed\""))
        #expect(text.contains("expected: "), "\(text)")
        // The gradebook is not left in the results folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("results").path) == ["results.json"])
    }

    @Test func storedZipIsReadByUnzip() throws {
        let dir = try Self.temporary("zip")
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = StoredZip(entries: [.init(path: "run_autograder", data: Array("#!/bin/sh\necho hi\n".utf8), mode: 0o755),
                                      .init(path: "course/course.yaml", data: Array("title: T\n".utf8))])
        #expect(StoredZip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)   // the CRC-32 check value
        let file = dir.appendingPathComponent("a.zip")
        try Data(zip.bytes()).write(to: file)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return }
        let r = try Self.run("/usr/bin/unzip", ["-q", file.path, "-d", dir.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("out/course/course.yaml"), encoding: .utf8) == "title: T\n")
        #expect(FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("out/run_autograder").path))
    }

    @Test func initClassroomWritesTheWorkflow() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.lectern.path) else { return }
        let dir = try Self.temporary("classroom")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ws = dir.appendingPathComponent("ws")
        let r = try Self.run(Self.lectern.path, ["init", ws.path, "--classroom", "--course", Self.instructorCourse.path])
        #expect(r.status == 0, "\(r.stderr)")
        let workflow = try String(contentsOf: ws.appendingPathComponent(".github/workflows/classroom.yml"), encoding: .utf8)
        #expect(workflow.contains("\"$LECTERN\" grade . --format junit"))
        #expect(workflow.contains("secrets.LECTERN_SEED"))
        #expect(workflow.contains("exit 1"))
        #expect(!workflow.contains("\t"))
    }
}
