import Tensor

/// Causal linear attention: query i sees keys 0…i only, in O(n·d·e).
///
/// Katharopoulos et al. 2020, §3.3 (eq. 8 to 10). The sums of the global form
/// become prefix sums, updated once per row:
///
/// ```
/// S_i = S_{i-1} + φ(k_i) v_iᵀ       // [d, e]
/// z_i = z_{i-1} + φ(k_i)            // [d]
/// out_i = φ(q_i)ᵀ S_i / φ(q_i)·z_i   // [e]
/// ```
///
/// That is an RNN whose state is (S, z) (§3.4): one step per token with a
/// state whose size does not depend on n, which is why decoding is O(1) per
/// token instead of O(i). The masked quadratic form
/// `out_i = Σ_{j<=i} (φ(q_i)·φ(k_j)) v_j / Σ_{j<=i} φ(q_i)·φ(k_j)` gives the
/// same numbers in O(n²·(d + e)).
///
/// The fast path walks contiguous rows through unsafe buffer pointers so the
/// inner loops over e vectorise; the state stays in cache (d·e doubles).
/// No epsilon in the denominator (the catalog's convention): φ > 0.
extension LinearAttention {
    /// Causal linear attention by running prefix sums.
    ///
    /// - Parameters: q, k: `[n, d]`; v: `[n, e]`.
    /// - Returns: `[n, e]`; row i uses rows 0…i of k and v.
    /// - Complexity: O(n · d · e) time, O(d · e) extra memory.
    public static func causal(q: Matrix, k: Matrix, v: Matrix) -> Matrix {
        let (n, d, e) = checkShapes(q: q, k: k, v: v)
        var out = Matrix(rows: n, cols: e)                          // [n, e]
        var state = [Double](repeating: 0, count: d * e)            // S, [d, e]
        var normalizer = [Double](repeating: 0, count: d)           // z, [d]
        var fk = [Double](repeating: 0, count: d), fq = [Double](repeating: 0, count: d)
        q.storage.withUnsafeBufferPointer { qp in
        k.storage.withUnsafeBufferPointer { kp in
        v.storage.withUnsafeBufferPointer { vp in
        out.storage.withUnsafeMutableBufferPointer { op in
        state.withUnsafeMutableBufferPointer { sp in
        normalizer.withUnsafeMutableBufferPointer { zp in
        fk.withUnsafeMutableBufferPointer { fkp in
        fq.withUnsafeMutableBufferPointer { fqp in
            for i in 0..<n {
                let vRow = i * e, qkRow = i * d
                // 1. S += φ(k_i) v_iᵀ and z += φ(k_i).
                for a in 0..<d { fkp[a] = phi(kp[qkRow + a]); zp[a] += fkp[a] }
                for a in 0..<d {
                    let w = fkp[a], sRow = a * e
                    for b in 0..<e { sp[sRow + b] += w * vp[vRow + b] }
                }
                // 2. out_i = φ(q_i)ᵀ S / φ(q_i)·z with the state that includes row i.
                var denominator = 0.0
                for a in 0..<d { fqp[a] = phi(qp[qkRow + a]); denominator += fqp[a] * zp[a] }
                let inverse = 1 / denominator
                for a in 0..<d {
                    let w = fqp[a] * inverse, sRow = a * e
                    for b in 0..<e { op[vRow + b] += w * sp[sRow + b] }
                }
            }
        }}}}}}}}
        return out
    }
}
