/// Gradient checkpointing on a chain of layers: the cost model of a plan,
/// the √n plan, the best plan under a memory budget, and a real chain whose
/// backward pass keeps only the plan's activations.
///
/// Chen, Xu, Zhang and Guestrin, "Training Deep Nets with Sublinear Memory
/// Cost" (2016), §3-4. A chain has n layers; layer i (1-based) produces the
/// activation x_i of size `sizes[i-1]`. A plan is a sorted list of distinct
/// checkpoint layers in 1...n-1; together with 0 (the input) and n (the
/// output) they cut the chain into segments (a, b].
///
/// Each algorithm lives in its own file as an extension of this namespace.
public enum Checkpointing {}

extension Checkpointing {
    /// The segment boundaries 0, plan…, n: `boundaries(n: 6, plan: [2, 4])` is `[0, 2, 4, 6]`.
    public static func boundaries(n: Int, plan: [Int]) -> [Int] {
        [0] + plan + [n]
    }

    /// Nil when `plan` is a valid plan for a chain of `n` layers (sorted,
    /// distinct, every layer in 1...n-1), otherwise what is wrong.
    public static func planProblem(n: Int, plan: [Int]) -> String? {
        for (k, c) in plan.enumerated() {
            if c < 1 || c > n - 1 {
                return "checkpoint \(c) at index \(k) is outside 1...\(n - 1) (n = \(n))"
            }
            if k > 0 && plan[k - 1] >= c {
                return plan[k - 1] == c
                    ? "checkpoint \(c) appears twice (index \(k - 1) and \(k))"
                    : "the plan must be sorted ascending: \(plan[k - 1]) comes before \(c)"
            }
        }
        return nil
    }
}
