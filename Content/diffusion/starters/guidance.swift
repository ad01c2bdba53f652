/// Classifier-free guidance: moves the noise prediction from the
/// unconditional one towards (and past, when scale > 1) the conditional one:
///
///     result = uncond + scale·(cond − uncond)
///
/// uncond and cond have the same length (possibly 0). Stable Diffusion uses
/// scale 7.5 by default. See "Classifier-free guidance" in the lesson.
func classifierFreeGuidance(uncond: [Double], cond: [Double], scale: Double) -> [Double] {
    // TODO: one line per entry.
    return cond
}
