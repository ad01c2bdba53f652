/// The cost model of a checkpointing plan (Chen et al. 2016, §3-4).
///
/// Checkpoints stay in memory for the whole backward pass. The backward pass
/// of a segment (a, b] recomputes x_{a+1} … x_{b-1} from x_a and holds them
/// while it runs back through the segment; x_b is already there (it is a
/// checkpoint or the output). So:
///
/// ```
/// peakMemory         = Σ_{c ∈ plan} size(x_c) + max_{(a,b]} Σ_{a<j<b} size(x_j)
/// forwardEvaluations = n + Σ_{(a,b]} (b - a - 1) = 2n - 1 - |plan|
/// ```
///
/// Worked example from the lesson: sizes [4, 4, 4, 4, 4, 4] (n = 6) and plan
/// [2, 4]: segments (0,2], (2,4], (4,6], each with one interior layer, so
/// peak = 8 + 4 = 12 and evaluations = 6 + 3 = 9. Storing everything (plan
/// [1, 2, 3, 4, 5]) peaks at 20 with 6 evaluations.
extension Checkpointing {
    /// The catalog's `{peakMemory, forwardEvaluations}`.
    public struct PlanCost: Sendable, Equatable, Codable {
        public var peakMemory: Int
        public var forwardEvaluations: Int
        public init(peakMemory: Int, forwardEvaluations: Int) {
            self.peakMemory = peakMemory; self.forwardEvaluations = forwardEvaluations
        }
    }

    /// The cost of `plan` on a chain with activation sizes `sizes`.
    ///
    /// - Precondition: `planProblem(n: sizes.count, plan: plan) == nil`.
    /// - Complexity: O(n).
    public static func cost(sizes: [Int], plan: [Int]) -> PlanCost {
        let n = sizes.count
        precondition(planProblem(n: n, plan: plan) == nil, "invalid plan \(plan) for n = \(n)")
        let held = plan.reduce(0) { $0 + sizes[$1 - 1] }
        var largestInterior = 0
        var recomputed = 0
        let cuts = boundaries(n: n, plan: plan)
        for s in 1..<cuts.count {
            let a = cuts[s - 1], b = cuts[s]
            var interior = 0
            if b - a > 1 { for j in (a + 1)..<b { interior += sizes[j - 1] } }
            largestInterior = max(largestInterior, interior)
            recomputed += b - a - 1
        }
        return PlanCost(peakMemory: held + largestInterior, forwardEvaluations: n + recomputed)
    }
}
