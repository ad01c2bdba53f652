import Foundation
import Testing

/// Bad lesson files through the binary: each named with its path (and line),
/// never dropped silently, never a Foundation error domain.
@Suite struct BadFilesTests {
    /// A course with a good lesson, a lesson that is not UTF-8 and a lesson whose `lesson.md` is a folder.
    func makeCourse() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-badfiles-\(UUID().uuidString)")
        let fm = FileManager.default
        for id in ["good", "latin1", "folder"] {
            try fm.createDirectory(at: root.appendingPathComponent(id), withIntermediateDirectories: true)
        }
        try "title: Bad files\nlessons: [good, latin1, folder]\n".write(to: root.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try "---\nid: good\ntitle: Good\nsummary: S\n---\nText.\n".write(to: root.appendingPathComponent("good/lesson.md"), atomically: true, encoding: .utf8)
        try Data("---\nid: latin1\ntitle: Caf".utf8 + [0xE9] + Data("\nsummary: S\n---\n".utf8))
            .write(to: root.appendingPathComponent("latin1/lesson.md"))
        try fm.createDirectory(at: root.appendingPathComponent("folder/lesson.md"), withIntermediateDirectories: true)
        return root
    }

    @Test func listNamesEveryUnreadableLessonAndExitsTwo() throws {
        let root = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try LecternProcess.run(["list", "--course", root.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("1. Good  [good]"))
        #expect(r.stdout.contains("2. latin1  [latin1]"))
        #expect(r.stdout.contains("3. folder  [folder]"))
        #expect(r.stderr.contains("\(root.path)/latin1/lesson.md:3: the file is not valid UTF-8 (byte 0xE9 at column 11)"), "\(r.stderr)")
        #expect(r.stderr.contains("\(root.path)/folder/lesson.md: this is a folder, but a file is expected here"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stdout.contains("NSCocoaErrorDomain"))
        let json = try LecternProcess.run(["list", "--json", "--course", root.path])
        #expect(json.status == 2)
        #expect(json.stdout.contains(#""error":"\#(root.path)/latin1/lesson.md:3: the file is not valid UTF-8"#), "\(json.stdout)")
    }

    @Test func showNamesTheFileAndLine() throws {
        let root = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let latin = try LecternProcess.run(["show", "latin1", "--course", root.path])
        #expect(latin.status == 2)
        #expect(latin.stderr == "lectern: \(root.path)/latin1/lesson.md:3: the file is not valid UTF-8 (byte 0xE9 at column 11); save it as UTF-8\n")
        let folder = try LecternProcess.run(["show", "folder", "--course", root.path])
        #expect(folder.status == 2)
        #expect(folder.stderr == "lectern: \(root.path)/folder/lesson.md: this is a folder, but a file is expected here\n")
        let good = try LecternProcess.run(["show", "good", "--course", root.path, "--width", "40"])
        #expect(good.status == 0)
    }

    @Test func aFolderForCourseYAMLIsAPlainMessage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-badfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("course.yaml"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try LecternProcess.run(["list", "--course", root.path])
        #expect(r.status == 2)
        #expect(r.stderr == "lectern: \(root.path)/course.yaml: this is a folder, but a file is expected here\n")
    }
}
