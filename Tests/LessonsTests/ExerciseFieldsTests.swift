import Foundation
import Testing
@testable import Lessons

/// The instructor fields of an exercise block (`kind`, `partial`, missing
/// `points`) and of `course.yaml` (`seed`, `partial`).
@Suite struct ExerciseFieldsTests {
    func block(_ fields: String) -> (ExerciseBlock?, [ContentProblem]) {
        let lesson = parseBody("```exercise windows/deque\ntitle: T\n\(fields)\n```\n")
        return (lesson.exercises.first, lesson.problems)
    }

    @Test func kindNamesTheGraderExercise() {
        let (b, problems) = block("points: 2\nkind: sliding-window-max/deque")
        #expect(problems.isEmpty)
        #expect(b?.kind == "sliding-window-max/deque")
        #expect(b?.gradedAs == "sliding-window-max/deque")
        #expect(b?.id == "windows/deque")
        let (plain, _) = block("points: 2")
        #expect(plain?.kind == nil)
        #expect(plain?.gradedAs == "windows/deque")
    }

    @Test func malformedKindIsAProblemOnItsLine() {
        let (b, problems) = block("points: 2\nkind: Sliding Window")
        #expect(b == nil)
        #expect(problems.first?.message.contains("malformed 'kind'") == true, "\(problems)")
        #expect(problems.first?.line == 9)   // 5 lines of front matter, the fence, title, points, kind
    }

    @Test func partialCreditForms() {
        #expect(block("points: 1\npartial: none").0?.partial == PartialCredit.none)
        #expect(block("points: 1\npartial: groups").0?.partial == .equalGroups)
        #expect(block("points: 1\npartial: {example: 1, hidden: 2}").0?.partial == .groups(["example": 1, "hidden": 2]))
        #expect(block("points: 1").0?.partial == nil)
        let (bad, problems) = block("points: 1\npartial: {examples: 1}")
        #expect(bad == nil)
        #expect(problems.first?.message.contains("unknown group 'examples'") == true, "\(problems)")
        #expect(block("points: 1\npartial: {edge: 0}").1.first?.message.contains("at least one weight") == true)
        #expect(block("points: 1\npartial: most").1.first?.message.contains("must be none, groups") == true)
    }

    @Test func weightsAndDescription() {
        let w = PartialCredit.groups(["example": 1, "hidden": 2])
        #expect(w.weight(of: "hidden") == 2)
        #expect(w.weight(of: "edge") == 0)
        #expect(PartialCredit.equalGroups.weight(of: "edge") == 1)
        #expect(PartialCredit.none.weight(of: "edge") == 0)
        #expect(w.description == "example=1.0,hidden=2.0")
        #expect(PartialCredit.equalGroups.description == "groups")
    }

    @Test func missingPointsCountsOneAndIsRemembered() {
        let (b, problems) = block("hints: [a, b]")
        #expect(problems.isEmpty)
        #expect(b?.points == 1)
        #expect(b?.pointsWritten == false)
        #expect(block("points: 1").0?.pointsWritten == true)
    }

    @Test func titlesAreShownAsWritten() {
        let lesson = parseBody("```exercise a/b\ntitle: Don't use x_1 or $y_2$ here\npoints: 1\n```\n")
        let text = PlainRenderer.render(lesson, width: 80, color: false).joined(separator: "\n")
        #expect(text.contains("Don't use x_1 or $y_2$ here"), "\(text)")
    }

    @Test func courseSeedAndPartialDefault() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = dir.appendingPathComponent("course.yaml")
        try "title: C\nseed: 9001\npartial: none\nlessons: []\n".write(to: yaml, atomically: true, encoding: .utf8)
        let course = try Course.load(from: dir)
        #expect(course.seed == 9001)
        #expect(course.partial == PartialCredit.none)
        #expect(course.problems.isEmpty)
        try "title: C\nseed: -3\nlessons: []\n".write(to: yaml, atomically: true, encoding: .utf8)
        let bad = try Course.load(from: dir)
        #expect(bad.seed == nil)
        #expect(bad.problems.first?.message.contains("'seed' must be a whole number") == true, "\(bad.problems)")
    }
}
