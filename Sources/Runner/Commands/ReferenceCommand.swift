import ArgumentParser
import Foundation
import Grader

/// `lectern reference EXERCISE [--input F] [--time]`: the Engine's answers
/// for a JSON array of cases, so other tools can compare against them.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the reference outputs for a JSON array of cases (stdin or --input).",
        discussion: """
            Reads a JSON array of case objects whose fields are those of CATALOG.md and
            prints a JSON array of outputs. With --time, also prints one line
            `compute-seconds: S` to stderr: time spent inside the reference, JSON excluded.
            --runs N computes the answers N times and reports the fastest, as benchmarks
            of other libraries do (later runs reuse memory the first one touched).
            A bad case exits 2 naming the case index and field; nothing is printed to stdout.
            """)

    @Argument(help: "An exercise id, such as sliding-window-max/deque.")
    var exercise: String

    @Option(name: .long, help: "Read the cases from this file instead of stdin.")
    var input: String?

    @Flag(name: .long, help: "Report the compute time on stderr.")
    var time = false

    @Option(name: .long, help: "With --time: compute N times and report the fastest run (default 1).")
    var runs = 1

    func run() throws {
        guard ExerciseRegistry.spec(exercise) != nil else {
            fail(ReferenceError.unknownExercise(exercise).description)
        }
        guard runs >= 1 else { fail("--runs must be at least 1, got \(runs)") }
        let source = input ?? "stdin"
        let data: Data
        if let input {
            guard let d = FileManager.default.contents(atPath: input) else { fail("cannot read --input file '\(input)'") }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        var bytes = [UInt8](data)
        let cases: JSONValue
        do { cases = try JSONValue.parse(bytes: &bytes) } catch {
            fail("\(source): not valid JSON: \(error)")
        }
        var seconds = Double.infinity
        var outputs = JSONValue.null
        for _ in 0..<(time ? runs : 1) {
            do {
                outputs = try ExerciseRegistry.runReference(exercise, cases: cases, timing: { seconds = min(seconds, $0) })
            } catch {
                fail("\(source): \(error)")
            }
        }
        FileHandle.standardOutput.write(Data((outputs.compactText + "\n").utf8))
        if time {
            FileHandle.standardError.write(Data("compute-seconds: \(String(format: "%.6f", seconds))\n".utf8))
        }
    }
}
