import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 9).
///
/// Sizes are positive integers and a plan is a sorted list of distinct
/// layers in 1...n-1. `best-plan` has many right answers, so it is judged by
/// validity and by its number of forward evaluations.
enum GradientCheckpointingExercises {
    static let all: [ExerciseSpec] = [planCost, sqrtPlan, bestPlan, chainGradients]

    // MARK: case types (property names are the catalog's field names)

    struct PlanCase: Codable, Sendable, Equatable { var sizes: [Int]; var plan: [Int] }
    struct SqrtCase: Codable, Sendable, Equatable { var n: Int }
    struct BudgetCase: Codable, Sendable, Equatable { var sizes: [Int]; var budget: Int }
    struct ChainCase: Codable, Sendable, Equatable { var x: [Double]; var weights: [[[Double]]]; var plan: [Int] }

    // MARK: result types compiled into the harness, generated from the Engine's own types

    static let planCostType = LearnerType.declaration(of: Checkpointing.PlanCost(peakMemory: 0, forwardEvaluations: 0))
    static let chainGradientsType = LearnerType.declaration(
        of: Checkpointing.ChainGradients(loss: 0, grads: [], forwardEvaluations: 0),
        notes: ["grads": "n matrices, each D×D: ∂loss/∂W_i", "forwardEvaluations": "layer evaluations, recomputations included"])

    // MARK: specs

    static let planCost = ExerciseSpec.define(
        id: "gradient-checkpointing/plan-cost",
        signature: Signature(function: "planCost", parameters: [.init("sizes", "[Int]"), .init("plan", "[Int]")],
                             returns: "PlanCost", supportTypes: planCostType),
        input: PlanCase.self,
        validate: { c in validateSizes(c.sizes, limit: 100_000) ?? validatePlan(c.plan, n: c.sizes.count) },
        reference: { c in Checkpointing.cost(sizes: c.sizes, plan: c.plan) },
        generate: { rng in planCostGroups(&rng) },
        shrink: { shrinkPlanCase($0) })

    static let sqrtPlan = ExerciseSpec.define(
        id: "gradient-checkpointing/sqrt-plan",
        signature: Signature(function: "sqrtPlan", parameters: [.init("n", "Int")], returns: "[Int]"),
        input: SqrtCase.self,
        validate: { c in
            (1...10_000_000).contains(c.n) ? nil : CaseProblem(field: "n", message: "must be from 1 to 10000000, got \(c.n)")
        },
        reference: { c in Checkpointing.sqrtPlan(n: c.n) },
        generate: { rng in sqrtGroups(&rng) },
        shrink: { c in [c.n / 2, c.n - 1].filter { $0 >= 1 && $0 != c.n }.map { SqrtCase(n: $0) } })

    static let bestPlan = ExerciseSpec.define(
        id: "gradient-checkpointing/best-plan",
        signature: Signature(function: "bestPlan", parameters: [.init("sizes", "[Int]"), .init("budget", "Int")],
                             returns: "[Int]?"),
        input: BudgetCase.self,
        validate: { c in
            if let p = validateSizes(c.sizes, limit: 3000) { return p }
            if c.budget < 0 || c.budget > 1_000_000_000_000 {
                return CaseProblem(field: "budget", message: "must be from 0 to 10^12, got \(c.budget)")
            }
            return nil
        },
        reference: { c in Checkpointing.bestPlan(sizes: c.sizes, budget: c.budget) },
        generate: { rng in bestPlanGroups(&rng) },
        shrink: { shrinkBudgetCase($0) },
        comparison: .custom { input, expected, got in judgeBestPlan(input: input, expected: expected, got: got) })

    static let chainGradients = ExerciseSpec.define(
        id: "gradient-checkpointing/chain-gradients",
        signature: Signature(function: "chainGradients",
                             parameters: [.init("x", "[Double]"), .init("weights", "[[[Double]]]"), .init("plan", "[Int]")],
                             returns: "ChainGradients", supportTypes: chainGradientsType),
        input: ChainCase.self,
        validate: { validateChain($0) },
        reference: { c in
            Checkpointing.chainGradients(x: c.x, weights: c.weights.map { (try? Matrix($0)) ?? Matrix(rows: 0, cols: 0) },
                                         plan: c.plan)
        },
        generate: { rng in chainGroups(&rng) },
        shrink: { shrinkChain($0) })

    // MARK: validation

    static func validateSizes(_ sizes: [Int], limit: Int) -> CaseProblem? {
        if sizes.isEmpty { return CaseProblem(field: "sizes", message: "must have at least one layer (n >= 1)") }
        if sizes.count > limit { return CaseProblem(field: "sizes", message: "at most \(limit) layers, got \(sizes.count)") }
        if let k = sizes.firstIndex(where: { $0 < 1 || $0 > 1_000_000 }) {
            return CaseProblem(field: "sizes[\(k)]", message: "must be an activation size from 1 to 1000000, got \(sizes[k])")
        }
        return nil
    }

    static func validatePlan(_ plan: [Int], n: Int) -> CaseProblem? {
        for (k, c) in plan.enumerated() {
            if c < 1 || c > n - 1 {
                return CaseProblem(field: "plan[\(k)]", message: "must be a layer in 1...n-1 = 1...\(n - 1), got \(c)")
            }
            if k > 0 && plan[k - 1] >= c {
                return CaseProblem(field: "plan[\(k)]",
                                   message: "must be greater than plan[\(k - 1)] = \(plan[k - 1]) (sorted, distinct), got \(c)")
            }
        }
        return nil
    }

    static func validateChain(_ c: ChainCase) -> CaseProblem? {
        let d = c.x.count
        if d == 0 || d > 64 { return CaseProblem(field: "x", message: "must have D = 1...64 values, got \(d)") }
        if let k = c.x.firstIndex(where: { !$0.isFinite }) { return CaseProblem(field: "x[\(k)]", message: "must be a finite number") }
        if c.weights.isEmpty || c.weights.count > 500 {
            return CaseProblem(field: "weights", message: "must hold n = 1...500 matrices, got \(c.weights.count)")
        }
        for (i, w) in c.weights.enumerated() {
            if w.count != d { return CaseProblem(field: "weights[\(i)]", message: "must be D×D = \(d)×\(d) (D from x), but has \(w.count) rows") }
            for (r, row) in w.enumerated() {
                if row.count != d {
                    return CaseProblem(field: "weights[\(i)][\(r)]", message: "must have D = \(d) values, got \(row.count)")
                }
                if let k = row.firstIndex(where: { !$0.isFinite || abs($0) > 1e6 }) {
                    return CaseProblem(field: "weights[\(i)][\(r)][\(k)]", message: "must be finite and at most 1e6 in size")
                }
            }
        }
        return validatePlan(c.plan, n: c.weights.count)
    }

    // MARK: comparison

    /// Valid (sorted, distinct, in 1...n-1), within the budget, and as few
    /// forward evaluations as the reference's plan; null exactly when no plan fits.
    static func judgeBestPlan(input: JSONValue, expected: JSONValue, got: JSONValue) -> String? {
        guard let c = try? input.decode(BudgetCase.self) else { return "the case could not be read" }
        let n = c.sizes.count
        let best = try? expected.decode([Int]?.self)
        guard let bestPlan = best ?? nil else {
            if got == .null { return nil }
            return "expected null: no plan has peak memory <= budget \(c.budget) (storing everything peaks at \(Checkpointing.cost(sizes: c.sizes, plan: []).peakMemory))"
        }
        let optimal = 2 * n - 1 - bestPlan.count
        if got == .null {
            let peak = Checkpointing.cost(sizes: c.sizes, plan: bestPlan).peakMemory
            return "got null, but a plan fits: \(bestPlan.count) checkpoint\(bestPlan.count == 1 ? "" : "s") with peak \(peak) <= budget \(c.budget)"
        }
        guard let plan = try? got.decode([Int].self) else { return "expected an array of layers or null, got \(got.kindName)" }
        if let problem = Checkpointing.planProblem(n: n, plan: plan) { return "invalid plan: \(problem)" }
        let cost = Checkpointing.cost(sizes: c.sizes, plan: plan)
        if cost.peakMemory > c.budget { return "plan exceeds the budget: peak \(cost.peakMemory) > \(c.budget)" }
        if cost.forwardEvaluations != optimal {
            return "plan fits (peak \(cost.peakMemory) <= \(c.budget)) but needs \(cost.forwardEvaluations) forward evaluations (\(plan.count) checkpoints); the best plan needs \(optimal) (\(bestPlan.count) checkpoints)"
        }
        return nil
    }

    // MARK: cases

    /// The lesson's chain: six layers of size 4.
    static let lessonSizes = [4, 4, 4, 4, 4, 4]

    static func randomSizes(_ rng: inout SeededRandom, n: Int, range: ClosedRange<Int>) -> [Int] {
        (0..<n).map { _ in rng.int(in: range) }
    }

    static func randomPlan(_ rng: inout SeededRandom, n: Int) -> [Int] {
        guard n >= 2 else { return [] }
        let p = rng.uniform()
        return (1..<n).filter { _ in rng.uniform() < p }
    }

    static func planCostGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<PlanCase>] {
        let examples = [
            PlanCase(sizes: lessonSizes, plan: [2, 4]),
            PlanCase(sizes: lessonSizes, plan: []),
            PlanCase(sizes: lessonSizes, plan: [1, 2, 3, 4, 5]),
            PlanCase(sizes: [1, 1, 8, 1, 1, 1], plan: [3]),
        ]
        let edges = [
            PlanCase(sizes: [7], plan: []),                               // one layer: nothing to recompute
            PlanCase(sizes: [3, 5], plan: [1]),
            PlanCase(sizes: [3, 5], plan: []),
            PlanCase(sizes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], plan: [9]),  // one long segment, then a short one
            PlanCase(sizes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], plan: [1]),
            PlanCase(sizes: [9, 1, 1, 1, 1, 1, 1, 9], plan: [4]),
            PlanCase(sizes: [100, 1, 1, 1], plan: [1, 2, 3]),              // the output's size never counts
        ]
        var hidden: [PlanCase] = []
        for index in 0..<40 {
            let n = rng.int(in: 1...(index < 30 ? 12 : 300))
            let sizes = randomSizes(&rng, n: n, range: index % 3 == 0 ? 1...3 : 1...1000)
            hidden.append(PlanCase(sizes: sizes, plan: randomPlan(&rng, n: n)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func sqrtGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<SqrtCase>] {
        let examples = [SqrtCase(n: 10), SqrtCase(n: 16), SqrtCase(n: 100)]
        let edges = [1, 2, 3, 4, 5, 9, 17, 99, 101, 1_000_000, 999_999].map { SqrtCase(n: $0) }
        var hidden: [SqrtCase] = []
        for index in 0..<40 {
            if index % 4 == 0 {                 // around a perfect square
                let k = rng.int(in: 2...300)
                hidden.append(SqrtCase(n: k * k + rng.int(in: -1...1)))
            } else {
                hidden.append(SqrtCase(n: rng.int(in: 1...(index < 30 ? 500 : 100_000))))
            }
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func bestPlanGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<BudgetCase>] {
        let examples = [
            BudgetCase(sizes: lessonSizes, budget: 12),
            BudgetCase(sizes: lessonSizes, budget: 16),
            BudgetCase(sizes: [1, 1, 8, 1, 1, 1], budget: 10),
        ]
        let edges = [
            BudgetCase(sizes: [5], budget: 0),                            // one layer: the empty plan, peak 0
            BudgetCase(sizes: [5, 2], budget: 4),                         // nothing fits
            BudgetCase(sizes: [5, 2], budget: 5),
            BudgetCase(sizes: lessonSizes, budget: 20),                   // everything fits: store all
            BudgetCase(sizes: lessonSizes, budget: 7),                    // below the smallest peak
            BudgetCase(sizes: [1, 100, 1, 100, 1, 100, 1], budget: 150),
            BudgetCase(sizes: Array(repeating: 1, count: 16), budget: 7),
        ]
        var hidden: [BudgetCase] = []
        for index in 0..<40 {
            let n = rng.int(in: 2...(index < 32 ? 14 : 40))
            let sizes = randomSizes(&rng, n: n, range: index % 4 == 0 ? 1...3 : 1...50)
            let total = sizes.dropLast().reduce(0, +)
            // Budgets from far too small to almost everything.
            let budget = Int(Double(total) * rng.uniform(0.2, 1.0))
            hidden.append(BudgetCase(sizes: sizes, budget: budget))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func randomChain(_ rng: inout SeededRandom, n: Int, d: Int, scale: Double) -> ChainCase {
        let x = (0..<d).map { _ in (rng.uniform(-1, 1) * 1000).rounded() / 1000 }
        let weights = (0..<n).map { _ in
            (0..<d).map { _ in (0..<d).map { _ in (rng.uniform(-scale, scale) * 1000).rounded() / 1000 } }
        }
        return ChainCase(x: x, weights: weights, plan: randomPlan(&rng, n: n))
    }

    /// The lesson's worked chain: D = 1, W = [0.5], [2], [-1].
    static let lessonChain = ChainCase(x: [1], weights: [[[0.5]], [[2]], [[-1]]], plan: [1])

    static func chainGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<ChainCase>] {
        let examples = [
            lessonChain,
            ChainCase(x: [1], weights: [[[0.5]], [[2]], [[-1]]], plan: []),
            ChainCase(x: [1, -1], weights: [[[1, 0], [0, 1]], [[0.5, 0.5], [-0.5, 0.5]]], plan: [1]),
        ]
        var edges = [
            ChainCase(x: [0.3], weights: [[[2]]], plan: []),                                  // one layer
            ChainCase(x: [0, 0], weights: [[[1, 2], [3, 4]], [[1, 0], [0, 1]]], plan: []),     // zero input
            ChainCase(x: [1], weights: Array(repeating: [[30]], count: 4), plan: [2]),       // saturated tanh
        ]
        var longChain = randomChain(&rng, n: 12, d: 2, scale: 1.5)
        longChain.plan = Checkpointing.sqrtPlan(n: 12)
        edges.append(longChain)
        var everything = randomChain(&rng, n: 6, d: 3, scale: 1)
        everything.plan = [1, 2, 3, 4, 5]
        edges.append(everything)
        var hidden: [ChainCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(randomChain(&rng, n: rng.int(in: 1...(big ? 40 : 8)), d: rng.int(in: 1...(big ? 8 : 3)),
                                      scale: index % 4 == 0 ? 2 : 1))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    /// The plan restricted to a chain of `n` layers.
    static func clipped(_ plan: [Int], n: Int) -> [Int] { plan.filter { $0 <= n - 1 } }

    static func shrinkPlanCase(_ c: PlanCase) -> [PlanCase] {
        var out: [PlanCase] = []
        func add(_ v: PlanCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.sizes.count
        if n >= 2 {
            add(PlanCase(sizes: Array(c.sizes.prefix(n / 2 + 1)), plan: clipped(c.plan, n: n / 2 + 1)))
            add(PlanCase(sizes: Array(c.sizes.dropLast()), plan: clipped(c.plan, n: n - 1)))
        }
        for k in c.plan.indices.prefix(8) { var v = c; v.plan.remove(at: k); add(v) }
        add(PlanCase(sizes: c.sizes.map { max(1, min($0, 9)) }, plan: c.plan))
        return out
    }

    static func shrinkBudgetCase(_ c: BudgetCase) -> [BudgetCase] {
        var out: [BudgetCase] = []
        func add(_ v: BudgetCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.sizes.count
        if n >= 2 {
            add(BudgetCase(sizes: Array(c.sizes.prefix(n / 2 + 1)), budget: c.budget))
            add(BudgetCase(sizes: Array(c.sizes.dropLast()), budget: c.budget))
            add(BudgetCase(sizes: Array(c.sizes.dropFirst()), budget: c.budget))
        }
        add(BudgetCase(sizes: c.sizes.map { max(1, min($0, 9)) }, budget: c.budget))
        return out
    }

    static func shrinkChain(_ c: ChainCase) -> [ChainCase] {
        var out: [ChainCase] = []
        func add(_ v: ChainCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.weights.count, d = c.x.count
        if n >= 2 {
            add(ChainCase(x: c.x, weights: Array(c.weights.prefix(n / 2)), plan: clipped(c.plan, n: n / 2)))
            add(ChainCase(x: c.x, weights: Array(c.weights.dropLast()), plan: clipped(c.plan, n: n - 1)))
        }
        if d >= 2 {   // drop the last unit everywhere
            add(ChainCase(x: Array(c.x.dropLast()), weights: c.weights.map { w in w.dropLast().map { Array($0.dropLast()) } },
                          plan: c.plan))
        }
        for k in c.plan.indices.prefix(4) { var v = c; v.plan.remove(at: k); add(v) }
        return out
    }
}
