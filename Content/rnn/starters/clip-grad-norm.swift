/// Clips gradients by their global L2 norm, as `torch.nn.utils.clip_grad_norm_` does.
///
///     total = sqrt(Σ every value²)      scale = min(1, maxNorm / (total + 1e-6))
///
/// Return a `ClippedGradients` (fields grads and totalNorm; the grader declares
/// it, see `Support/clip-grad-norm-types.swift`), with the norm measured before
/// clipping. See "Gradient clipping" in the lesson.
///
/// Edge cases: `grads` may be [] and any array in it may be empty (return the
/// same shapes); all-zero gradients have totalNorm 0 and stay zero; maxNorm = 0
/// turns every value into 0.
func clipGradNorm(grads: [[Double]], maxNorm: Double) -> ClippedGradients {
    // TODO: one norm over all the arrays together, then one common scale.
    return ClippedGradients(grads: grads, totalNorm: 0)
}
