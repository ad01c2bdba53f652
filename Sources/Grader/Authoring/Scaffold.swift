import Foundation
import Lessons

/// `lectern new lesson ID` and `lectern new exercise LESSON/NAME [--like KIND]`:
/// writes the files an instructor starts from, never overwriting one.
///
/// - A lesson: `<id>/lesson.md` (front matter and a first section),
///   `<id>/starters/`, `<id>/solutions/`, and the id appended to `course.yaml`.
/// - An exercise of an existing kind (`--like`): an exercise block appended to
///   the lesson (with `kind:` when the id differs), a starter and a solution
///   copied from the built-in course's files for that kind when it has them
///   (else a starter that compiles and traps, and a solution to write).
/// - A new kind: the same Markdown and files, plus the Engine and binding files
///   to write and a template for each (`NewKindPlan`), printed, not written:
///   they belong in Lectern's own sources.
public enum Scaffold {
    /// What a scaffold command did, for the command to print.
    public struct Outcome: Sendable, Equatable {
        public var created: [String] = []
        public var changed: [String] = []
        public var kept: [String] = []
        /// For a new kind: the files to write in Lectern's sources, with templates.
        public var newKind: [(path: String, template: String)] = []

        public static func == (a: Outcome, b: Outcome) -> Bool {
            a.created == b.created && a.changed == b.changed && a.kept == b.kept
                && a.newKind.map(\.path) == b.newKind.map(\.path)
        }
    }

    /// Lowercase letters, digits and dashes, as lesson ids and exercise names are.
    public static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// Creates lesson `id` in the course at `root` and lists it in `course.yaml`.
    public static func newLesson(_ id: String, courseRoot root: URL, title: String? = nil) throws(ScaffoldError) -> Outcome {
        guard isName(id) else { throw .badName(id, "a lesson id is lowercase letters, digits and '-'") }
        var outcome = Outcome()
        let course = try loadCourse(root)
        let folder = root.appendingPathComponent(id)
        let lessonFile = folder.appendingPathComponent("lesson.md")
        for sub in ["starters", "solutions"] {
            try makeFolder(folder.appendingPathComponent(sub))
        }
        let heading = title ?? id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        try write(lessonFile, """
            ---
            id: \(id)
            title: \(heading)
            summary: One sentence that says what the learner will be able to do.
            ---
            # \(heading)

            Start with the question this lesson answers, then the idea, then a worked example.

            ```quiz
            question: A question whose answer the text above has just taught.
            choices: [a wrong but tempting answer, the right answer, another wrong answer]
            answer: the right answer
            explanation: Why the right answer is right.
            ```

            """, outcome: &outcome)
        if course.lessonIDs.contains(id) {
            outcome.kept.append(root.appendingPathComponent(Course.descriptionFile).path)
        } else {
            try appendLesson(id, to: root.appendingPathComponent(Course.descriptionFile))
            outcome.changed.append(root.appendingPathComponent(Course.descriptionFile).path)
        }
        return outcome
    }

    /// Adds exercise `id` (`lesson/name`) to the course at `root`; creates the lesson first when missing.
    ///
    /// - Parameters:
    ///   - like: the kind it reuses; nil (or an id the grader does not know) scaffolds a new kind.
    ///   - builtIn: the built-in course, whose starter and solution of `like` are copied.
    public static func newExercise(_ id: String, like: String?, courseRoot root: URL, builtIn: URL?,
                                   spec: (String) -> ExerciseSpec? = ExerciseRegistry.spec) throws(ScaffoldError) -> Outcome {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, isName(parts[0]), isName(parts[1]) else {
            throw .badName(id, "an exercise id is lesson/name, both lowercase letters, digits and '-'")
        }
        let (lessonID, name) = (parts[0], parts[1])
        var outcome = Outcome()
        var course = try loadCourse(root)
        if !course.lessonIDs.contains(lessonID) {
            let made = try newLesson(lessonID, courseRoot: root)
            outcome.created += made.created; outcome.changed += made.changed
            course = try loadCourse(root)
        }
        if let lesson = try? course.lesson(lessonID), lesson.exercises.contains(where: { $0.id == id }) {
            throw .exists("lesson '\(lessonID)' already has an exercise block '\(id)'")
        }
        let kindSpec = like.flatMap(spec)
        if let like, kindSpec == nil, spec(id) == nil {
            throw .unknownKind(like)
        }
        let kind = like ?? id
        let signature = kindSpec?.signature ?? spec(id)?.signature
        // 1. The exercise block, appended to lesson.md.
        var block = "\n```exercise \(id)\ntitle: Say in a few words what the learner builds\npoints: 1\n"
        if kind != id { block += "kind: \(kind)\n" }
        block += """
            hints:
              - A first hint that points at the idea without giving it away.
              - A second hint that names the step where most attempts go wrong.
            ```

            """
        let lessonFile = course.lessonURL(lessonID)
        do {
            let handle = try FileHandle(forWritingTo: lessonFile)
            handle.seekToEndOfFile()
            handle.write(Data(block.utf8))
            try handle.close()
        } catch {
            throw .io(lessonFile.path, "\(error)")
        }
        outcome.changed.append(lessonFile.path)
        // 2. Starter and solution: the built-in course's files of the kind, else generated.
        let starter = course.starterURL(id), solution = course.solutionURL(id)
        if let builtIn, let builtInCourse = try? Course.load(from: builtIn), kindSpec != nil,
           let s = FileManager.default.contents(atPath: builtInCourse.starterURL(kind).path),
           let t = FileManager.default.contents(atPath: builtInCourse.solutionURL(kind).path) {
            try write(starter, String(decoding: s, as: UTF8.self), outcome: &outcome)
            try write(solution, String(decoding: t, as: UTF8.self), outcome: &outcome)
        } else {
            let declaration = signature?.declaration ?? "func \(camel(name))(input: [Int]) -> [Int]"
            try write(starter, """
                /// Describe what the function returns, the shapes of its arguments and its edge cases.
                \(declaration) {
                    fatalError("not written yet")
                }

                """, outcome: &outcome)
            try write(solution, """
                // The instructor's solution: it must pass every case (`lectern validate`).
                \(declaration) {
                    fatalError("write the solution")
                }

                """, outcome: &outcome)
        }
        if kindSpec == nil && spec(id) == nil { outcome.newKind = NewKindPlan.files(lesson: lessonID, name: name) }
        return outcome
    }

    static func camel(_ name: String) -> String {
        let words = name.split(separator: "-")
        return (words.first.map(String.init) ?? "solve") + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func loadCourse(_ root: URL) throws(ScaffoldError) -> Course {
        do throws(ContentProblem) { return try Course.load(from: root) } catch { throw .io(root.path, error.description) }
    }

    static func makeFolder(_ url: URL) throws(ScaffoldError) {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .io(url.path, error.localizedDescription)
        }
    }

    /// Writes `text` unless the file exists (then it is kept).
    static func write(_ url: URL, _ text: String, outcome: inout Outcome) throws(ScaffoldError) {
        if FileManager.default.fileExists(atPath: url.path) { outcome.kept.append(url.path); return }
        try makeFolder(url.deletingLastPathComponent())
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch { throw .io(url.path, error.localizedDescription) }
        outcome.created.append(url.path)
    }

    /// Adds `  - id` after the last entry of the `lessons:` list of `course.yaml`.
    static func appendLesson(_ id: String, to file: URL) throws(ScaffoldError) {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { throw .io(file.path, "cannot read it") }
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("lessons:") }) else {
            throw .io(file.path, "no 'lessons:' list to add '\(id)' to")
        }
        if lines[start].replacingOccurrences(of: " ", with: "") == "lessons:[]" {
            lines[start] = "lessons:"
            lines.insert("  - \(id)", at: start + 1)
        } else {
            var last = start
            var i = start + 1
            while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("- ") || lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                if !lines[i].trimmingCharacters(in: .whitespaces).isEmpty { last = i }
                i += 1
            }
            let indent = last > start ? String(lines[last].prefix(while: { $0 == " " })) : "  "
            lines.insert("\(indent)- \(id)", at: last + 1)
        }
        do { try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8) } catch {
            throw .io(file.path, error.localizedDescription)
        }
    }
}

/// A scaffold that could not be written; the message says what to do.
public enum ScaffoldError: Error, CustomStringConvertible, Equatable {
    case badName(String, String)
    case unknownKind(String)
    case exists(String)
    case io(String, String)

    public var description: String {
        switch self {
        case .badName(let name, let rule): return "'\(name)': \(rule)"
        case .unknownKind(let kind):
            return "no exercise kind '\(kind)' in the grader; `lectern describe` lists the kinds (leave out --like for a new kind)"
        case .exists(let what): return what
        case .io(let path, let reason): return "\(path): \(reason)"
        }
    }
}
