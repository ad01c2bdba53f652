/// Forward noising in one jump (`DDPMScheduler.add_noise`).
///
/// Ho et al. 2020, "Denoising Diffusion Probabilistic Models", §2, eq. 4:
/// because each step adds independent Gaussian noise, t + 1 steps compose
/// into a single Gaussian,
///
/// ```
/// q(x_t | x_0) = N(sqrt(ᾱ_t)·x_0, (1 − ᾱ_t)·I)
/// x_t = sqrt(ᾱ_t)·x_0 + sqrt(1 − ᾱ_t)·ε,   ε ~ N(0, I)
/// ```
///
/// so training can pick any t at random and noise a clean sample there
/// directly. Worked example from the lesson: β = [0.1, 0.3] (ᾱ_1 = 0.63),
/// x_0 = [1], ε = [1], t = 1 gives sqrt(0.63) + sqrt(0.37) ≈ 1.4020.
extension Diffusion {
    /// x_t from a clean sample and the noise, at timestep t.
    ///
    /// - Parameters:
    ///   - x0, noise: the same length (any shape, flattened).
    ///   - t: 0 ..< betas.count.
    /// - Complexity: O(t + n).
    public static func addNoise(x0: [Double], noise: [Double], t: Int, betas: [Double]) -> [Double] {
        precondition(x0.count == noise.count, "x0 has \(x0.count) values but noise has \(noise.count)")
        precondition(t >= 0 && t < betas.count, "t = \(t) is outside 0..<\(betas.count)")
        let abar = alphaBar(betas: betas, t: t)
        let signal = sqrt(abar), spread = sqrt(1 - abar)
        return zip(x0, noise).map { x, e in signal * x + spread * e }
    }
}
