import Foundation

/// Multi-head self-attention of x (n×E).
///
/// Q = x·wq + bq, K = x·wk + bk, V = x·wv + bv (all weight matrices are E×E
/// in [in][out] layout, biases have E values). Head h uses columns
/// h·D ..< (h+1)·D of Q, K and V with D = E / heads, and is scaled
/// dot-product attention with scale 1/√D (causal when `causal` is true).
/// The heads' outputs fill the same columns of an n×E matrix, which is
/// finally multiplied by wo and shifted by bo. See "Multi-head attention".
func multiHeadAttention(x: [[Double]], wq: [[Double]], wk: [[Double]], wv: [[Double]], wo: [[Double]],
                        bq: [Double], bk: [Double], bv: [Double], bo: [Double],
                        heads: Int, causal: Bool) -> [[Double]] {
    // TODO: project, attend per head on column slices, concatenate, project with wo and bo.
    return x
}
