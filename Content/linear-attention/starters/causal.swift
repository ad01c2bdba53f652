import Foundation

/// Causal linear attention with φ = elu + 1: row i only sees rows j <= i.
///
///     S_i = S_{i-1} + φ(k_i) v_iᵀ     z_i = z_{i-1} + φ(k_i)
///     out_i = φ(q_i)ᵀ S_i / φ(q_i)·z_i
///
/// q and k are n×d, v is n×e; return n×e. Row 0 always equals v[0]. No
/// epsilon in the denominator. It must run in O(n·d·e): the grader times it
/// at n = 8192, d = e = 32, where the quadratic masked form is far too slow.
/// See "Causal attention: prefix sums" in the lesson.
func causalLinearAttention(q: [[Double]], k: [[Double]], v: [[Double]]) -> [[Double]] {
    // TODO: carry S (d×e) and z (d) forward; update them with row i, then read them with q_i.
    return []
}
