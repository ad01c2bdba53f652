import Foundation
import Testing
@testable import Grader
import Lessons

/// A workspace records its course relative to itself, so the two can move together.
@Suite struct WorkspaceCourseTests {
    @Test func theCourseIsRecordedRelativeToTheWorkspace() {
        let root = URL(fileURLWithPath: "/home/ada/class/workspace")
        #expect(Workspace.relativeCoursePath(URL(fileURLWithPath: "/home/ada/class/course"), from: root) == "../course")
        #expect(Workspace.relativeCoursePath(URL(fileURLWithPath: "/home/ada/class/workspace/c"), from: root) == "c")
        #expect(Workspace.relativeCoursePath(URL(fileURLWithPath: "/srv/course"), from: root) == "/srv/course")
    }

    @Test func aMovedPairStillFindsItsCourse() throws {
        let base = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let fm = FileManager.default
        let before = base.appendingPathComponent("before")
        try fm.createDirectory(at: before.appendingPathComponent("course"), withIntermediateDirectories: true)
        let ws = before.appendingPathComponent("ws")
        let recorded = Workspace.relativeCoursePath(before.appendingPathComponent("course"), from: ws)
        _ = try Workspace.initialize(at: ws, course: recorded, exercises: [], tensorSources: nil)
        let after = base.appendingPathComponent("after")
        try fm.moveItem(at: before, to: after)
        let moved = try Workspace(root: after.appendingPathComponent("ws"))
        let found = moved.courseRoot(explicit: nil, builtIn: { URL(fileURLWithPath: "/nowhere") })
        #expect(found.resolvingSymlinksInPath().path == after.appendingPathComponent("course").resolvingSymlinksInPath().path)
    }
}

/// `show` and the app draw an exercise the grader cannot judge as an error.
@Suite struct UnknownExerciseTests {
    @Test func unknownIdsAndKindsBecomeBrokenBlocks() {
        let lesson = LessonParser.parse("""
            ---
            id: l
            title: T
            summary: S
            ---
            ```exercise sliding-window-max/deque
            title: Known
            points: 1
            ```

            - ```exercise l/ghost
              title: Unknown id, nested in a list
              points: 1
              ```

            ```exercise l/mine
            title: Unknown kind
            points: 1
            kind: nowhere/nothing
            ```
            """, file: "l.md").markingUnknownExercises()
        #expect(lesson.exercises.map(\.id) == ["sliding-window-max/deque"])
        #expect(lesson.problems.count == 2)
        #expect(lesson.problems.first?.line == 11)
        #expect(lesson.problems.last?.message.contains("its kind 'nowhere/nothing'") == true, "\(lesson.problems)")
        let text = PlainRenderer.render(lesson, width: 80, color: false).joined(separator: "\n")
        #expect(text.contains("the grader does not know"), "\(text)")
    }
}
