import ArgumentParser
import Foundation
import Grader

/// `lectern try EXERCISE --input JSON [--file F]`: the learner's output for
/// one case beside the reference output.
struct TryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "try",
        abstract: "Run your function on one case and show its output beside the reference.",
        discussion: """
            --input is one case as a JSON object with the exercise's fields, e.g.
            lectern try sliding-window-max/deque --input '{"nums": [1, 3, -1, -3, 5], "k": 2}'
            An invalid case exits 2 naming the field. Exits 0 when the outputs agree, 1 otherwise.
            """)

    @Argument(help: "The exercise id, e.g. sliding-window-max/deque.")
    var exercise: String

    @Option(name: .long, help: "The case, a JSON object (or @FILE to read it from a file).")
    var input: String

    @Option(name: .long, help: "The Swift file to run (default: the workspace's file for the exercise).")
    var file: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let exercise = WorkspaceContext.exerciseID(self.exercise, course: nil, workspace: WorkspaceContext.current())
        guard let spec = ExerciseRegistry.spec(exercise) else {
            fail(ReferenceError.unknownExercise(exercise).description)
        }
        var text = input
        if input.hasPrefix("@") {
            guard let data = FileManager.default.contents(atPath: String(input.dropFirst())) else {
                fail("cannot read --input file '\(input.dropFirst())'")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let value: JSONValue
        do { value = try JSONValue.parse(text) } catch { fail("--input is not valid JSON: \(error)") }
        if let problem = spec.check(value) { fail("--input: \(problem)") }
        let url = CheckCommand.learnerFile(exercise, file: file, workspace: WorkspaceContext.current())
        let report = Checker().tryCase(spec, file: url, input: value)
        if let invalid = report.invalidInput { fail("--input: \(invalid)") }
        if json {
            let encoded = (try? JSONValue(encoding: report))?.compactText ?? "{}"
            print(encoded)
        } else {
            print(report.humanText(color: CheckCommand.useColor()))
        }
        if report.verdict.exitCode != 0 { throw ExitCode(report.verdict.exitCode) }
    }
}
