import Foundation
import Lessons

/// One exercise as graded in a class: the instructor's id, the grader spec it
/// is an instance of (`kind:`), its points and partial-credit rule.
public struct GradedExercise: Sendable {
    /// The id in the course (`windows/deque`); also the submission file `<lesson>/<name>.swift`.
    public var id: String
    public var title: String
    public var points: Double
    public var partial: PartialCredit
    /// The grader id (`kind:`, else the id itself).
    public var kind: String
    /// The registry spec, renamed to `id` so reports and caches carry the course's id.
    public var spec: ExerciseSpec

    public init(id: String, title: String, points: Double, partial: PartialCredit, kind: String, spec: ExerciseSpec) {
        self.id = id; self.title = title; self.points = points; self.partial = partial; self.kind = kind
        var renamed = spec
        renamed.id = id
        self.spec = renamed
    }

    init(block: ExerciseBlock, spec: ExerciseSpec, coursePartial: PartialCredit?) {
        self.init(id: block.id, title: block.title, points: block.points,
                  partial: block.partial ?? coursePartial ?? .equalGroups, kind: block.gradedAs, spec: spec)
    }
}

/// The exercises of a course that a grading run covers, in course order.
public enum GradingPlan {
    /// Every exercise block of `course` (or only `only`, in that order), resolved
    /// through the registry.
    ///
    /// - Throws: `GradingError.unknownExercise` for an id in `only` that no lesson
    ///   offers, `.notGradable` for a block whose id (or `kind`) the grader does not know.
    public static func exercises(in course: Course, only: [String] = [],
                                 spec: (String) -> ExerciseSpec? = ExerciseRegistry.spec) throws(GradingError) -> [GradedExercise] {
        var blocks: [ExerciseBlock] = []
        var seen = Set<String>()
        // Only the lessons named by `only` are parsed when it is given (an id's first part is its lesson).
        let wanted = Set(only.map { String($0.split(separator: "/").first ?? "") })
        for id in course.lessonIDs where only.isEmpty || wanted.contains(id) {
            guard let lesson = try? course.lesson(id) else { continue }
            for block in lesson.exercises where seen.insert(block.id).inserted { blocks.append(block) }
        }
        if !only.isEmpty {
            var picked: [ExerciseBlock] = []
            for id in only {
                guard let block = blocks.first(where: { $0.id == id }) else {
                    throw .unknownExercise(id, known: blocks.map(\.id))
                }
                if !picked.contains(where: { $0.id == id }) { picked.append(block) }
            }
            blocks = picked
        }
        return try blocks.map { block throws(GradingError) in
            guard let s = spec(block.gradedAs) else { throw .notGradable(block.id, kind: block.gradedAs) }
            return GradedExercise(block: block, spec: s, coursePartial: course.partial)
        }
    }
}

/// Why a grading run could not start; the message says what to do.
public enum GradingError: Error, CustomStringConvertible, Equatable {
    case unknownExercise(String, known: [String])
    case notGradable(String, kind: String)
    case noSubmissions(String)
    case unknownStudent(String, known: [String])
    case io(String)

    public var description: String {
        switch self {
        case .unknownExercise(let id, let known):
            return "no exercise '\(id)' in this course; its exercises: \(known.joined(separator: ", "))"
        case .notGradable(let id, let kind):
            return "exercise '\(id)' is graded as '\(kind)', which the grader does not know (`lectern describe` lists the kinds)"
        case .noSubmissions(let path):
            return "\(path) holds no submissions: expected one folder per student (a workspace, or <lesson>/<name>.swift files)"
        case .unknownStudent(let name, let known):
            return "no student '\(name)' in the submissions; students: \(known.prefix(20).joined(separator: ", "))"
                + (known.count > 20 ? ", …" : "")
        case .io(let message):
            return message
        }
    }
}
