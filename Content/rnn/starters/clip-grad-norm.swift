/// Clips gradients by their global L2 norm, as `torch.nn.utils.clip_grad_norm_` does.
///
///     total = sqrt(Σ every value²)      scale = min(1, maxNorm / (total + 1e-6))
///
/// Return a `ClippedGradients` (fields grads and totalNorm; the grader declares
/// it, see `Support/clip-grad-norm-types.swift`), with the norm measured before
/// clipping. See "Gradient clipping" in the lesson.
func clipGradNorm(grads: [[Double]], maxNorm: Double) -> ClippedGradients {
    // TODO: one norm over all the arrays together, then one common scale.
    return ClippedGradients(grads: grads, totalNorm: 0)
}
