import Lessons
/// Every exercise Lectern can grade, by id. Each lesson contributes one list
/// from its own file in `Sources/Grader/Exercises/`.
public enum ExerciseRegistry {
    public static let all: [ExerciseSpec] =
        SlidingWindowExercises.all
        + TokenizationExercises.all
        + Word2VecExercises.all
        + RNNExercises.all
        + DiffusionExercises.all

    private static let byID: [String: ExerciseSpec] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The spec for `id`, or nil.
    public static func spec(_ id: String) -> ExerciseSpec? { byID[id] }

    /// Runs the reference over a JSON array of cases.
    ///
    /// - Throws: `ReferenceError` naming the case index and field of the first bad case.
    public static func runReference(_ id: String, cases: JSONValue,
                                    timing: ((Double) -> Void)? = nil) throws(ReferenceError) -> JSONValue {
        guard let spec = spec(id) else { throw .unknownExercise(id) }
        guard case .array(let items) = cases else {
            throw .badInput("expected a JSON array of cases, found \(cases.kindName)")
        }
        // Check every case first so nothing is printed when any is bad.
        for (index, item) in items.enumerated() {
            if let problem = spec.check(item) { throw .badCase(index: index, problem) }
        }
        var outputs: [JSONValue] = []
        outputs.reserveCapacity(items.count)
        var seconds = 0.0
        for (index, item) in items.enumerated() {
            do {
                if let timed = spec.timedReference {
                    // Only the typed Engine call is timed: decoding the case
                    // and encoding the answer are outside `seconds`.
                    let (output, spent) = try timed(item)
                    outputs.append(output)
                    seconds += spent
                } else {
                    let start = ContinuousClock.now
                    outputs.append(try spec.reference(item))
                    let d = ContinuousClock.now - start
                    seconds += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
                }
            } catch { throw .badCase(index: index, error) }
        }
        timing?(seconds)
        return .array(outputs)
    }
}

public enum ReferenceError: Error, CustomStringConvertible, Equatable {
    case unknownExercise(String)
    case badInput(String)
    case badCase(index: Int, CaseProblem)

    public var description: String {
        switch self {
        case .unknownExercise(let id):
            let known = ExerciseRegistry.all.map(\.id)
            let near = known.filter { $0.hasPrefix(ExerciseID.lesson(of: id)) }
            return "no exercise '\(id)'" + (near.isEmpty ? "; `lectern list` shows every id" : "; did you mean \(near.joined(separator: ", "))?")
        case .badInput(let message): return message
        case .badCase(let index, let problem): return "case \(index): \(problem)"
        }
    }
}
