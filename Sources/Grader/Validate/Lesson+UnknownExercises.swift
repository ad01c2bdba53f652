import Lessons

extension Lesson {
    /// The lesson with every exercise block the grader cannot judge (its id, or
    /// its `kind:`, is not in the registry) turned into a broken block that
    /// shows why, and listed in `problems`: `show` and the app then draw an
    /// error where a normal-looking exercise would never pass.
    public func markingUnknownExercises(known: (String) -> Bool = { ExerciseRegistry.spec($0) != nil }) -> Lesson {
        var out = self
        func mark(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                switch block {
                case .exercise(let e) where !known(e.gradedAs):
                    let what = e.kind.map { "its kind '\($0)'" } ?? "this id"
                    let problem = ContentProblem(file: file, line: e.line, message: "exercise block \(e.id): the grader does not know "
                                                 + "\(what), so it cannot be checked (`lectern describe` lists the kinds)")
                    out.problems.append(problem)
                    return .broken(problem)
                case .quote(let inner): return .quote(mark(inner))
                case .list(var list):
                    list.items = list.items.map(mark)
                    return .list(list)
                default: return block
                }
            }
        }
        out.blocks = mark(blocks)
        return out
    }
}
