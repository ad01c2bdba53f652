/// One ancestral sampling step of DDPM (`DDPMScheduler.step`, with
/// `variance_type = "fixed_small"` and `prediction_type = "epsilon"`).
///
/// Ho et al. 2020, "Denoising Diffusion Probabilistic Models": the model
/// predicts the noise ε in x_t (§3.2). From it, guess the clean sample by
/// inverting eq. 4, then sample the true posterior q(x_{t-1} | x_t, x̂_0)
/// of eq. 6-7 (Algorithm 2 writes the same step without the x̂_0 detour):
///
/// ```
/// x̂_0  = (x_t − sqrt(1 − ᾱ_t)·ε) / sqrt(ᾱ_t)            clipped to [-1, 1] if asked
/// μ    = sqrt(ᾱ_{t-1})·β_t/(1 − ᾱ_t) · x̂_0
///      + sqrt(1 − β_t)·(1 − ᾱ_{t-1})/(1 − ᾱ_t) · x_t       (eq. 7)
/// σ²   = max(β_t·(1 − ᾱ_{t-1})/(1 − ᾱ_t), 1e-20)          (β̃_t, "fixed_small")
/// x_{t-1} = μ + σ·z,  z ~ N(0, I);   at t = 0 the mean alone
/// ```
///
/// Without clipping, μ equals (1/sqrt(α_t))·(x_t − β_t/sqrt(1 − ᾱ_t)·ε)
/// (eq. 11); the tests check that identity. The floor 1e-20 is diffusers'
/// guard against a zero variance.
///
/// Worked example from the lesson: β = [0.1, 0.3], t = 1, x_t = [1], ε = [1],
/// z = [0]: x̂_0 ≈ 0.4935, μ ≈ 0.6057, σ² ≈ 0.0811.
extension Diffusion {
    /// The smallest variance `fixed_small` allows.
    public static let minimumVariance = 1e-20

    /// One DDPM step from t to t − 1 (the catalog's `diffusion/ddpm-step`).
    ///
    /// - Parameters:
    ///   - sample: x_t; `epsilon`: the predicted noise; `noise`: z. All the same length.
    ///   - t: 0 ..< betas.count; at t = 0 `noise` is not used.
    ///   - clipSample: clip x̂_0 to [-1, 1] (images live there; `clip_sample`).
    /// - Complexity: O(t + n).
    public static func ddpmStep(sample: [Double], epsilon: [Double], noise: [Double], t: Int,
                                betas: [Double], clipSample: Bool) -> [Double] {
        precondition(t >= 0 && t < betas.count, "t = \(t) is outside 0..<\(betas.count)")
        let abar = alphaBar(betas: betas, t: t)
        let abarPrev = alphaBar(betas: betas, t: t - 1)
        return ddpmStep(sample: sample, epsilon: epsilon, noise: t > 0 ? noise : nil,
                        alphaBar: abar, alphaBarPrev: abarPrev, beta: betas[t], clipSample: clipSample)
    }

    /// The same step written with ᾱ_t, ᾱ_prev and β directly. A sampler that
    /// skips timesteps (t → prevT) passes β = 1 − ᾱ_t/ᾱ_prev, the beta of the
    /// combined jump, as diffusers does; `noise` nil means the last step.
    /// - Complexity: O(n).
    public static func ddpmStep(sample: [Double], epsilon: [Double], noise: [Double]?,
                                alphaBar: Double, alphaBarPrev: Double, beta: Double,
                                clipSample: Bool) -> [Double] {
        precondition(sample.count == epsilon.count, "sample has \(sample.count) values but epsilon has \(epsilon.count)")
        precondition(noise == nil || noise!.count == sample.count, "noise must have \(sample.count) values")
        // 1. Coefficients, shared by every entry.
        let oneMinus = 1 - alphaBar                                        // 1 − ᾱ_t
        let x0Coefficient = sqrt(alphaBarPrev) * beta / oneMinus          // on x̂_0
        let sampleCoefficient = sqrt(1 - beta) * (1 - alphaBarPrev) / oneMinus   // on x_t
        let variance = max(beta * (1 - alphaBarPrev) / oneMinus, minimumVariance)
        let sigma = sqrt(variance)
        let signal = sqrt(alphaBar), spread = sqrt(oneMinus)
        var out = [Double](repeating: 0, count: sample.count)
        for i in 0..<sample.count {
            // 2. The clean-sample guess x̂_0, optionally clipped.
            var x0 = (sample[i] - spread * epsilon[i]) / signal
            if clipSample { x0 = min(1, max(-1, x0)) }
            // 3. The posterior mean, plus noise except at the last step.
            let mean = x0Coefficient * x0 + sampleCoefficient * sample[i]
            out[i] = noise.map { mean + sigma * $0[i] } ?? mean
        }
        return out
    }
}
