import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Grader
import Lessons

/// `lectern grade` on a fixture class with one student per outcome (correct,
/// wrong, compile error, infinite loop, crash, sandbox escape attempt, memory
/// exhaustion, a disk filler, nothing submitted), checked in all four report
/// formats with each format's consumer:
/// Foundation's XMLParser for JUnit, the Gradescope results.json structure,
/// an RFC 4180 reader for CSV, and the JSON parser.
@Suite(.serialized)
struct GradeTests {
    static let classFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/class")
    static let escapeProof = "/tmp/lectern-grade-escape-proof.txt"
    static let escapeMarker = "lectern-grade-escape-marker"
    /// The file the disk filler grows in its working folder.
    static let fillerFile = "lectern-disk-filler.bin"
    static let cacheName = "lectern-grade-tests-cache"

    static let checker: Checker = {
        var c = Checker(cacheDirectory: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(cacheName))
        c.limits.cpuSeconds = 2
        c.limits.wallSeconds = 4
        c.reuseReports = false
        return c
    }()

    /// The deque exercise without its performance group (tests run unoptimised), worth 3 points.
    static let deque: GradedExercise = {
        var spec = ExerciseRegistry.spec("sliding-window-max/deque")!
        spec.performance = nil
        return GradedExercise(id: "sliding-window-max/deque", title: "One pass with a monotonic deque", points: 3,
                              partial: .equalGroups, kind: "sliding-window-max/deque", spec: spec)
    }()

    static let everyone = ["compile-error", "correct", "crash", "disk-filler", "escape", "infinite-loop", "memory-hog",
                           "nothing", "wrong"]

    static func students() throws -> [Submissions.Student] {
        try Submissions.discover(classFolder, lessonIDs: ["sliding-window-max"]).students
    }

    static func temporaryGradebook() throws -> Gradebook {
        try Gradebook(path: NSTemporaryDirectory() + "lectern-gradebook-\(UUID().uuidString).sqlite")
    }

    /// The whole class graded once (two jobs) and shared by the format tests.
    static let graded: ClassGrades = {
        try? FileManager.default.removeItem(atPath: escapeProof)
        let grader = BatchGrader(checker: checker, exercises: [deque], seed: 7, jobs: 2,
                                 gradebook: try? temporaryGradebook())
        return grader.grade((try? students()) ?? [], courseTitle: "Fixture class")
    }()

    @Test func discoversBothLayoutsAndSkipsHiddenFolders() throws {
        let found = try Submissions.discover(Self.classFolder, lessonIDs: ["sliding-window-max"])
        #expect(!found.single)
        #expect(found.students.map(\.name) == Self.everyone)
        let correct = try #require(found.students.first { $0.name == "correct" })
        #expect(correct.exercisesRoot.lastPathComponent == "Exercises")
        #expect(correct.file(for: "sliding-window-max/deque") != nil)
        #expect(found.students.first { $0.name == "nothing" }?.file(for: "sliding-window-max/deque") == nil)
        // One student's folder is itself one submission.
        let one = try Submissions.discover(Self.classFolder.appendingPathComponent("wrong"), lessonIDs: ["sliding-window-max"])
        #expect(one.single && one.students.map(\.name) == ["wrong"])
    }

    @Test func linksLeadingOutOfAStudentFolderAreNotRead() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-links-\(UUID().uuidString)")
        let lesson = dir.appendingPathComponent("mallory/sliding-window-max")
        try FileManager.default.createDirectory(at: lesson, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: lesson.appendingPathComponent("deque.swift").path,
                                                   withDestinationPath: "/etc/passwd")
        let found = try Submissions.discover(dir, lessonIDs: ["sliding-window-max"])
        #expect(found.students.first?.file(for: "sliding-window-max/deque") == nil)
    }

    @Test func everyStudentGetsTheExpectedRow() {
        let g = Self.graded
        #expect(!g.interrupted)
        func row(_ s: String) -> GradeRow? { g.row(s, "sliding-window-max/deque") }
        #expect(row("correct")?.verdict == "passed")
        #expect(row("correct")?.score == 3)
        #expect(row("wrong")?.verdict == "wrong_answer")
        // The wrong answer passes the lesson's examples: partial credit, less than full.
        #expect((row("wrong")?.score ?? 0) > 0 && (row("wrong")?.score ?? 3) < 3, "\(String(describing: row("wrong")?.report?.groups))")
        #expect(row("compile-error")?.verdict == "compile_error")
        #expect(row("compile-error")?.report?.diagnostics.isEmpty == false)
        #expect(row("compile-error")?.score == 0)
        #expect(row("infinite-loop")?.verdict == "timeout")
        #expect(row("crash")?.verdict == "runtime_error")
        #expect(row("escape")?.verdict == "runtime_error")
        #expect(row("escape")?.report?.limit?.name == .processes)
        #expect(row("nothing")?.verdict == "missing")
        #expect(row("nothing")?.report == nil)
        // Memory exhaustion is the memory limit, named with its size, not a crash.
        #expect(row("memory-hog")?.verdict == "memory_limit")
        #expect(row("memory-hog")?.report?.limit == LimitHit(name: .memory, value: 1024, unit: "MiB"))
        #expect(row("memory-hog")?.score == 0)
        // A file grown without bound stops at the file-size limit (RLIMIT_FSIZE, 16 MiB).
        #expect(row("disk-filler")?.verdict == "output_limit")
        #expect(row("disk-filler")?.report?.limit == LimitHit(name: .output, value: 16, unit: "MiB"))
        #expect(row("disk-filler")?.report?.failure?.message.contains("wrote a file larger than 16 MiB") == true,
                "\(String(describing: row("disk-filler")?.report?.failure?.message))")
        #expect(g.internalErrors.isEmpty)
        #expect(g.students.map(\.maxScore) == Array(repeating: 3, count: Self.everyone.count))
    }

    @Test func theEscapeAttemptLeavesNothingBehind() {
        _ = Self.graded
        #expect(!FileManager.default.fileExists(atPath: Self.escapeProof))
        let fm = FileManager.default
        let alive = ((try? fm.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, let data = fm.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(Self.escapeMarker)
        }
        #expect(alive.isEmpty)
    }

    /// What a good submission's row says: verdict, score, case counts and per-group counts.
    struct Outcome: Equatable {
        var verdict: String; var score: Double; var cases: CaseCount?; var groups: [GroupResult]; var failedCase: Int?
        init(_ row: GradeRow?) {
            verdict = row?.verdict ?? "absent"; score = row?.score ?? -1; cases = row?.report?.cases
            groups = row?.report?.groups ?? []; failedCase = row?.report?.failure?.case
        }
    }

    @Test func goodSubmissionsGetTheSameRowsAsWhenGradedAlone() throws {
        let good = try Self.students().filter { ["correct", "wrong"].contains($0.name) }
        let alone = BatchGrader(checker: Self.checker, exercises: [Self.deque], seed: 7, jobs: 1, gradebook: nil)
            .grade(good, courseTitle: "alone")
        for name in ["correct", "wrong"] {
            let before = Outcome(alone.row(name, "sliding-window-max/deque"))
            #expect(before.verdict != "absent" && before.cases != nil)
            #expect(Outcome(Self.graded.row(name, "sliding-window-max/deque")) == before, "\(name)")
        }
    }

    @Test func theHostileOnesLeaveNoFileAndNoProcess() throws {
        _ = Self.graded
        let fm = FileManager.default
        // The filler wrote only in its run folder, and that folder is gone: its file is nowhere,
        // not among the run folders left in the temporary directory, not in the student's folder.
        var places = [NSTemporaryDirectory(), fm.currentDirectoryPath, Self.classFolder.path]
        for name in (try? fm.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [] where name.hasPrefix("lectern-run-") {
            places.append(NSTemporaryDirectory() + "/" + name)
        }
        for place in places {
            #expect(!fm.fileExists(atPath: place + "/" + Self.fillerFile), "\(place)")
        }
        let filler = Self.classFolder.appendingPathComponent("disk-filler")
        #expect(try fm.subpathsOfDirectory(atPath: filler.path).sorted() == ["sliding-window-max", "sliding-window-max/deque.swift"])
        // Every program compiled for this class runs from this suite's cache: none is still running
        // (nor a zombie).
        let alive = ((try? fm.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, Int32(pid) != getpid(), let data = fm.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(Self.cacheName)
        }
        #expect(alive.isEmpty, "\(alive)")
    }

    // MARK: formats

    @Test func jsonHoldsEveryRowWithItsReport() throws {
        let json = try JSONValue.parse(GradeFormat.json.render(Self.graded))
        guard case .object(let top) = json, case .array(let students)? = top.first(where: { $0.0 == "students" })?.1 else {
            Issue.record("not an object with students"); return
        }
        #expect(students.count == Self.everyone.count)
        var verdicts: [String: String] = [:]
        for case .object(let s) in students {
            guard case .string(let name)? = s.first(where: { $0.0 == "student" })?.1,
                  case .array(let results)? = s.first(where: { $0.0 == "results" })?.1,
                  case .object(let r)? = results.first,
                  case .string(let verdict)? = r.first(where: { $0.0 == "verdict" })?.1 else { continue }
            verdicts[name] = verdict
        }
        #expect(verdicts == ["correct": "passed", "wrong": "wrong_answer", "compile-error": "compile_error",
                             "infinite-loop": "timeout", "crash": "runtime_error", "escape": "runtime_error",
                             "memory-hog": "memory_limit", "disk-filler": "output_limit", "nothing": "missing"])
    }

    @Test func junitParsesWithOneSuitePerStudent() throws {
        let xml = GradeFormat.junit.render(Self.graded)
        let parsed = try JUnitReader.read(xml)
        #expect(parsed.root == "testsuites")
        #expect(parsed.suites == Self.everyone)
        #expect(parsed.cases.count == Self.everyone.count)
        #expect(parsed.cases.allSatisfy { $0.name == "sliding-window-max/deque" })
        let failures = Dictionary(parsed.failures.map { ($0.classname, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(failures["correct"] == nil)
        #expect(failures["wrong"]?.type == "wrong_answer")
        #expect(failures["wrong"]?.text.contains("expected:") == true)
        #expect(failures["wrong"]?.text.contains("got:") == true)
        #expect(failures["compile-error"]?.type == "compile_error")
        #expect(failures["infinite-loop"]?.type == "timeout")
        #expect(failures["crash"]?.type == "runtime_error")
        #expect(failures["escape"]?.type == "runtime_error")
        #expect(failures["nothing"]?.type == "missing")
        #expect(failures["memory-hog"]?.type == "memory_limit")
        #expect(failures["disk-filler"]?.type == "output_limit")
    }

    @Test func junitEscapesWhatXMLCannotHold() throws {
        var g = Self.graded
        g.students = [StudentGrades(name: "a<b>&\"c\"", rows: [GradeRow(
            student: "a<b>&\"c\"", exercise: "sliding-window-max/deque", maxScore: 3,
            report: CheckReport(exercise: "sliding-window-max/deque", verdict: .wrongAnswer, maxScore: 3, seed: 7,
                                stdout: "bell \u{7} and ]]> and \u{1B}[31m", summary: "wrong <answer> & more"),
            file: "x.swift")])]
        let parsed = try JUnitReader.read(GradeFormat.junit.render(g))
        #expect(parsed.suites == ["a<b>&\"c\""])
        #expect(parsed.failures.first?.message == "wrong <answer> & more")
    }

    @Test func gradescopeMatchesTheResultsStructure() throws {
        // A class: an object of results by student; each one a results.json.
        let all = try JSONValue.parse(GradeFormat.gradescope.render(Self.graded))
        guard case .object(let byStudent) = all else { Issue.record("not an object"); return }
        #expect(byStudent.map(\.0).sorted() == Self.graded.students.map(\.name))
        for (_, results) in byStudent { try GradescopeSchema.check(results) }
        // One student: the bare results.json.
        var one = Self.graded
        one.students = one.students.filter { $0.name == "wrong" }
        let single = try JSONValue.parse(GradeFormat.gradescope.render(one))
        try GradescopeSchema.check(single)
        guard case .object(let top) = single, case .double(let score)? = top.first(where: { $0.0 == "score" })?.1 else {
            Issue.record("no score"); return
        }
        #expect(score == one.students[0].score)
    }

    @Test func csvOpensAsIs() throws {
        let text = GradeFormat.csv.render(Self.graded)
        #expect(text.hasSuffix("\r\n"))
        let rows = try CSVReader.read(text)
        #expect(rows.first == ["student", "sliding-window-max/deque", "total"])
        #expect(rows.count == 1 + Self.everyone.count)
        #expect(rows.dropFirst().allSatisfy { $0.count == 3 })
        #expect(rows.first { $0.first == "correct" } == ["correct", "3", "3"])
        #expect(rows.first { $0.first == "nothing" } == ["nothing", "0", "0"])
        #expect(rows.first { $0.first == "memory-hog" } == ["memory-hog", "0", "0"])
    }

    @Test func csvQuotesByRFC4180() throws {
        var g = Self.graded
        g.students = [StudentGrades(name: "O'Brien, \"Jr\"\nline two", rows: []),
                      StudentGrades(name: "=cmd()", rows: [])]
        let rows = try CSVReader.read(GradeFormat.csv.render(g))
        #expect(rows[1] == ["O'Brien, \"Jr\"\nline two", "", "0"])
        #expect(rows[2] == ["'=cmd()", "", "0"])
    }

    // MARK: gradebook, force, interruption

    @Test func anUnchangedClassComesFromTheGradebook() throws {
        let book = try Self.temporaryGradebook()
        let students = try Self.students().filter { ["correct", "wrong", "nothing"].contains($0.name) }
        let first = BatchGrader(checker: Self.checker, exercises: [Self.deque], seed: 7, jobs: 2, gradebook: book)
            .grade(students, courseTitle: "c")
        #expect(first.reused == 0)
        #expect(book.count() == 2)   // a missing file is not stored
        let again = BatchGrader(checker: Self.checker, exercises: [Self.deque], seed: 7, jobs: 2, gradebook: book)
            .grade(students, courseTitle: "c")
        #expect(again.reused == 2)
        #expect(again.students.flatMap(\.rows).filter(\.fromGradebook).count == 2)
        #expect(again.students.map(\.score) == first.students.map(\.score))
        // Another seed is another key; --force ignores the gradebook.
        let otherSeed = BatchGrader(checker: Self.checker, exercises: [Self.deque], seed: 8, jobs: 2, gradebook: book)
            .grade(students, courseTitle: "c")
        #expect(otherSeed.reused == 0)
        let forced = BatchGrader(checker: Self.checker, exercises: [Self.deque], seed: 7, jobs: 2, gradebook: book)
        forced.forceAll = true
        #expect(forced.grade(students, courseTitle: "c").reused == 0)
    }

    @Test func cancellingKeepsWhatWasGraded() throws {
        let students = try Self.students().filter { ["correct", "wrong", "crash"].contains($0.name) }
        let grader = BatchGrader(checker: Self.checker, exercises: [Self.deque], seed: 7, jobs: 1, gradebook: nil)
        let g = grader.grade(students, courseTitle: "c", onRow: { _ in grader.cancel() })
        #expect(g.interrupted)
        #expect(g.students.flatMap(\.rows).count == 1)
        #expect(g.students.first?.rows.first?.verdict == "passed")   // "correct" comes first with one job
    }
}

/// The structure of Gradescope's autograder `results.json`: `score` (or every
/// test's `score`), optional `max_score`, `execution_time`, `output`,
/// `visibility`, `stdout_visibility`, `extra_data`, and `tests[]` each with
/// `name`, `score`, `max_score`, `output`, `visibility` (and optional `status`,
/// `number`, `tags`, `extra_data`).
enum GradescopeSchema {
    struct Mismatch: Error, CustomStringConvertible { var description: String }
    static let topKeys: Set<String> = ["score", "max_score", "execution_time", "output", "output_format", "visibility",
                                       "stdout_visibility", "extra_data", "tests", "leaderboard"]
    static let testKeys: Set<String> = ["score", "max_score", "status", "name", "name_format", "number", "output",
                                        "output_format", "tags", "visibility", "extra_data"]
    static let visibilities: Set<String> = ["hidden", "after_due_date", "after_published", "visible"]

    static func check(_ value: JSONValue) throws {
        guard case .object(let top) = value else { throw Mismatch(description: "results.json is not an object") }
        let d = Dictionary(top, uniquingKeysWith: { a, _ in a })
        for key in d.keys where !topKeys.contains(key) { throw Mismatch(description: "unknown key \(key)") }
        guard isNumber(d["score"]) else { throw Mismatch(description: "score is not a number") }
        if let m = d["max_score"], !isNumber(m) { throw Mismatch(description: "max_score is not a number") }
        if case .string(let v)? = d["visibility"], !visibilities.contains(v) { throw Mismatch(description: "visibility \(v)") }
        guard case .array(let tests)? = d["tests"] else { throw Mismatch(description: "no tests array") }
        for case let test in tests {
            guard case .object(let t) = test else { throw Mismatch(description: "a test is not an object") }
            let td = Dictionary(t, uniquingKeysWith: { a, _ in a })
            for key in td.keys where !testKeys.contains(key) { throw Mismatch(description: "unknown test key \(key)") }
            guard case .string? = td["name"], isNumber(td["score"]), isNumber(td["max_score"]),
                  case .string? = td["output"], case .string(let v)? = td["visibility"], visibilities.contains(v) else {
                throw Mismatch(description: "a test lacks name, score, max_score, output or visibility: \(test.compactText)")
            }
            if case .string(let status)? = td["status"], !["passed", "failed"].contains(status) {
                throw Mismatch(description: "status \(status)")
            }
        }
    }

    static func isNumber(_ v: JSONValue?) -> Bool {
        switch v { case .int?, .double?: true; default: false }
    }
}

/// Reads JUnit XML with Foundation's XMLParser: a malformed document throws.
final class JUnitReader: NSObject, XMLParserDelegate {
    struct Case { var name: String; var classname: String }
    struct Failure { var classname: String; var type: String; var message: String; var text: String }
    struct Parsed { var root = ""; var suites: [String] = []; var cases: [Case] = []; var failures: [Failure] = [] }
    struct Malformed: Error { var description: String }

    private var parsed = Parsed()
    private var currentClass = ""
    private var inFailure = false
    private var text = ""

    static func read(_ xml: String) throws -> Parsed {
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw Malformed(description: "\(parser.parserError.map { "\($0)" } ?? "parse failed")") }
        return reader.parsed
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if parsed.root.isEmpty { parsed.root = name }
        switch name {
        case "testsuite": parsed.suites.append(attributes["name"] ?? "")
        case "testcase":
            currentClass = attributes["classname"] ?? ""
            parsed.cases.append(Case(name: attributes["name"] ?? "", classname: currentClass))
        case "failure", "error":
            inFailure = true; text = ""
            parsed.failures.append(Failure(classname: currentClass, type: attributes["type"] ?? "",
                                           message: attributes["message"] ?? "", text: ""))
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inFailure { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "failure" || name == "error" {
            inFailure = false
            parsed.failures[parsed.failures.count - 1].text = text
        }
    }
}

/// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVReader {
    struct Malformed: Error {}

    static func read(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var chars = Array(text)[...]
        var quoted = false
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else { field.append(c) }
        }
        if quoted { throw Malformed() }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// A batch prepares each exercise's cases once: concurrent and later checks
/// of the same exercise and seed share them, and a shared performance
/// timing is marked for re-measurement before it can make a too_slow verdict.
@Suite struct PreparedCasesMemoTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func preparesOncePerExerciseAndSeed() {
        let memo = PreparedCasesMemo(), calls = Counter()
        @Sendable func make(_ seconds: Double) -> PreparedCases {
            _ = calls.next()
            usleep(50_000)                       // long enough for the other threads to ask meanwhile
            var p = PreparedCases()
            p.referenceSeconds = seconds
            p.performance = PreparedCases.Performance(inputs: [], expected: [], referenceSeconds: seconds, bytes: [])
            return p
        }
        let results = Counter()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let p = memo.cases("windows/deque", seed: 7) { make(1.5) }
            if p.referenceSeconds == 1.5 { _ = results.next() }
        }
        #expect(calls.count == 1)
        #expect(results.count == 6)
        let later = memo.cases("windows/deque", seed: 7) { make(9) }
        #expect(later.referenceSeconds == 1.5 && later.performance?.referenceFresh == false)
        _ = memo.cases("windows/deque", seed: 8) { make(2) }
        _ = memo.cases("windows/naive", seed: 7) { make(3) }
        #expect(calls.count == 3)
    }
}
