import ArgumentParser
import Foundation
import Lessons

/// The `lectern` command: parses arguments and hands off to the modules.
@main
struct Lectern: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A terminal course in modern machine learning, with an auto-grader.",
        discussion: "With no subcommand on a terminal, opens the full-screen course.",
        version: "lectern \(LecternVersion.current)",
        subcommands: [
            ListCommand.self, ShowCommand.self, InitCommand.self, CheckCommand.self,
            WatchCommand.self, HintCommand.self, TryCommand.self, ReferenceCommand.self,
            DemoCommand.self, ValidateCommand.self, ProgressCommand.self, ResetCommand.self,
            GradeCommand.self, DescribeCommand.self, NewCommand.self, AutograderCommand.self,
            ToolkitCommand.self,
        ])

    @OptionGroup var course: CourseOptions

    /// Parses and runs, mapping argument-parser's usage errors (its exit code
    /// 64) to Lectern's exit code 2 for bad usage, as DESIGN.md asks.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.badInput)
            }
            exit(withError: error)
        }
    }

    func run() throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            print(Lectern.helpMessage())
            return
        }
        try openApp(course: course)
    }
}

/// Options every command that reads the course accepts.
struct CourseOptions: ParsableArguments {
    @Option(name: .long, help: "A course folder to use instead of the built-in course.")
    var course: String?

    @Option(name: .long, help: "Language of the lessons (en, zh); falls back to English.")
    var lang: String?
}

/// Exit codes of DESIGN.md: 0 success, 1 check did not pass, 2 bad usage or
/// input or content, 3 internal error.
enum ExitStatus {
    static let notPassed: Int32 = 1
    static let badInput: Int32 = 2
    static let internalError: Int32 = 3
}

/// Prints `message` to stderr prefixed with `lectern:` and exits with `code`.
func fail(_ message: String, code: Int32 = ExitStatus.badInput) -> Never {
    FileHandle.standardError.write(Data("lectern: \(message)\n".utf8))
    exit(code)
}
