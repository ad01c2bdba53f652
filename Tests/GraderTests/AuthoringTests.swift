import Foundation
import Testing
@testable import Grader
import Lessons

/// Instructor workflows: an exercise of an existing kind under the
/// instructor's own id (`kind:`), a course scaffolded with `Scaffold` (what
/// `lectern new` runs), `describe`, and the validate checks instructors hit.
@Suite(.serialized)
struct AuthoringTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let builtIn = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")

    /// Registry specs without their performance group (tests run unoptimised).
    static let specNoPerformance: @Sendable (String) -> ExerciseSpec? = { id in
        ExerciseRegistry.spec(id).map { var s = $0; s.performance = nil; return s }
    }

    static let checker: Checker = {
        var c = Checker(cacheDirectory: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-authoring-tests-cache"))
        c.limits.cpuSeconds = 3
        c.limits.wallSeconds = 6
        return c
    }()

    static func validate(_ root: URL) throws -> ValidationReport {
        let course = try Course.load(from: root)
        let checker = Self.checker
        return CourseValidator(course: course, knownDemos: nil, spec: specNoPerformance,
                               check: { spec, file, points in checker.check(spec, file: file, points: points, seed: 42) }).run()
    }

    @Test func anInstructorExerciseOfAnExistingKindValidatesAndGrades() throws {
        let root = Self.fixtures.appendingPathComponent("instructor-course")
        let report = try Self.validate(root)
        #expect(report.ok, "\(report.failures.map(\.description).joined(separator: "\n"))")
        let course = try Course.load(from: root)
        #expect(course.seed == 20261206)
        var exercises = try GradingPlan.exercises(in: course, spec: Self.specNoPerformance)
        #expect(exercises.map(\.id) == ["windows/deque"])
        #expect(exercises[0].kind == "sliding-window-max/deque")
        #expect(exercises[0].spec.id == "windows/deque")
        #expect(exercises[0].points == 4)
        exercises[0].partial = .groups(["example": 1, "edge": 1, "hidden": 2])
        // The class: the solution as one student, the starter as another.
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-instructor-class-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (student, file) in [("ada", "solutions"), ("bob", "starters")] {
            let target = dir.appendingPathComponent("\(student)/windows")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent("windows/\(file)/deque.swift"),
                                            to: target.appendingPathComponent("deque.swift"))
        }
        let students = try Submissions.discover(dir, lessonIDs: course.lessonIDs).students
        let grades = BatchGrader(checker: Self.checker, exercises: exercises, seed: course.seed!, jobs: 2, gradebook: nil)
            .grade(students, courseTitle: course.title)
        #expect(grades.row("ada", "windows/deque")?.verdict == "passed")
        #expect(grades.row("ada", "windows/deque")?.score == 4)
        #expect(grades.row("ada", "windows/deque")?.report?.seed == 20261206)
        #expect(grades.row("bob", "windows/deque")?.verdict == "wrong_answer")
        #expect(grades.row("bob", "windows/deque")?.report?.exercise == "windows/deque")
    }

    @Test func aCourseBuiltWithNewAndMarkdownValidates() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-new-course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "title: Scaffolded\nlessons: []\n".write(to: root.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        let lesson = try Scaffold.newLesson("streams", courseRoot: root)
        #expect(lesson.created.contains(root.appendingPathComponent("streams/lesson.md").path))
        let ex = try Scaffold.newExercise("streams/window-max", like: "sliding-window-max/deque", courseRoot: root,
                                          builtIn: Self.builtIn)
        #expect(ex.newKind.isEmpty)
        #expect(ex.created.contains(root.appendingPathComponent("streams/starters/window-max.swift").path))
        #expect(ex.created.contains(root.appendingPathComponent("streams/solutions/window-max.swift").path))
        // A second exercise in a lesson that does not exist yet creates the lesson too.
        _ = try Scaffold.newExercise("pools/pool", like: "sliding-window-max/max-pool-2d", courseRoot: root, builtIn: Self.builtIn)
        let course = try Course.load(from: root)
        #expect(course.lessonIDs == ["streams", "pools"])
        let block = try #require(try course.lesson("streams").exercises.first)
        #expect(block.kind == "sliding-window-max/deque")
        let report = try Self.validate(root)
        #expect(report.ok, "\(report.failures.map(\.description).joined(separator: "\n"))")
        // Scaffolding the same exercise twice is refused, and nothing is overwritten.
        #expect(throws: ScaffoldError.self) {
            try Scaffold.newExercise("streams/window-max", like: "sliding-window-max/deque", courseRoot: root, builtIn: Self.builtIn)
        }
    }

    @Test func aNewKindPrintsTheFilesToWrite() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-new-kind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "title: T\nlessons:\n  - graphs\n".write(to: root.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("graphs"), withIntermediateDirectories: true)
        try "---\nid: graphs\ntitle: Graphs\nsummary: S\n---\n# Graphs\n".write(
            to: root.appendingPathComponent("graphs/lesson.md"), atomically: true, encoding: .utf8)
        let outcome = try Scaffold.newExercise("graphs/shortest-path", like: nil, courseRoot: root, builtIn: Self.builtIn)
        #expect(outcome.newKind.map(\.path) == ["Sources/Engine/Graphs/ShortestPath.swift",
                                                 "Sources/Grader/Exercises/Graphs.swift",
                                                 "Sources/Grader/Registry/ExerciseRegistry.swift"])
        #expect(outcome.newKind[1].template.contains("ExerciseSpec.define("))
        #expect(outcome.newKind[1].template.contains("id: \"graphs/shortest-path\""))
        let lesson = try Course.load(from: root).lesson("graphs")
        #expect(lesson.exercises.map(\.id) == ["graphs/shortest-path"])
        #expect(lesson.exercises[0].kind == nil)
        #expect(throws: ScaffoldError.unknownKind("no/such")) {
            try Scaffold.newExercise("graphs/other", like: "no/such", courseRoot: root, builtIn: Self.builtIn)
        }
    }

    @Test func describeIsGeneratedFromTheRegistry() throws {
        let spec = try #require(ExerciseRegistry.spec("sliding-window-max/deque"))
        let text = ExerciseDescription.text(spec)
        #expect(text.contains("func maxSlidingWindow(nums: [Int], k: Int) -> [Int]"))
        #expect(text.contains("\"nums\": array of integers"))
        #expect(text.contains("\"k\": integer"))
        #expect(text.contains("Output: array of integers"))
        #expect(text.contains("performance:"))
        #expect(text.contains("output: [3, 3, 5, 5, 6, 7]"))
        guard case .object(let members) = ExerciseDescription.json(spec) else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["id", "signature", "supportTypes", "input", "output", "comparison", "groups",
                                     "performance", "limits"])
        // Every registered kind describes itself without failing.
        for s in ExerciseRegistry.all { #expect(ExerciseDescription.text(s).contains(s.signature.declaration)) }
    }
}

/// The validate checks of issue 12, each with the message that names the fault.
@Suite struct ValidateInstructorChecksTests {
    private func run(_ files: [String: String], lessons: [String] = ["alpha"], registry: [String],
                     demoProblem: (@Sendable (DemoBlock) -> String?)? = nil) throws -> [String] {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try FixtureCourse(at: dir, lessons: lessons, files: files)
        let spec: @Sendable (String) -> ExerciseSpec? = { id in
            registry.contains(id) ? ExerciseSpec(id: id, signature: Signature(function: "f", parameters: [], returns: "Int"),
                                                 reference: { _ in .int(0) }, check: { _ in nil }, generate: { _ in [] }) : nil
        }
        let report = CourseValidator(course: try fixture.course(), knownDemos: ["dots"], spec: spec, registryIDs: registry,
                                     demoProblem: demoProblem, check: { spec, file, points in
            let passes = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").contains("PASSES")
            return CheckReport(exercise: spec.id, verdict: passes ? .passed : .wrongAnswer, maxScore: points, seed: 42, summary: "")
        }).run()
        return report.failures.map(\.description)
    }

    private let files = ["alpha/starters/one.swift": "// TODO\n", "alpha/solutions/one.swift": "// PASSES\n"]

    @Test func aLessonMayUseASubsetOfItsKindsIDs() throws {
        var f = files
        f["alpha/lesson.md"] = FixtureCourse.lesson("alpha", exercises: ["alpha/one"])
        #expect(try run(f, registry: ["alpha/one", "alpha/two", "alpha/three"]) == [])
    }

    @Test func anUnknownKindIsNamed() throws {
        var f = files
        f["alpha/lesson.md"] = FixtureCourse.lesson("alpha", exercises: []) + """
            ```exercise alpha/one
            title: T
            points: 1
            kind: beta/nothing
            hints: [a, b]
            ```
            """
        let failures = try run(f, registry: ["alpha/one"])
        #expect(failures.count == 1)
        #expect(failures.first?.contains("its kind 'beta/nothing' is not known to the grader") == true, "\(failures)")
    }

    @Test func duplicateQuizChoicesAreCaught() throws {
        var f = files
        f["alpha/lesson.md"] = FixtureCourse.lesson("alpha", exercises: ["alpha/one"],
                                                    extra: "```quiz\nquestion: Q?\nchoices: [once, twice, once]\nanswer: twice\n```\n")
        let failures = try run(f, registry: ["alpha/one"])
        #expect(failures.count == 1)
        #expect(failures.first?.contains("quiz choice 'once' appears more than once") == true, "\(failures)")
    }

    @Test func translationPointsMustEqualEnglish() throws {
        var f = files
        f["alpha/lesson.md"] = FixtureCourse.lesson("alpha", exercises: ["alpha/one"])
        f["alpha/lesson.zh.md"] = FixtureCourse.lesson("alpha", exercises: ["alpha/one"]).replacingOccurrences(of: "points: 2", with: "points: 5")
        let failures = try run(f, registry: ["alpha/one"])
        #expect(failures.count == 1)
        #expect(failures.first?.contains("worth 5 point(s) in the zh translation but 2 in English") == true, "\(failures)")
    }

    @Test func demoParametersAreCheckedByBuildingTheDemo() throws {
        var f = files
        f["alpha/lesson.md"] = FixtureCourse.lesson("alpha", exercises: ["alpha/one"],
                                                    extra: "```demo dots n=3\n```\n\n```demo dots n=-1\n```\n")
        let failures = try run(f, registry: ["alpha/one"], demoProblem: { block in
            (Int(block.parameters["n"] ?? "") ?? 0) > 0 ? nil : "n must be positive"
        })
        #expect(failures.count == 1)
        #expect(failures.first?.contains("demo 'dots' rejects its parameters: n must be positive") == true, "\(failures)")
    }
}
