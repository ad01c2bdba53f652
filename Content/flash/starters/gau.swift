import Foundation

/// A gated attention unit (FLASH, §2). x is n×d; dense weights are [in][out],
/// applied as x·W + b (wu, wv: d×e; wz: d×s; wo: e×d).
///
///     u = silu(x·wu + bu)   v = silu(x·wv + bv)   z = silu(x·wz + bz)
///     q = z ⊙ gammaQ + betaQ      k = z ⊙ gammaK + betaK
///     A = relu(q·kᵀ / n)²         (causal: j > i set to 0)
///     output = (u ⊙ (A·v))·wo + bo          (n×d)
///
/// silu(x) = x / (1 + exp(-x)). No norm, residual or position bias.
/// See "A whole GAU, by hand" in the lesson.
func gatedAttentionUnit(x: [[Double]], wu: [[Double]], bu: [Double], wv: [[Double]], bv: [Double],
                        wz: [[Double]], bz: [Double], gammaQ: [Double], betaQ: [Double],
                        gammaK: [Double], betaK: [Double], wo: [[Double]], bo: [Double],
                        causal: Bool) -> [[Double]] {
    // TODO: three silu projections, q and k from z, relu² attention over v, gate with u, project with wo.
    return x
}
