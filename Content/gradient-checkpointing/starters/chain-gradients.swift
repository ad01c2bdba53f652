/// Loss and weight gradients of the chain x_i = tanh(W_i·x_{i-1}), i = 1…n,
/// loss = Σ_k x_n[k], with a backward pass that keeps only the plan's
/// activations (plus x_0 = x and the output x_n) and recomputes each segment.
///
/// `weights[i-1]` is W_i, D×D in [out][in] layout (row r holds the weights into
/// unit r); D = x.count. Return a `ChainGradients` (fields loss, grads and
/// forwardEvaluations; the grader declares it, see
/// `Support/chain-gradients-types.swift`): grads[i-1] = ∂loss/∂W_i (D×D), and
/// forwardEvaluations counts every layer evaluation, recomputations
/// included; it must equal 2n - 1 - plan.count. See "A real chain".
func chainGradients(x: [Double], weights: [[[Double]]], plan: [Int]) -> ChainGradients {
    // TODO: forward keeping checkpoints, then recompute and backpropagate segment by segment.
    return ChainGradients(loss: 0, grads: [], forwardEvaluations: 0)
}
