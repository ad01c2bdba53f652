import Foundation
import Testing

extension EndToEndTests {
    /// A lesson that is not UTF-8 stays in the app's outline, marked, and
    /// opening it shows the file's path and the line of the first bad byte.
    @Test func anUnreadableLessonIsNamedInTheApp() throws {
        guard let (dir, course, tmux) = try Self.scratch() else { return }
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = course.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try Data("---\nid: broken\ntitle: Caf".utf8 + [0xE9] + Data("\nsummary: S\n---\n".utf8))
            .write(to: broken.appendingPathComponent("lesson.md"))
        try "title: Test course\nlessons:\n  - sliding-window-max\n  - broken\n"
            .write(to: course.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        let s = launch(dir, course: course, tmux: tmux)
        #expect(s.wait(for: "broken (cannot be read)"), "\(s.screen())")
        s.keys("Down")
        s.keys("Enter")
        #expect(s.wait(for: "broken/lesson.md:3"), "\(s.screen())")
        // The message is wrapped in the pane, not cut: join the pane's rows to read it.
        let joined = s.screen().split(separator: "\n").map { $0.split(separator: "│").dropFirst(1).first.map(String.init) ?? "" }.joined()
        #expect(joined.contains("the file is not valid UTF-8 (byte 0xE9 at column 11)"), "\(s.screen())")
        s.keys("q")
        #expect(Self.exitStatus(dir) == "0")
    }
}
