import Foundation
import Testing
@testable import Grader
import Lessons

@Suite("Workspace")
struct WorkspaceTests {
    /// Two lessons, three exercises; `beta/two` has no starter.
    func makeCourse(in dir: URL) throws -> FixtureCourse {
        try FixtureCourse(at: dir.appendingPathComponent("course"), lessons: ["alpha", "beta"], files: [
            "alpha/lesson.md": FixtureCourse.lesson("alpha", exercises: ["alpha/one", "alpha/two"]),
            "alpha/starters/one.swift": "func one(nums: [Int]) -> [Int] {\n    // TODO\n    return []\n}\n",
            "alpha/starters/two.swift": "func two(x: Int) -> Int {\n    // TODO\n    return 0\n}\n",
            "beta/lesson.md": FixtureCourse.lesson("beta", exercises: ["beta/two"]),
        ])
    }

    @Test func initCreatesStartersMarkerReadmeAndPackage() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = try makeCourse(in: dir).course()
        let (exercises, problems) = Workspace.exercises(in: course)
        #expect(problems.isEmpty)
        #expect(exercises.map(\.id) == ["alpha/one", "alpha/two", "beta/two"])

        let root = dir.appendingPathComponent("ws")
        let (ws, report) = try Workspace.initialize(at: root, course: course.root.path, exercises: exercises,
                                                    tensorSources: repositoryTensorSources())
        #expect(report.createdWorkspace)
        #expect(report.added == ["alpha/one", "alpha/two"])
        #expect(report.kept.isEmpty)
        #expect(report.missingStarters.count == 1 && report.missingStarters[0].hasPrefix("beta/two"))
        #expect(report.tensorCopied)
        let one = try String(contentsOf: ws.exerciseFile("alpha/one"), encoding: .utf8)
        #expect(one.contains("func one(nums: [Int]) -> [Int]"))
        #expect(ws.exerciseFile("alpha/one").path.hasSuffix("ws/Exercises/alpha/one.swift"))
        #expect(ws.manifest.course == course.root.path)
        #expect(ws.manifest.formatVersion == WorkspaceManifest.currentFormat)
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: root.appendingPathComponent("README.md").path))
        #expect(fm.fileExists(atPath: root.appendingPathComponent(".lectern/Tensor/Matrix.swift").path))
        let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(package.contains("\"alpha_one\"") && package.contains("\"alpha_two\""))
        #expect(!package.contains("beta_two"))
        #expect(ws.exerciseID(of: ws.exerciseFile("alpha/two")) == "alpha/two")
        #expect(ws.exerciseID(of: root.appendingPathComponent("README.md")) == nil)
    }

    @Test func secondInitKeepsLearnerEditsAndAddsOnlyMissing() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try makeCourse(in: dir)
        let root = dir.appendingPathComponent("ws")
        let (ws, _) = try Workspace.initialize(at: root, course: "builtin",
                                               exercises: Workspace.exercises(in: fixture.course()).exercises,
                                               tensorSources: nil)
        let edited = "func one(nums: [Int]) -> [Int] { nums } // my work\n"
        try edited.write(to: ws.exerciseFile("alpha/one"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: ws.exerciseFile("alpha/two"))
        // The course gains the missing starter meanwhile.
        try "func two(x: Int) -> Int { 0 }\n".write(to: fixture.root.appendingPathComponent("beta/starters/two.swift").creatingParent(),
                                                  atomically: true, encoding: .utf8)
        let created = ws.manifest.created

        let (again, report) = try Workspace.initialize(at: root, course: "builtin",
                                                       exercises: Workspace.exercises(in: fixture.course()).exercises,
                                                       tensorSources: nil)
        #expect(!report.createdWorkspace)
        #expect(report.kept == ["alpha/one"])
        #expect(report.added == ["alpha/two", "beta/two"])
        #expect(try String(contentsOf: ws.exerciseFile("alpha/one"), encoding: .utf8) == edited)
        #expect(again.manifest.created == created)
        #expect(!report.tensorCopied)
    }

    @Test func initRefusesANonEmptyFolderThatIsNotAWorkspace() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "notes".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: WorkspaceError.folderNotEmpty(path: dir.standardizedFileURL.path)) {
            try Workspace.initialize(at: dir, course: "builtin", exercises: [], tensorSources: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".lectern").path))
    }

    @Test func locateWalksUpFromASubfolder() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try makeCourse(in: dir)
        let root = dir.appendingPathComponent("ws")
        _ = try Workspace.initialize(at: root, course: "builtin",
                                     exercises: Workspace.exercises(in: fixture.course()).exercises, tensorSources: nil)
        let deep = root.appendingPathComponent("Exercises/alpha/deeper/still")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let found = try #require(try Workspace.locate(from: deep))
        #expect(found.root.resolvingSymlinksInPath().path == root.resolvingSymlinksInPath().path)
        #expect(try Workspace.locate(from: root)?.manifest.course == "builtin")
        #expect(try Workspace.locate(from: dir) == nil)
        // A broken marker is an error that names the file, not "no workspace".
        try "{ nope".write(to: root.appendingPathComponent(".lectern/workspace.json"), atomically: true, encoding: .utf8)
        #expect(throws: WorkspaceError.self) { try Workspace.locate(from: deep) }
    }

    @Test func courseRootFollowsTheMarkerUnlessOverridden() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (ws, _) = try Workspace.initialize(at: dir.appendingPathComponent("ws"), course: "/somewhere/course",
                                               exercises: [], tensorSources: nil)
        #expect(ws.courseRoot(explicit: nil, builtIn: { URL(fileURLWithPath: "/builtin") }).path == "/somewhere/course")
        #expect(ws.courseRoot(explicit: "/other", builtIn: { URL(fileURLWithPath: "/builtin") }).path == "/other")
        let (b, _) = try Workspace.initialize(at: dir.appendingPathComponent("ws2"), course: "builtin",
                                              exercises: [], tensorSources: nil)
        #expect(b.courseRoot(explicit: nil, builtIn: { URL(fileURLWithPath: "/builtin") }).path == "/builtin")
    }

    @Test func resetBacksUpAndRestoresTheStarter() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try makeCourse(in: dir)
        let course = try fixture.course()
        let (ws, _) = try Workspace.initialize(at: dir.appendingPathComponent("ws"), course: "builtin",
                                               exercises: Workspace.exercises(in: course).exercises, tensorSources: nil)
        let mine = "func one(nums: [Int]) -> [Int] { nums.reversed() }\n"
        try mine.write(to: ws.exerciseFile("alpha/one"), atomically: true, encoding: .utf8)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let backup = try #require(try ws.reset("alpha/one", starter: course.starterURL("alpha/one"), now: now))
        #expect(backup.lastPathComponent == "one-20270115T080000Z.swift")
        #expect(backup.deletingLastPathComponent().lastPathComponent == "backups")
        #expect(try String(contentsOf: backup, encoding: .utf8) == mine)
        let starter = try String(contentsOf: course.starterURL("alpha/one"), encoding: .utf8)
        #expect(try String(contentsOf: ws.exerciseFile("alpha/one"), encoding: .utf8) == starter)
        // A second reset in the same second keeps both backups.
        let second = try #require(try ws.reset("alpha/one", starter: course.starterURL("alpha/one"), now: now))
        #expect(second.lastPathComponent == "one-20270115T080000Z-2.swift")
        // No starter in the course: an error, and the learner's file stays.
        try mine.write(to: ws.exerciseFile("alpha/one"), atomically: true, encoding: .utf8)
        #expect(throws: WorkspaceError.self) {
            try ws.reset("alpha/one", starter: dir.appendingPathComponent("missing.swift"))
        }
        #expect(try String(contentsOf: ws.exerciseFile("alpha/one"), encoding: .utf8) == mine)
    }

    /// `swift build` in a workspace compiles solutions that share helper names
    /// and use a generated support type and Tensor. Slow (runs SwiftPM): about 10 s.
    @Test(.timeLimit(.minutes(3))) func swiftBuildCompilesTheWorkspace() throws {
        let tensor = try #require(repositoryTensorSources())
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let solutions = [
            "l/a": "import Tensor\nfunc helper(_ x: Double) -> Double { x * 2 }\nfunc a(m: Matrix) -> StepResult {\n    StepResult(loss: helper(Double(m.rows)), values: [])\n}\n",
            "l/b": "func helper(_ x: Int) -> Int { x + 1 }\nfunc b(x: Int) -> Int { helper(x) }\n",
            "m/c": "struct Deque { var items: [Int] = [] }\nfunc c(nums: [Int]) -> [Int] { Deque(items: nums).items }\n",
        ]
        var exercises: [WorkspaceExercise] = []
        for (id, text) in solutions.sorted(by: { $0.key < $1.key }) {
            let starter = dir.appendingPathComponent("starters/\(id).swift")
            try FileManager.default.createDirectory(at: starter.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: starter, atomically: true, encoding: .utf8)
            exercises.append(WorkspaceExercise(id: id, starter: starter, supportTypes: id == "l/a"
                ? "struct StepResult: Codable, Equatable {\n    var loss: Double\n    var values: [Double]\n}" : ""))
        }
        let root = dir.appendingPathComponent("ws")
        let (ws, _) = try Workspace.initialize(at: root, course: "builtin", exercises: exercises, tensorSources: tensor)
        #expect(FileManager.default.fileExists(atPath: ws.supportFile("l/a").path))
        #expect(!FileManager.default.fileExists(atPath: ws.supportFile("l/b").path))

        let (status, output) = try runWorkspaceTestProcess("/usr/bin/env", ["swift", "build"], in: root)
        #expect(status == 0, "swift build failed:\n\(output)")
        #expect(!output.contains("unhandled"), "SwiftPM warned about files:\n\(output)")
    }
}

extension URL {
    /// Creates the parent folder and returns self, for writing a file into a new folder.
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}

/// Runs a program and returns its exit status and combined output.
func runWorkspaceTestProcess(_ executable: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
