/// One deterministic DDIM step (`DDIMScheduler.step` with eta = 0).
///
/// Song, Meng and Ermon 2021, "Denoising Diffusion Implicit Models", §4.1,
/// eq. 12: the same trained ε-model defines a family of samplers; with
/// σ_t = 0 (eta = 0) the step adds no fresh noise. It guesses x̂_0, then
/// re-noises that guess to the earlier level with the *same* ε:
///
/// ```
/// x̂_0     = (x_t − sqrt(1 − ᾱ_t)·ε) / sqrt(ᾱ_t)
/// x_prevT = sqrt(ᾱ_prevT)·x̂_0 + sqrt(1 − ᾱ_prevT)·ε,     ᾱ_prevT = 1 when prevT < 0
/// ```
///
/// Because nothing random enters, prevT may be far below t: Stable
/// Diffusion typically samples with 50 DDIM steps 20 timesteps apart. If ε
/// is the noise that was actually added, the step lands exactly on the
/// forward-noised sample at prevT, and prevT < 0 returns x_0 itself.
///
/// Worked example from the lesson: β = [0.1, 0.3], t = 1, prevT = -1,
/// x_t = [1], ε = [1] gives x̂_0 = (1 − sqrt(0.37))/sqrt(0.63) ≈ 0.4935.
extension Diffusion {
    /// One DDIM step from t to prevT < t (the catalog's `diffusion/ddim-step`).
    ///
    /// - Parameters:
    ///   - sample: x_t; `epsilon`: the predicted noise, the same length.
    ///   - t: 0 ..< betas.count; prevT < t (any negative prevT means "clean").
    /// - Complexity: O(t + n).
    public static func ddimStep(sample: [Double], epsilon: [Double], t: Int, prevT: Int, betas: [Double]) -> [Double] {
        precondition(t >= 0 && t < betas.count, "t = \(t) is outside 0..<\(betas.count)")
        precondition(prevT < t, "prevT = \(prevT) must be below t = \(t)")
        return ddimStep(sample: sample, epsilon: epsilon,
                        alphaBar: alphaBar(betas: betas, t: t),
                        alphaBarPrev: alphaBar(betas: betas, t: max(prevT, -1)))
    }

    /// The same step written with ᾱ_t and ᾱ_prevT directly.
    /// - Complexity: O(n).
    public static func ddimStep(sample: [Double], epsilon: [Double], alphaBar: Double, alphaBarPrev: Double) -> [Double] {
        precondition(sample.count == epsilon.count, "sample has \(sample.count) values but epsilon has \(epsilon.count)")
        let signal = sqrt(alphaBar), spread = sqrt(1 - alphaBar)
        let signalPrev = sqrt(alphaBarPrev), spreadPrev = sqrt(1 - alphaBarPrev)
        var out = [Double](repeating: 0, count: sample.count)
        for i in 0..<sample.count {
            let x0 = (sample[i] - spread * epsilon[i]) / signal          // the clean guess
            out[i] = signalPrev * x0 + spreadPrev * epsilon[i]            // re-noised to prevT
        }
        return out
    }
}
