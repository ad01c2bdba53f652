/// The three noise schedules of `diffusers` (`beta_schedule`).
///
/// - `linear`: Ho et al. 2020, "Denoising Diffusion Probabilistic Models",
///   §4: β rises evenly from 1e-4 to 0.02 over T = 1000 steps.
/// - `scaled_linear`: the square roots rise evenly and are squared. Stable
///   Diffusion v1/v2 (Rombach et al. 2022) train with 0.00085 … 0.012 over
///   1000 steps, which adds noise more gently than `linear`.
/// - `squaredcos_cap_v2`: Nichol & Dhariwal 2021, "Improved Denoising
///   Diffusion Probabilistic Models", §3.2, eq. 17: choose ᾱ directly as a
///   squared cosine and read the betas off it,
///
/// ```
/// f(u) = cos²((u + s)/(1 + s) · π/2),  s = 0.008,  u = t/T
/// β_t  = min(1 − f((t+1)/T) / f(t/T), 0.999)
/// ```
///
///   The cap 0.999 stops β from reaching 1 at the very end, where f → 0.
///
/// Worked example from the lesson: `linear`, 2 steps, 0.1 … 0.3 gives
/// β = [0.1, 0.3] and ᾱ = [0.9, 0.63].
extension Diffusion {
    /// A `beta_schedule` name as `diffusers` spells it.
    public enum Schedule: String, Sendable, CaseIterable, Codable {
        case linear
        case scaledLinear = "scaled_linear"
        case squaredcosCapV2 = "squaredcos_cap_v2"
    }

    /// Nichol & Dhariwal's offset s, which keeps β_0 from being vanishingly small.
    public static let cosineOffset = 0.008
    /// The largest β the cosine schedule allows.
    public static let cosineCap = 0.999

    /// The T betas of a schedule.
    ///
    /// - Parameters:
    ///   - steps: T >= 2.
    ///   - betaStart, betaEnd: the first and last β of the linear schedules
    ///     (both included); ignored by `squaredcos_cap_v2`.
    /// - Complexity: O(T).
    public static func betas(schedule: Schedule, steps: Int, betaStart: Double, betaEnd: Double) -> [Double] {
        precondition(steps >= 2, "a schedule needs at least 2 steps, got \(steps)")
        let last = Double(steps - 1)
        switch schedule {
        case .linear:
            return (0..<steps).map { i in betaStart + (betaEnd - betaStart) * Double(i) / last }
        case .scaledLinear:
            let a = sqrt(betaStart), b = sqrt(betaEnd)
            return (0..<steps).map { i in
                let root = a + (b - a) * Double(i) / last
                return root * root
            }
        case .squaredcosCapV2:
            let n = Double(steps)
            func f(_ u: Double) -> Double {
                let c = cos((u + cosineOffset) / (1 + cosineOffset) * Double.pi / 2)
                return c * c
            }
            return (0..<steps).map { i in min(1 - f(Double(i + 1) / n) / f(Double(i) / n), cosineCap) }
        }
    }
}
