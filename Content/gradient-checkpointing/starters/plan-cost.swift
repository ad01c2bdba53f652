/// The cost of a checkpointing plan on a chain of n = sizes.count layers.
///
/// `sizes[i-1]` is the size of activation x_i (i = 1…n). `plan` is sorted,
/// distinct, and every layer in it is in 1…n-1 (it may be empty). With the
/// boundaries [0] + plan + [n] forming segments (a, b]:
///
///     peakMemory         = Σ sizes of the checkpoints + the largest Σ_{a<j<b} size(x_j)
///     forwardEvaluations = n + Σ (b - a - 1)
///
/// Return a `PlanCost` (fields peakMemory and forwardEvaluations; the grader
/// declares it, see `Support/plan-cost-types.swift`). Example: sizes
/// [4, 4, 4, 4, 4, 4] with plan [2, 4] costs peak 12 and 9 evaluations.
func planCost(sizes: [Int], plan: [Int]) -> PlanCost {
    // TODO: walk the segments between consecutive boundaries.
    return PlanCost(peakMemory: 0, forwardEvaluations: 0)
}
