import Foundation
import Testing
@testable import Lessons

/// The outline scan (title and exercise ids without parsing) against the full
/// parser, on every lesson of the built-in course and on generated documents.
@Suite struct LessonOutlineTests {
    static let contentRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")

    @Test func scanAgreesWithTheParserOnTheBuiltInCourse() throws {
        let course = try Course.load(from: Self.contentRoot)
        #expect(!course.lessonIDs.isEmpty)
        for id in course.lessonIDs {
            let lesson = try course.lesson(id)
            let outline = course.outline(id)
            #expect(outline.problem == nil)
            #expect(outline.title == lesson.title, "\(id)")
            #expect(outline.exercises == lesson.exercises.map(\.id), "\(id)")
        }
    }

    @Test func scanAgreesWithTheParserOnGeneratedDocuments() {
        var rng = SplitMix(seed: 31)
        for _ in 0..<300 {
            let body = (0..<(1 + rng.next(upTo: 10))).map { _ in RandomDocumentTests.block(&rng) }.joined(separator: "\n\n")
            let text = "---\nid: t\ntitle: T \(rng.next(upTo: 9))\nsummary: S\n---\n" + body
            let lesson = LessonParser.parse(text, file: "t.md")
            let outline = LessonOutline.scan(text, fallbackTitle: "t")
            #expect(outline.title == lesson.title)
            // The scan also lists an exercise whose block is broken but whose id is well formed.
            let brokenWithID = lesson.specialBlocks.filter {
                if case .broken(let p) = $0 { return p.message.hasPrefix("exercise block l/") } else { return false }
            }
            #expect(outline.exercises.count == lesson.exercises.count + brokenWithID.count, "\(text)")
            #expect(Set(outline.exercises).isSuperset(of: lesson.exercises.map(\.id)))
        }
    }

    @Test func anUnreadableLessonIsInTheOutlineWithItsProblem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-outline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try "title: C\nlessons: [a]\n".write(to: root.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFE, 0x0A]).write(to: root.appendingPathComponent("a/lesson.md"))
        let outline = try Course.load(from: root).outline("a")
        #expect(outline.problem?.description == "\(root.path)/a/lesson.md:2: the file is not valid UTF-8 (byte 0xFE at column 1); save it as UTF-8")
    }
}
