/// A plan with peak memory <= budget and the most checkpoints (so the fewest
/// forward evaluations, 2n - 1 - |plan|), or nil when no plan fits.
///
/// `sizes[i-1]` is the size of x_i (each >= 1), n = sizes.count, budget >= 0.
/// The cost model is the one of `gradient-checkpointing/plan-cost`. Any
/// optimal plan is accepted: sorted, distinct, every layer in 1…n-1. With one
/// layer the answer is [] (peak 0). The graded chains have up to 40 layers.
/// See "The best plan under a budget" in the lesson.
func bestPlan(sizes: [Int], budget: Int) -> [Int]? {
    // TODO: try each candidate largest interior M, then a dynamic program over checkpoints.
    return nil
}
