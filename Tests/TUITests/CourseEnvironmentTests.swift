import Foundation
import Testing
import Grader
import Lessons
@testable import TUI

/// The app's real environment records attempts by the same rule as
/// `lectern check`: checking an unchanged file again is not a new attempt.
@Suite struct CourseEnvironmentTests {
    @Test(.timeLimit(.minutes(3))) func anUnchangedReCheckIsNotANewAttempt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let courseURL = try EndToEndTests.makeCourse(in: dir)
        let course = try Course.load(from: courseURL)
        let env = CourseEnvironment(course: course, courseSetting: courseURL.path, workspace: nil,
                                    proposed: dir.appendingPathComponent("ws"))
        let path = try env.createWorkspace()
        let id = "sliding-window-max/naive"
        let first = env.check(exercise: id, points: 1) { _ in }
        let second = env.check(exercise: id, points: 1) { _ in }
        #expect(first.verdict == second.verdict && !first.passed)
        let ws = try #require(try Workspace.locate(from: URL(fileURLWithPath: path)))
        #expect(try ws.progress().attempts(of: id).count == 1)
        // A changed file is a new attempt.
        try "// edited\nfunc maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] { [0] }\n"
            .write(to: ws.exerciseFile(id), atomically: true, encoding: .utf8)
        _ = env.check(exercise: id, points: 1) { _ in }
        #expect(try ws.progress().attempts(of: id).count == 2)
    }
}
