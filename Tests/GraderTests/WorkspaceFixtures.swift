import Foundation
@testable import Grader
import Lessons

/// A small course written into a temporary folder, for workspace and validate tests.
struct FixtureCourse {
    let root: URL

    /// Writes `course.yaml` listing `lessons`, and each lesson's files.
    /// `files` maps a path relative to the course root to its contents.
    init(at root: URL, lessons: [String], files: [String: String]) throws {
        self.root = root
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let yaml = "title: Fixture course\nlessons:\n" + lessons.map { "  - \($0)\n" }.joined()
        try yaml.write(to: root.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func course() throws -> Course { try Course.load(from: root) }

    /// A lesson file with front matter and the given exercise ids, each with two hints.
    static func lesson(_ id: String, exercises: [String], extra: String = "") -> String {
        var text = "---\nid: \(id)\ntitle: Lesson \(id)\nsummary: A fixture.\n---\n# Lesson \(id)\n\nSome prose.\n\n"
        for e in exercises {
            text += "```exercise \(e)\ntitle: Exercise \(e)\npoints: 2\nhints:\n  - First hint of \(e).\n  - Second hint of \(e).\n```\n\n"
        }
        return text + extra
    }
}

/// The Tensor sources of this repository (tests run from the package root or its build folder).
func repositoryTensorSources() -> URL? {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("Sources/Tensor")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Matrix.swift").path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}

/// A fresh temporary directory for one test.
func makeWorkspaceTestDirectory(_ name: String = #function) throws -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("lectern-ws-tests-\(safe)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
