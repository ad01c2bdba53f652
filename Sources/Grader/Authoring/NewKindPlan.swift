/// The Lectern source files a new exercise kind needs, with a template for
/// each: the Engine reference, the grader binding, and the registry line.
/// Printed by `lectern new exercise` when no `--like` kind fits.
public enum NewKindPlan {
    public static func files(lesson: String, name: String) -> [(path: String, template: String)] {
        let type = lesson.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let function = Scaffold.camel(name)
        let engine = """
            import Tensor

            /// One line: what this computes.
            ///
            /// The formula, with the paper and section it comes from:
            ///
            /// ```
            /// y[i] = ...
            /// ```
            ///
            /// - Complexity: O(n).
            public func \(function)(input: [Int]) -> [Int] {
                // 1. ... (number the steps as the lesson does)
                input
            }
            """
        let binding = """
            import Engine
            import Tensor

            /// The exercises of lesson `\(lesson)`.
            enum \(type)Exercises {
                static let all: [ExerciseSpec] = [\(function)]

                /// A case: the property names are the JSON field names.
                struct \(type)Case: Codable, Sendable { var input: [Int] }

                static let \(function) = ExerciseSpec.define(
                    id: "\(lesson)/\(name)",
                    signature: Signature(function: "\(function)", parameters: [.init("input", "[Int]")], returns: "[Int]"),
                    input: \(type)Case.self,
                    validate: { c in c.input.isEmpty ? CaseProblem(field: "input", message: "must not be empty") : nil },
                    reference: { c in Engine.\(function)(input: c.input) },
                    generate: { rng in [
                        TypedCaseGroup(.example, [\(type)Case(input: [1, 2, 3])]),       // the lesson's worked examples
                        TypedCaseGroup(.edge, [\(type)Case(input: [0])]),                 // boundaries
                        TypedCaseGroup(.hidden, (0..<40).map { _ in                      // 30-60 seeded random cases
                            \(type)Case(input: (0..<rng.int(in: 1...20)).map { _ in rng.int(in: -9...9) })
                        }),
                    ] },
                    shrink: { c in c.input.count > 1 ? [\(type)Case(input: Array(c.input.dropLast()))] : [] })
            }
            """
        return [
            ("Sources/Engine/\(type)/\(function.prefix(1).uppercased() + function.dropFirst()).swift", engine),
            ("Sources/Grader/Exercises/\(type).swift", binding),
            ("Sources/Grader/Registry/ExerciseRegistry.swift", "        + \(type)Exercises.all"),
        ]
    }
}
