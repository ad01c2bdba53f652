import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern describe [ID] [--json]`: an exercise's contract from the registry
/// (signature, JSON input and output with types, comparison, groups, limits).
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Describe an exercise kind: signature, JSON input and output, comparison, limits.",
        discussion: """
            With no ID, lists every exercise kind the grader knows. An id of the course that reuses a kind \
            (`kind:` in its exercise block) is described as that kind.
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "An exercise id, e.g. sliding-window-max/deque.")
    var exercise: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        guard let exercise else {
            if json {
                print(JSONValue.array(ExerciseRegistry.all.map { .string($0.id) }).compactText)
            } else {
                for spec in ExerciseRegistry.all { print("\(spec.id)  \(spec.signature.declaration)") }
            }
            return
        }
        let graded = CheckCommand.resolve(exercise, options: course, workspace: nil)
        guard let spec = graded?.spec ?? ExerciseRegistry.spec(exercise) else {
            fail(ReferenceError.unknownExercise(exercise).description)
        }
        if json {
            print(ExerciseDescription.json(spec).prettyText)
        } else {
            if let graded, graded.kind != graded.id { print("(\(graded.id) is graded as \(graded.kind))\n") }
            print(ExerciseDescription.text(spec))
        }
    }
}
