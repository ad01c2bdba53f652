import Foundation
@testable import Lessons

/// Fixture lessons under `Tests/LessonsTests/Fixtures`, read from the source tree
/// so the golden files can be regenerated in place.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Names (without `.md`) of every fixture lesson.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func lesson(_ name: String) throws -> Lesson {
        try LessonParser.load(contentsOf: directory.appendingPathComponent(name + ".md"), expectedID: name)
    }

    static func goldenURL(_ name: String, width: Int) -> URL {
        directory.appendingPathComponent("\(name).w\(width).golden.txt")
    }

    /// True when `LECTERN_UPDATE_GOLDEN=1`: golden files are rewritten instead of compared.
    static var updating: Bool { ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" }
}

/// Parses a lesson from a string literal with a standard header.
func parseBody(_ body: String, file: String = "t.md") -> Lesson {
    LessonParser.parse("---\nid: t\ntitle: T\nsummary: S\n---\n" + body, file: file)
}
