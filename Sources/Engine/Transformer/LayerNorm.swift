import Tensor

/// Layer normalisation, Ba, Kiros and Hinton, "Layer normalization", 2016, §3:
///
/// ```
/// μ = (1/d) Σ_j x_j            σ² = (1/d) Σ_j (x_j − μ)²        (biased: divide by d)
/// y_j = γ_j · (x_j − μ) / √(σ² + ε) + β_j
/// ```
///
/// Each row (one token) is normalised over its own d features, so the result
/// does not depend on the other tokens or the batch. The variance is computed
/// from the centred values (two passes) rather than as E[x²] − μ², which loses
/// every digit when the mean is large compared with the spread.
///
/// Example: x = [1, 2, 3], γ = 1, β = 0, ε = 0: μ = 2, σ² = 2/3,
/// y = [−1.2247, 0, 1.2247].
extension Transformer {
    /// Layer norm of each row of `x` (`[n, d]`), with per-feature gain and shift.
    /// - Complexity: O(n · d)
    public static func layerNorm(_ x: Matrix, gamma: [Double], beta: [Double], eps: Double) -> Matrix {
        let d = x.cols
        precondition(gamma.count == d && beta.count == d, "layerNorm: gamma and beta need \(d) values")
        var out = x
        for r in 0..<x.rows {
            let base = r * d
            var mean = 0.0
            for j in 0..<d { mean += x.storage[base + j] }
            mean /= Double(d)
            var variance = 0.0
            for j in 0..<d {
                let centred = x.storage[base + j] - mean
                variance += centred * centred
            }
            variance /= Double(d)
            let inverse = 1 / sqrt(variance + eps)
            for j in 0..<d {
                out.storage[base + j] = gamma[j] * (x.storage[base + j] - mean) * inverse + beta[j]
            }
        }
        return out
    }
}
