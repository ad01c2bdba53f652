/// One deterministic DDIM step (eta = 0) from t to an earlier timestep prevT:
///
///     x̂0     = (sample − sqrt(1 − ᾱ_t)·epsilon) / sqrt(ᾱ_t)
///     result = sqrt(ᾱ_prevT)·x̂0 + sqrt(1 − ᾱ_prevT)·epsilon
///
/// ᾱ_t = Π_{s=0...t}(1 − betas[s]); ᾱ_prevT = 1 when prevT < 0. No clipping.
/// sample and epsilon have the same length; 0 <= t < betas.count and
/// prevT < t. See "One DDIM step" in the lesson.
func ddimStep(sample: [Double], epsilon: [Double], t: Int, prevT: Int, betas: [Double]) -> [Double] {
    // TODO: guess x0, then re-noise it to prevT with the same epsilon.
    return sample
}
