import Foundation
import Testing
@testable import Grader
import Lessons

/// A spec that is enough for the validator: the checks are done by a stand-in checker.
private func stubSpec(_ id: String) -> ExerciseSpec {
    ExerciseSpec(id: id, signature: Signature(function: "f", parameters: [], returns: "Int"),
                 reference: { _ in .int(0) }, check: { _ in nil }, generate: { _ in [] })
}

/// Grades by markers in the file: `// PASSES` passes, `// BROKEN` does not compile,
/// anything else is a wrong answer.
private let markerChecker: CourseValidator.CheckFunction = { spec, file, points in
    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    if text.contains("// BROKEN") {
        return CheckReport(exercise: spec.id, verdict: .compileError, maxScore: points,
                           diagnostics: [Diagnostic(file: file.lastPathComponent, line: 2, column: 5,
                                                    severity: .error, message: "cannot find 'x' in scope")],
                           seed: 42, summary: "compile error")
    }
    if text.contains("// PASSES") {
        return CheckReport(exercise: spec.id, verdict: .passed, score: points, maxScore: points, seed: 42,
                           summary: "passed")
    }
    return CheckReport(exercise: spec.id, verdict: .wrongAnswer, maxScore: points, seed: 42,
                       summary: "wrong answer on case 1")
}

/// The line (1-based) of the first line of `text` containing `needle`.
private func line(of needle: String, in text: String) -> Int {
    let lines = text.components(separatedBy: "\n")
    return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
}

@Suite("Validate")
struct ValidateTests {
    @Test func goodCourseValidates() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try FixtureCourse(at: dir, lessons: ["alpha"], files: [
            "alpha/lesson.md": FixtureCourse.lesson("alpha", exercises: ["alpha/one", "alpha/two"],
                extra: "```quiz\nquestion: Why?\nchoices: [a, b]\nanswer: b\n```\n\n```demo sliding k=3\n```\n"),
            "alpha/starters/one.swift": "func one() -> Int { 0 } // TODO\n",
            "alpha/solutions/one.swift": "func one() -> Int { 1 } // PASSES\n",
            "alpha/starters/two.swift": "func two() -> Int { 0 } // TODO\n",
            "alpha/solutions/two.swift": "func two() -> Int { 1 } // PASSES\n",
        ])
        let validator = CourseValidator(course: try fixture.course(), knownDemos: ["sliding"], spec: stubSpec,
                                        registryIDs: ["alpha/one", "alpha/two", "zeta/other"], check: markerChecker)
        let report = validator.run()
        #expect(report.failures == [])
        // 1 lesson parse, 2×(points, hints, id), 1 quiz × (answer, distinct choices), 1 demo,
        // 4 exercise checks; "zeta/other" is not offered and need not be (a course may use a subset).
        #expect(report.passed == 1 + 6 + 2 + 1 + 4)
        #expect(report.summary == "14 checks passed, 0 failed")
    }

    @Test func everyKindOfProblemIsReportedWithFileAndLine() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lessonText = FixtureCourse.lesson("alpha", exercises: ["alpha/one", "alpha/two", "alpha/ghost"], extra: """
            ```exercise foo
            title: Broken block
            ```

            ```exercise alpha/lonely
            title: Only one hint
            hints:
              - Just this.
            ```

            ```demo nosuchdemo n=3
            ```

            """)
        let fixture = try FixtureCourse(at: dir, lessons: ["alpha", "missing"], files: [
            "alpha/lesson.md": lessonText,
            "alpha/starters/one.swift": "func one() -> Int { 0 } // TODO\n",
            "alpha/solutions/one.swift": "func one() -> Int { 1 } // PASSES\n",
            // A starter that already passes, and a solution that does not compile.
            "alpha/starters/two.swift": "func two() -> Int { 1 } // PASSES\n",
            "alpha/solutions/two.swift": "func two() -> Int {\n    x // BROKEN\n}\n",
            // alpha/lonely has a starter (wrong answer: fine) and no solution.
            "alpha/starters/lonely.swift": "func lonely() -> Int { 0 }\n",
        ])
        let course = try fixture.course()
        let validator = CourseValidator(course: course, knownDemos: ["sliding"], spec: { id in
            id == "alpha/ghost" ? nil : stubSpec(id)
        }, registryIDs: ["alpha/one", "alpha/two", "alpha/lonely", "alpha/orphan"], check: markerChecker)
        let report = validator.run()
        #expect(!report.ok)
        let lesson = course.lessonURL("alpha").path
        let messages = report.failures.map(\.description)
        func expectOne(_ prefix: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let hits = messages.filter { $0.hasPrefix(prefix) && $0.contains(fragment) }
            #expect(hits.count == 1, "expected one failure starting \(prefix) containing '\(fragment)' in:\n\(messages.joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
        }
        expectOne(course.root.appendingPathComponent("course.yaml").path + ":4:", "missing")
        expectOne("\(lesson):\(line(of: "```exercise foo", in: lessonText)):", "malformed exercise id 'foo'")
        expectOne("\(lesson):\(line(of: "```exercise alpha/ghost", in: lessonText)):", "not known to the grader")
        expectOne("\(lesson):\(line(of: "```exercise alpha/lonely", in: lessonText)):", "1 hint(s)")
        expectOne("\(lesson):\(line(of: "```exercise alpha/lonely", in: lessonText)):", "has no solution")
        expectOne("\(lesson):\(line(of: "```demo nosuchdemo", in: lessonText)):", "no demo named 'nosuchdemo'")
        expectOne("\(lesson):\(line(of: "```exercise alpha/lonely", in: lessonText)):", "has no 'points'")
        expectOne(course.starterURL("alpha/two").path, "passes every case")
        expectOne(course.solutionURL("alpha/two").path + ":2:", "does not compile: two.swift:2:5: cannot find 'x' in scope")
        #expect(report.failures.count == 9, "\(messages.joined(separator: "\n"))")
        #expect(report.summary.hasSuffix("9 failed"))
    }

    @Test func translationMustOfferTheSameExercises() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try FixtureCourse(at: dir, lessons: ["alpha"], files: [
            "alpha/lesson.md": FixtureCourse.lesson("alpha", exercises: ["alpha/one", "alpha/two"]),
            "alpha/lesson.zh.md": FixtureCourse.lesson("alpha", exercises: ["alpha/one"]),
            "alpha/lesson.fr.md": FixtureCourse.lesson("alpha", exercises: ["alpha/one", "alpha/two"]),
            "alpha/starters/one.swift": "// TODO\n", "alpha/solutions/one.swift": "// PASSES\n",
            "alpha/starters/two.swift": "// TODO\n", "alpha/solutions/two.swift": "// PASSES\n",
        ])
        let course = try fixture.course()
        let report = CourseValidator(course: course, knownDemos: nil, spec: stubSpec,
                                     registryIDs: ["alpha/one", "alpha/two"], check: markerChecker).run()
        #expect(report.failures.map(\.description) == [
            course.lessonURL("alpha", language: "zh").path
                + ": the zh translation has exercises [alpha/one] but the English lesson has [alpha/one, alpha/two]",
        ])
    }

    @Test func checksRunOnTwoWorkersAndKeepTheirOrder() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ids = (0..<6).map { "alpha/e\($0)" }
        var files = ["alpha/lesson.md": FixtureCourse.lesson("alpha", exercises: ids)]
        for id in ids {
            let name = id.split(separator: "/")[1]
            files["alpha/starters/\(name).swift"] = "func \(name)() -> Int { 0 } // BROKEN\n"
            files["alpha/solutions/\(name).swift"] = "func \(name)() -> Int { 1 }\n"
        }
        let fixture = try FixtureCourse(at: dir, lessons: ["alpha"], files: files)
        let running = Counter()
        let validator = CourseValidator(course: try fixture.course(), knownDemos: nil, workers: 2, spec: stubSpec,
                                        registryIDs: ids, check: { spec, file, points in
            running.enter()
            // Hold the first check until a second one runs beside it (or 10 s
            // pass), so the overlap does not depend on how busy the machine is.
            running.waitForOverlap(2, timeout: 10)
            defer { running.leave() }
            return markerChecker(spec, file, points)
        })
        let report = validator.run()
        #expect(running.maximum == 2)
        // Each exercise: broken starter, failing solution; reported in course order.
        #expect(report.failures.count == 12)
        let order = report.failures.map { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent }
        #expect(order == ids.flatMap { id in [String(id.split(separator: "/")[1]), String(id.split(separator: "/")[1])] })
    }

    /// The real grader on a fixture lesson: a starter that already passes and a
    /// broken exercise block are reported; a correct solution is not.
    @Test(.timeLimit(.minutes(3))) func realGraderReportsAPassingStarter() throws {
        let dir = try makeWorkspaceTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scan = """
            func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] {
                var out: [Int] = []
                for start in 0...(nums.count - k) { out.append(nums[start..<(start + k)].max()!) }
                return out
            }

            """
        let lessonText = FixtureCourse.lesson("sliding-window-max", exercises: ["sliding-window-max/naive"], extra: """
            ```exercise sliding-window-max/deque
            title: [unclosed
            ```

            """)
        let fixture = try FixtureCourse(at: dir, lessons: ["sliding-window-max"], files: [
            "sliding-window-max/lesson.md": lessonText,
            "sliding-window-max/starters/naive.swift": scan,
            "sliding-window-max/solutions/naive.swift": scan,
        ])
        let course = try fixture.course()
        let checker = Checker()
        let validator = CourseValidator(course: course, knownDemos: [], registryIDs: ["sliding-window-max/naive"],
                                        check: { spec, file, points in
            checker.check(spec, file: file, points: points, seed: 42)
        })
        let report = validator.run()
        let lesson = course.lessonURL("sliding-window-max").path
        let messages = report.failures.map(\.description)
        #expect(messages.count == 2, "\(messages.joined(separator: "\n"))")
        // YAML errors are located inside the block (the fence, or where the parser gave up).
        let fence = line(of: "```exercise sliding-window-max/deque", in: lessonText)
        #expect(messages.contains { m in
            (fence...(fence + 2)).contains { m.hasPrefix("\(lesson):\($0): exercise block sliding-window-max/deque") }
        }, "\(messages.joined(separator: "\n"))")
        #expect(messages.contains { $0.hasPrefix(course.starterURL("sliding-window-max/naive").path) && $0.contains("passes every case") })
    }

    /// THE BUILT-IN COURSE: every lesson in Content/ validates with the real grader.
    /// Expected to fail while lessons are still being written during the session.
    @Test(.timeLimit(.minutes(10))) func builtInCourseValidates() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Content").standardizedFileURL
        let course = try Course.load(from: root)
        let checker = Checker()
        let validator = CourseValidator(course: course, knownDemos: nil, check: { spec, file, points in
            checker.check(spec, file: file, points: points, seed: 42)
        })
        let report = validator.run()
        #expect(report.failures.map(\.description) == [], "\(report.summary)")
    }
}

/// Counts how many callers are inside at once.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var maximum = 0
    func enter() { lock.lock(); current += 1; maximum = max(maximum, current); lock.unlock() }
    func leave() { lock.lock(); current -= 1; lock.unlock() }
    /// Returns once `count` checks have been running at the same time, or after `timeout` seconds.
    func waitForOverlap(_ count: Int, timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            lock.lock(); let reached = maximum >= count; lock.unlock()
            if reached { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }
}
