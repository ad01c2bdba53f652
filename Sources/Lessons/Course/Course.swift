import Foundation
import Yams

/// A course folder: `course.yaml` (a title and the lesson ids in order) and one
/// folder per lesson holding `lesson.md`, optional translations
/// `lesson.<lang>.md`, `starters/<name>.swift` and `solutions/<name>.swift`.
///
/// Loading reads only `course.yaml`; lessons are parsed on demand. A listed
/// lesson whose folder or `lesson.md` is missing is a `ContentProblem` in
/// `problems` (for `lectern validate`), and every other lesson still works.
public struct Course: Sendable {
    /// The course folder.
    public var root: URL
    public var title: String
    /// Every lesson id of `course.yaml`, in course order.
    public var lessonIDs: [String]
    /// Problems with the course as a whole (missing lesson folders, duplicate ids).
    public var problems: [ContentProblem]
    /// The course's secret grading seed (`seed:` in `course.yaml`), used by
    /// `lectern grade` instead of the seed learners see; nil when not set.
    public var seed: UInt64? = nil
    /// The default partial credit of the course's exercises (`partial:`); nil means equal groups.
    public var partial: PartialCredit? = nil

    /// The file name of the course description inside a course folder.
    public static let descriptionFile = "course.yaml"

    /// Reads `course.yaml` in `root`.
    ///
    /// - Throws: `ContentProblem` when `course.yaml` is missing or is not a mapping
    ///   with `title` and a `lessons` list.
    public static func load(from root: URL) throws(ContentProblem) -> Course {
        let file = root.appendingPathComponent(descriptionFile)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ContentProblem(file: file.path, line: nil,
                                 message: "no \(descriptionFile) here: a course folder needs one (title, lessons)")
        }
        let text = try ContentFile.text(try ContentFile.read(file), file: file.path)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let (line, message) = YAMLDiagnostics.describe(error)
            throw ContentProblem(file: file.path, line: line, message: message)
        }
        guard let mapping = node?.mapping else {
            throw ContentProblem(file: file.path, line: 1, message: "expected a mapping with 'title' and 'lessons'")
        }
        guard let title = mapping["title"]?.scalar?.string, !title.isEmpty else {
            throw ContentProblem(file: file.path, line: 1, message: "missing 'title' (a string)")
        }
        guard let list = mapping["lessons"]?.sequence else {
            throw ContentProblem(file: file.path, line: mapping["lessons"]?.mark?.line ?? 1,
                                 message: "missing 'lessons' (a list of lesson ids)")
        }
        var ids: [String] = []
        var problems: [ContentProblem] = []
        for item in list {
            let line = item.mark?.line
            guard let id = item.scalar?.string, !id.isEmpty, !id.contains("/") else {
                problems.append(ContentProblem(file: file.path, line: line,
                                               message: "a lesson id must be a folder name, found '\(item.scalar?.string ?? "a list or mapping")'"))
                continue
            }
            if ids.contains(id) {
                problems.append(ContentProblem(file: file.path, line: line, message: "lesson '\(id)' is listed twice"))
                continue
            }
            let lessonFile = root.appendingPathComponent(id).appendingPathComponent("lesson.md")
            if !FileManager.default.fileExists(atPath: lessonFile.path) {
                problems.append(ContentProblem(file: file.path, line: line,
                                               message: "lesson '\(id)' is listed but \(id)/lesson.md does not exist"))
            }
            ids.append(id)
        }
        var course = Course(root: root, title: title, lessonIDs: ids, problems: problems)
        if let node = mapping["seed"] {
            if let text = node.scalar?.string, let seed = UInt64(text) { course.seed = seed } else {
                problems.append(ContentProblem(file: file.path, line: node.mark.map { $0.line },
                                               message: "'seed' must be a whole number ≥ 0, got '\(node.scalar?.string ?? "a list or mapping")'"))
            }
        }
        if let node = mapping["partial"] {
            switch PartialCredit.parse(node) {
            case .success(let p): course.partial = p
            case .failure(let problem):
                problems.append(ContentProblem(file: file.path, line: node.mark.map { $0.line }, message: problem.message))
            }
        }
        course.problems = problems
        return course
    }

    /// Ids of listed lessons whose `lesson.md` exists, in course order.
    public var availableLessonIDs: [String] {
        lessonIDs.filter { FileManager.default.fileExists(atPath: lessonURL($0).path) }
    }

    /// `<root>/<id>/lesson.md`, or `lesson.<language>.md` for a language other than English.
    public func lessonURL(_ id: String, language: String? = nil) -> URL {
        let folder = root.appendingPathComponent(id)
        guard let language, !language.isEmpty, language != "en" else {
            return folder.appendingPathComponent("lesson.md")
        }
        return folder.appendingPathComponent("lesson.\(language).md")
    }

    /// The languages a lesson exists in: "en" first, then translations found on disk.
    public func languages(of id: String) -> [String] {
        let folder = root.appendingPathComponent(id)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let translations = names.compactMap { name -> String? in
            let parts = name.split(separator: ".")
            guard parts.count == 3, parts[0] == "lesson", parts[2] == "md" else { return nil }
            return String(parts[1])
        }.sorted()
        return ["en"] + translations.filter { $0 != "en" }
    }

    /// Parses lesson `id` in `language` when that translation exists, else in English.
    ///
    /// - Throws: `ContentProblem` when the lesson is not in the course or its file cannot be read.
    public func lesson(_ id: String, language: String? = nil) throws(ContentProblem) -> Lesson {
        guard lessonIDs.contains(id) else {
            throw ContentProblem(file: root.path, line: nil,
                                 message: "no lesson '\(id)' in course \(root.path); lessons: \(lessonIDs.joined(separator: ", "))")
        }
        if let language, language != "en" {
            let translated = lessonURL(id, language: language)
            if FileManager.default.fileExists(atPath: translated.path) {
                return try LessonParser.load(contentsOf: translated, language: language, expectedID: id)
            }
        }
        let url = lessonURL(id)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ContentProblem(file: url.path, line: nil, message: "lesson '\(id)' is listed in \(Course.descriptionFile) but this file does not exist")
        }
        return try LessonParser.load(contentsOf: url, language: "en", expectedID: id)
    }

    /// Every listed lesson, parsed, in course order; a lesson that cannot be read is a problem instead.
    public func lessons(language: String? = nil) -> [(id: String, lesson: Result<Lesson, ContentProblem>)] {
        lessonIDs.map { id in
            do throws(ContentProblem) {
                return (id, .success(try lesson(id, language: language)))
            } catch {
                return (id, .failure(error))
            }
        }
    }

    /// `<root>/<lesson>/starters/<name>.swift` for exercise id `lesson/name`.
    public func starterURL(_ exerciseID: String) -> URL { exerciseFile(exerciseID, folder: "starters") }

    /// `<root>/<lesson>/solutions/<name>.swift` for exercise id `lesson/name`.
    public func solutionURL(_ exerciseID: String) -> URL { exerciseFile(exerciseID, folder: "solutions") }

    private func exerciseFile(_ exerciseID: String, folder: String) -> URL {
        let parts = exerciseID.split(separator: "/", maxSplits: 1).map(String.init)
        let lesson = parts.first ?? exerciseID
        let name = parts.count > 1 ? parts[1] : exerciseID
        return root.appendingPathComponent(lesson).appendingPathComponent(folder)
            .appendingPathComponent(name + ".swift")
    }
}

/// What the course outline needs from a lesson, read without parsing it: the
/// front matter's title and the ids of its exercise blocks. Scanning is one
/// pass over the lines, so opening a course never parses every lesson.
public struct LessonOutline: Sendable, Equatable {
    public var title: String
    public var exercises: [String]
    /// Why the lesson file cannot be read; the outline still lists it.
    public var problem: ContentProblem?

    public init(title: String, exercises: [String], problem: ContentProblem? = nil) {
        self.title = title; self.exercises = exercises; self.problem = problem
    }

    /// Scans `text`: `title:` in the front matter, and the id after each
    /// ```` ```exercise ```` fence that is not inside another fenced block
    /// (fences may sit in list items and quotes).
    public static func scan(_ text: String, fallbackTitle: String) -> LessonOutline {
        var text = text
        // One pass over the bytes; a native string has them in one buffer.
        return text.withUTF8 { scan(bytes: $0, fallbackTitle: fallbackTitle) }
    }

    private static func scan(bytes: UnsafeBufferPointer<UInt8>, fallbackTitle: String) -> LessonOutline {
        var title: String?
        var exercises: [String] = []
        var fence: (char: UInt8, count: Int)?
        var inHeader = false
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            defer { start = end + 1 }
            lineNumber += 1
            var line = bytes[start..<end]
            while let last = line.last, last == 13 || last == 32 || last == 9 { line = line.dropLast() }
            if lineNumber == 1 {
                var first = line
                if first.starts(with: [0xEF, 0xBB, 0xBF]) { first = first.dropFirst(3) }
                if first.elementsEqual("---".utf8) { inHeader = true; continue }
            }
            if inHeader {
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) { inHeader = false; continue }
                if title == nil, line.starts(with: "title:".utf8) {
                    var value = String(decoding: line.dropFirst(6), as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                        value = String(value.dropFirst().dropLast())
                    }
                    if !value.isEmpty { title = value }
                }
                continue
            }
            // Most lines cannot hold a fence: their first byte past indentation and
            // '>' is no fence character, list marker or digit.
            guard let lead = line.first(where: { $0 != 32 && $0 != 9 && $0 != UInt8(ascii: ">") }),
                  lead == UInt8(ascii: "`") || lead == UInt8(ascii: "~") || lead == UInt8(ascii: "-")
                  || lead == UInt8(ascii: "*") || lead == UInt8(ascii: "+") || (48...57).contains(lead) else { continue }
            let stripped = Self.dropContainerMarkers(line)
            guard let c = stripped.first, c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { continue }
            let run = stripped.prefix { $0 == c }.count
            guard run >= 3 else { continue }
            if let open = fence {
                if c == open.char, run >= open.count, stripped.dropFirst(run).isEmpty { fence = nil }
                continue
            }
            let info = stripped.dropFirst(run)
            if c == UInt8(ascii: "`"), info.contains(UInt8(ascii: "`")) { continue }
            fence = (c, run)
            let words = String(decoding: info, as: UTF8.self).split(whereSeparator: \.isWhitespace)
            if words.count == 2, words[0] == "exercise" { exercises.append(String(words[1])) }
        }
        return LessonOutline(title: title ?? fallbackTitle, exercises: exercises)
    }

    /// A line without the indentation, quote markers and list markers in front of its content.
    static func dropContainerMarkers(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var rest = line
        while true {
            let before = rest.count
            rest = rest.drop { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: ">") }
            if let c = rest.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+"),
               rest.dropFirst().first == 32 {
                rest = rest.dropFirst(2)
            } else {
                let digits = rest.prefix { $0 >= 48 && $0 <= 57 }
                let after = rest.dropFirst(digits.count)
                if (1...9).contains(digits.count), let d = after.first, d == UInt8(ascii: ".") || d == UInt8(ascii: ")"),
                   after.dropFirst().first == 32 {
                    rest = after.dropFirst(2)
                }
            }
            if rest.count == before { return rest }
        }
    }
}

extension Course {
    /// The outline entry of lesson `id` in `language` (English by default),
    /// read without parsing the lesson.
    public func outline(_ id: String, language: String? = nil) -> LessonOutline {
        let url = lessonURL(id, language: language)
        do throws(ContentProblem) {
            let text = try ContentFile.text(try ContentFile.read(url), file: url.path)
            return LessonOutline.scan(text, fallbackTitle: id)
        } catch {
            return LessonOutline(title: id, exercises: [], problem: error)
        }
    }
}
