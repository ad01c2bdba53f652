import ArgumentParser
import Foundation
import Grader
import Lessons
import TUI

/// `lectern validate [--course DIR]`: every lesson parses, every exercise resolves,
/// every starter compiles and fails, every solution passes.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a course: lessons parse, exercises resolve, starters fail, solutions pass.",
        discussion: "Prints each problem as file:line: message, then \"N checks passed, M failed\"; exits 1 when anything failed.")

    @OptionGroup var course: CourseOptions

    @Option(name: .long, help: "Exercise checks run at once.")
    var jobs: Int = 2

    @Flag(name: .long, help: "Print a line per exercise check as it ends.")
    var verbose = false

    func run() throws {
        guard jobs >= 1 else { fail("--jobs must be at least 1, got \(jobs)") }
        let loaded = WorkspaceContext.loadCourse(course, workspace: nil)
        let checker = Checker()
        let validator = CourseValidator(
            course: loaded, knownDemos: Set(DemoCatalog.all.map { $0.name }), workers: jobs,
            demoProblem: { block in
                guard let type = DemoCatalog.type(named: block.name) else { return nil }
                do { _ = try type.init(parameters: block.parameters); return nil } catch { return "\(error)" }
            },
            check: { spec, file, points in checker.check(spec, file: file, points: points, seed: 42) })
        var progress: (@Sendable (String) -> Void)? = nil
        if verbose {
            progress = { line in FileHandle.standardError.write(Data("  \(line)\n".utf8)) }
        }
        let start = ContinuousClock.now
        let report = validator.run(progress: progress)
        for problem in report.failures { print(problem.description) }
        let seconds = (ContinuousClock.now - start).components.seconds
        print("\(loaded.root.path): \(report.summary) (\(seconds) s)")
        if !report.ok { throw ExitCode(ExitStatus.notPassed) }
    }
}
