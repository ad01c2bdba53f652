import ArgumentParser
import Dispatch
import Foundation
import Grader
import Lessons

/// `lectern grade SUBMISSIONS`: grades a class (every student × exercise) and
/// writes a report for a person, a spreadsheet, CI or Gradescope. The work is
/// in `Grader` (`Submissions`, `BatchGrader`, `Gradebook`, the formats).
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class's submissions in one batch.",
        discussion: """
            SUBMISSIONS holds one folder per student: a workspace (Exercises/<lesson>/<name>.swift) or a plain \
            folder of <lesson>/<name>.swift files. A folder that is itself one submission is graded as one \
            student. Every file is checked as `lectern check` does, with the course's secret seed (`seed:` in \
            course.yaml) or --seed. Results are kept in a gradebook (SQLite), so an unchanged class is graded \
            again almost for free. Exits 0 when everything was graded (whatever the verdicts), 2 on bad usage, \
            3 when the grader itself failed on a row, 130 when interrupted (the report holds what was graded).
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The folder of submissions (one folder per student), or one submission.")
    var submissions: String

    @Option(name: .long, help: "Grade only this exercise (repeatable). Default: every exercise of the course.")
    var exercise: [String] = []

    @Option(name: .long, help: "Checks run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Report format: json, junit, gradescope or csv.")
    var format: String = "csv"

    @Option(name: .long, help: "Write the report to this file instead of stdout.")
    var out: String?

    @Option(name: .long, help: "Regrade only this student, ignoring the gradebook for them (repeatable).")
    var student: [String] = []

    @Flag(name: .long, help: "Ignore the gradebook: check every file again.")
    var force = false

    @Option(name: .long, help: "Seed of the hidden cases (default: `seed:` of course.yaml).")
    var seed: UInt64?

    @Option(name: .long, help: "The gradebook file (default: SUBMISSIONS/.lectern-gradebook.sqlite for a class).")
    var gradebook: String?

    func run() throws {
        guard jobs >= 1 else { fail("--jobs must be at least 1, got \(jobs)") }
        guard let format = GradeFormat(rawValue: format) else {
            fail("unknown --format '\(self.format)'; formats: \(GradeFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let loaded = WorkspaceContext.loadCourse(course, workspace: nil)
        let exercises: [GradedExercise]
        let found: Submissions
        do throws(GradingError) {
            exercises = try GradingPlan.exercises(in: loaded, only: exercise)
            found = try Submissions.discover(URL(fileURLWithPath: submissions), lessonIDs: loaded.lessonIDs)
        } catch {
            fail(error.description)
        }
        var students = found.students
        if !student.isEmpty {
            for name in student where !students.contains(where: { $0.name == name }) {
                fail(GradingError.unknownStudent(name, known: students.map(\.name)).description)
            }
            students = students.filter { student.contains($0.name) }
        }
        let seed: UInt64
        if let s = self.seed { seed = s } else if let s = loaded.seed { seed = s } else {
            seed = 42
            WorkspaceContext.note("grading with the public seed 42 that learners see; set `seed:` in course.yaml or pass --seed")
        }
        let checker = Checker()
        let bookPath = gradebook ?? (found.single
            ? checker.cacheDirectory.appendingPathComponent("gradebook.sqlite").path
            : found.root.appendingPathComponent(".lectern-gradebook.sqlite").path)
        let book: Gradebook?
        do throws(GradingError) { book = try Gradebook(path: bookPath) } catch {
            WorkspaceContext.note("\(error.description); grading without a gradebook")
            book = nil
        }
        let grader = BatchGrader(checker: checker, exercises: exercises, seed: seed, jobs: jobs, gradebook: book)
        grader.forceAll = force
        grader.force = Set(student)

        // Ctrl-C: finish the checks in progress, start no more, write what was graded.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler {
            grader.cancel()
            FileHandle.standardError.write(Data("\nlectern: stopping after the checks in progress…\n".utf8))
        }
        interrupt.resume()

        let display = GradeProgressDisplay(terminal: isatty(STDERR_FILENO) != 0)
        let start = ContinuousClock.now
        let grades = grader.grade(students, courseTitle: loaded.title,
                                  onRow: { display.show($0) }, onNote: { WorkspaceContext.note($0) })
        display.end()
        interrupt.cancel()

        let text = format.render(grades)
        if let out {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                fail("cannot write \(out): \(error.localizedDescription)", code: ExitStatus.internalError)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let seconds = Double((ContinuousClock.now - start).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - start).components.seconds)
        let rows = grades.students.reduce(0) { $0 + $1.rows.count }
        WorkspaceContext.note("graded \(grades.students.count) student(s) × \(exercises.count) exercise(s): "
                              + "\(grades.graded) checked, \(grades.reused) from the gradebook, "
                              + String(format: "%.2f s", seconds) + (out.map { "; report in \($0)" } ?? ""))
        if grades.interrupted {
            WorkspaceContext.note("interrupted: \(rows) of \(students.count * exercises.count) results graded; the report holds those")
            throw ExitCode(130)
        }
        if !grades.internalErrors.isEmpty {
            for row in grades.internalErrors {
                WorkspaceContext.note("internal error on \(row.student) \(row.exercise): \(row.summary)")
            }
            throw ExitCode(ExitStatus.internalError)
        }
    }
}

/// The progress of `lectern grade` on stderr: a bar with students done and an
/// ETA on a terminal, one plain line per result otherwise.
final class GradeProgressDisplay: @unchecked Sendable {
    let terminal: Bool
    let start = ContinuousClock.now
    private var drawn = false

    init(terminal: Bool) { self.terminal = terminal }

    /// Called one at a time by the grader.
    func show(_ p: BatchGrader.Progress) {
        if !terminal {
            let r = p.row
            let source = r.fromGradebook ? " (gradebook)" : ""
            write("\(r.student)  \(r.exercise)  \(r.verdict)  \(GradeProgressDisplay.number(r.score))/"
                  + "\(GradeProgressDisplay.number(r.maxScore))\(source)\n")
            return
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let eta = p.done > 0 ? seconds / Double(p.done) * Double(p.total - p.done) : 0
        let width = 24
        let filled = p.total > 0 ? width * p.done / p.total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r\u{1B}[K\(bar) \(p.studentsDone)/\(p.students) students, \(p.done)/\(p.total) checks, ETA \(Int(eta.rounded())) s")
        drawn = true
    }

    func end() { if drawn { write("\n") } }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.2f", x)
    }
}
