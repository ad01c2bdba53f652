import Tensor

/// A real chain trained with gradient checkpointing: x_i = tanh(W_i·x_{i-1})
/// for i = 1…n, loss = Σ_k x_n[k], and a backward pass that keeps only the
/// plan's activations (plus the input and the output) and recomputes each
/// segment from its first checkpoint (Chen et al. 2016, §4, Algorithm 1 in
/// the chain case).
///
/// The backward rule of one layer sits beside its forward rule:
///
/// ```
/// forward   x_i = tanh(W_i·x_{i-1})            // W_i is [out][in] = D×D
/// backward  δ_i = g_i ⊙ (1 - x_i²)             // g_i = ∂loss/∂x_i, g_n = 1
///           ∂loss/∂W_i = δ_i·x_{i-1}ᵀ,  g_{i-1} = W_iᵀ·δ_i
/// ```
///
/// Segment (a, b] of the plan is handled when the backward pass reaches it:
/// x_{a+1} … x_{b-1} are recomputed from the stored x_a (b - a - 1 forward
/// evaluations) and held only while the segment's layers are walked back.
/// The count of evaluations is therefore n + Σ (b - a - 1), the cost model's.
extension Checkpointing {
    /// The catalog's `{loss, grads, forwardEvaluations}`.
    public struct ChainGradients: Sendable, Equatable, Codable {
        public var loss: Double
        /// ∂loss/∂W_i for i = 1…n, each D×D.
        public var grads: [[[Double]]]
        public var forwardEvaluations: Int
        public init(loss: Double, grads: [[[Double]]], forwardEvaluations: Int) {
            self.loss = loss; self.grads = grads; self.forwardEvaluations = forwardEvaluations
        }
    }

    /// One layer: tanh(W·x), counted in `evaluations`.
    static func layer(_ w: Matrix, _ x: [Double], _ evaluations: inout Int) -> [Double] {
        evaluations += 1
        return RNN.matvec(w, x).map(tanh)
    }

    /// The loss and every weight gradient, computed with the plan's memory.
    ///
    /// - Parameters:
    ///   - x: the input x_0, `[D]`.
    ///   - weights: W_1 … W_n, each D×D in `[out][in]` layout.
    ///   - plan: a valid plan for n = weights.count.
    /// - Complexity: O((2n - 1 - |plan|)·D²) time; O((|plan| + longest segment)·D) activations held.
    public static func chainGradients(x: [Double], weights: [Matrix], plan: [Int]) -> ChainGradients {
        let n = weights.count
        precondition(n >= 1 && planProblem(n: n, plan: plan) == nil, "invalid plan \(plan) for n = \(n)")
        var evaluations = 0
        // 1. Forward: run the whole chain, keeping x_0, the checkpoints and x_n.
        var stored: [Int: [Double]] = [0: x]
        let keep = Set(plan)
        var current = x
        for i in 1...n {
            current = layer(weights[i - 1], current, &evaluations)
            if keep.contains(i) || i == n { stored[i] = current }
        }
        let loss = current.reduce(0, +)
        // 2. Backward, segment by segment from the last.
        var grads = [[[Double]]](repeating: [], count: n)
        var g = [Double](repeating: 1, count: current.count)     // ∂loss/∂x_n
        let cuts = boundaries(n: n, plan: plan)
        for s in stride(from: cuts.count - 1, through: 1, by: -1) {
            let a = cuts[s - 1], b = cuts[s]
            // 2a. Recompute x_{a+1} … x_{b-1} from x_a; x_b is stored.
            var segment: [[Double]] = [stored[a]!]                // segment[k] = x_{a+k}
            for i in (a + 1)..<b { segment.append(layer(weights[i - 1], segment.last!, &evaluations)) }
            segment.append(stored[b]!)
            // 2b. Walk back through layers b … a+1.
            for i in stride(from: b, through: a + 1, by: -1) {
                let xi = segment[i - a], previous = segment[i - a - 1]
                let w = weights[i - 1]
                var delta = [Double](repeating: 0, count: xi.count)
                for r in 0..<xi.count { delta[r] = g[r] * (1 - xi[r] * xi[r]) }
                grads[i - 1] = delta.map { d in previous.map { d * $0 } }
                g = RNN.matvecTransposed(w, delta)
            }
            // The segment's recomputed activations are dropped here.
        }
        return ChainGradients(loss: loss, grads: grads, forwardEvaluations: evaluations)
    }
}
