import Tensor

/// Non-causal (global) linear attention: every query sees every key.
///
/// Katharopoulos et al. 2020, §3.2, eq. 5 and 6. With φ = elu + 1:
///
/// ```
/// S = Σ_j φ(k_j) v_jᵀ          // [d, e], one pass over the keys
/// z = Σ_j φ(k_j)               // [d]
/// out_i = φ(q_i)ᵀ S / φ(q_i)·z  // [e], one pass over the queries
/// ```
///
/// Computing (φ(Q)φ(K)ᵀ)V costs O(n²·(d + e)); computing φ(Q)(φ(K)ᵀV) costs
/// O(n·d·e). Both give the same numbers because matrix products associate.
/// No epsilon is added to the denominator: φ > 0 makes it positive.
extension LinearAttention {
    /// Global linear attention.
    ///
    /// - Parameters: q, k: `[n, d]`; v: `[n, e]`.
    /// - Returns: `[n, e]`.
    /// - Complexity: O(n · d · e) time, O(d · e) extra memory.
    public static func global(q: Matrix, k: Matrix, v: Matrix) -> Matrix {
        let (n, d, e) = checkShapes(q: q, k: k, v: v)
        // 1. the key summary S = φ(K)ᵀV and the normaliser z = Σ_j φ(k_j).
        var s = [Double](repeating: 0, count: d * e)                // [d, e]
        var z = [Double](repeating: 0, count: d)                    // [d]
        var fk = [Double](repeating: 0, count: d)
        for j in 0..<n {
            for a in 0..<d { fk[a] = phi(k.storage[j * d + a]); z[a] += fk[a] }
            for a in 0..<d {
                let w = fk[a]
                for b in 0..<e { s[a * e + b] += w * v.storage[j * e + b] }
            }
        }
        // 2. every query reads the same summary.
        var out = Matrix(rows: n, cols: e)                          // [n, e]
        var fq = [Double](repeating: 0, count: d)
        for i in 0..<n {
            var denominator = 0.0
            for a in 0..<d { fq[a] = phi(q.storage[i * d + a]); denominator += fq[a] * z[a] }
            for a in 0..<d {
                let w = fq[a] / denominator
                for b in 0..<e { out.storage[i * e + b] += w * s[a * e + b] }
            }
        }
        return out
    }
}
