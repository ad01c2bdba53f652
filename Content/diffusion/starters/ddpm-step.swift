/// One DDPM step from t to t − 1 (diffusers' DDPMScheduler, "fixed_small"
/// variance, epsilon prediction):
///
///     x̂0       = (sample − sqrt(1 − ᾱ_t)·epsilon) / sqrt(ᾱ_t)    clipped to [-1, 1] if clipSample
///     mean     = sqrt(ᾱ_{t−1})·β_t/(1 − ᾱ_t)·x̂0 + sqrt(1 − β_t)·(1 − ᾱ_{t−1})/(1 − ᾱ_t)·sample
///     variance = max(β_t·(1 − ᾱ_{t−1})/(1 − ᾱ_t), 1e-20)
///     result   = mean + sqrt(variance)·noise, or the mean alone when t == 0
///
/// ᾱ_t = Π_{s=0...t}(1 − betas[s]) and ᾱ_{−1} = 1. sample, epsilon and noise
/// have the same length; 0 <= t < betas.count. See "One DDPM step".
func ddpmStep(sample: [Double], epsilon: [Double], noise: [Double], t: Int, betas: [Double],
              clipSample: Bool) -> [Double] {
    // TODO: x̂0, then the posterior mean, then the noise (not at t = 0).
    return sample
}
