/// Noises a clean sample to timestep t in one jump:
///
///     x_t = sqrt(ᾱ_t)·x0 + sqrt(1 − ᾱ_t)·noise,    ᾱ_t = Π_{s=0...t} (1 − betas[s])
///
/// x0 and noise have the same length (possibly 0); t is 0-based,
/// 0 <= t < betas.count. Returns an array as long as x0. See "Forward
/// noising and the closed form" in the lesson.
func addNoise(x0: [Double], noise: [Double], t: Int, betas: [Double]) -> [Double] {
    // TODO: compute ᾱ_t, then mix x0 and noise.
    return x0
}
