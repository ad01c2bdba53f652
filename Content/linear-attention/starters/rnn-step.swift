import Foundation

/// One step of causal linear attention seen as an RNN, with φ = elu + 1.
///
///     state'      = state + φ(k) vᵀ          (d×e)
///     normalizer' = normalizer + φ(k)        (d)
///     output      = φ(q)ᵀ state' / φ(q)·normalizer'   (e)
///
/// state is d×e, normalizer, q and k have d values, v has e. Use the UPDATED
/// state and normaliser for the output. Return a `LinearAttentionStep`
/// (fields state, normalizer, output; the grader declares it, see
/// `Support/rnn-step-types.swift`). See "The RNN view" in the lesson.
func linearAttentionStep(state: [[Double]], normalizer: [Double], q: [Double], k: [Double],
                         v: [Double]) -> LinearAttentionStep {
    // TODO: write φ(k)vᵀ and φ(k) into copies of the state, then read them with φ(q).
    return LinearAttentionStep(state: state, normalizer: normalizer, output: [])
}
