/// Clips gradients by their global L2 norm, as `torch.nn.utils.clip_grad_norm_` does.
///
///     total = sqrt(Σ every value²)      scale = min(1, maxNorm / (total + 1e-6))
///
/// Return a `ClippedGradients` (declared by the grader: `struct ClippedGradients:
/// Codable { var grads: [[Double]]; var totalNorm: Double }`), with the norm
/// measured before clipping. See "Gradient clipping" in the lesson.
func clipGradNorm(grads: [[Double]], maxNorm: Double) -> ClippedGradients {
    // TODO: one norm over all the arrays together, then one common scale.
    return ClippedGradients(grads: grads, totalNorm: 0)
}
