import Foundation
import Testing
@testable import Lessons

@Suite struct CourseTests {
    /// A throwaway course: lessons a (with a Chinese translation) and b, and c listed but missing.
    func makeCourse() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-course-\(UUID().uuidString)")
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("course.yaml", "title: Test course\nlessons:\n  - a\n  - b\n  - c\n")
        try write("a/lesson.md", "---\nid: a\ntitle: Lesson A\nsummary: S\n---\n```exercise a/one\ntitle: One\n```\n")
        try write("a/lesson.zh.md", "---\nid: a\ntitle: 课程 A\nsummary: S\n---\n中文。\n")
        try write("b/lesson.md", "---\nid: b\ntitle: Lesson B\nsummary: S\n---\nText.\n")
        return root
    }

    @Test func loadsInOrderAndReportsMissingLessons() throws {
        let root = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let course = try Course.load(from: root)
        #expect(course.title == "Test course")
        #expect(course.lessonIDs == ["a", "b", "c"])
        #expect(course.availableLessonIDs == ["a", "b"])
        #expect(course.problems.count == 1)
        #expect(course.problems.first?.line == 5)
        #expect(course.problems.first?.message.contains("c/lesson.md does not exist") == true)
        let results = course.lessons()
        #expect(results.map(\.id) == ["a", "b", "c"])
        if case .failure = results[2].lesson {} else { Issue.record("c should fail") }
        #expect((try? results[1].lesson.get().title) == "Lesson B")
    }

    @Test func translationsFallBackPerLesson() throws {
        let root = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let course = try Course.load(from: root)
        let a = try course.lesson("a", language: "zh")
        #expect(a.title == "课程 A" && a.language == "zh")
        let b = try course.lesson("b", language: "zh")
        #expect(b.title == "Lesson B" && b.language == "en")
        #expect(course.languages(of: "a") == ["en", "zh"])
        #expect(course.languages(of: "b") == ["en"])
    }

    @Test func unknownLessonNamesTheCourseAndItsLessons() throws {
        let root = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let course = try Course.load(from: root)
        #expect(throws: ContentProblem.self) { try course.lesson("zzz") }
        do {
            _ = try course.lesson("zzz")
        } catch {
            #expect(error.message.hasPrefix("no lesson 'zzz' in course \(root.path); lessons: a, b, c"))
        }
    }

    @Test func exerciseFiles() throws {
        let course = Course(root: URL(fileURLWithPath: "/c"), title: "T", lessonIDs: ["l"], problems: [])
        #expect(course.starterURL("l/deque").path == "/c/l/starters/deque.swift")
        #expect(course.solutionURL("l/deque").path == "/c/l/solutions/deque.swift")
    }

    @Test func badCourseYAML() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ContentProblem.self) { try Course.load(from: root) }   // no course.yaml
        try "title: T\nlessons: nope\n".write(to: root.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try Course.load(from: root)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("lessons"))
        }
    }

    @Test func locateBuiltInSearchOrder() throws {
        let root = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        // 1. The environment wins.
        #expect(try Course.locateBuiltIn(environment: ["LECTERN_COURSE": root.path], executable: nil).path == root.path)
        #expect(throws: ContentProblem.self) {
            try Course.locateBuiltIn(environment: ["LECTERN_COURSE": "/nonexistent"], executable: nil)
        }
        // 2. An installed layout: <prefix>/bin/lectern with <prefix>/share/lectern/Content.
        let prefix = root.appendingPathComponent("prefix")
        let share = prefix.appendingPathComponent("share/lectern/Content")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try "title: T\nlessons: []\n".write(to: share.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        let installed = prefix.appendingPathComponent("bin/lectern")
        #expect(try Course.locateBuiltIn(environment: [:], executable: installed).path == share.path)
        // 3. A build folder inside a repository: walk up to <repo>/Content.
        let repo = root.appendingPathComponent("repo")
        let content = repo.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "title: T\nlessons: []\n".write(to: content.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        let built = repo.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release/lectern")
        #expect(try Course.locateBuiltIn(environment: [:], executable: built).path == content.path)
        // Nothing found: the error says what was tried.
        do {
            _ = try Course.locateBuiltIn(environment: [:], executable: URL(fileURLWithPath: "/nonexistent/bin/lectern"))
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("LECTERN_COURSE"))
        }
    }
}
