import Tensor

/// A whole sampling run on the toy mixture: start from pure noise and chain
/// DDPM or DDIM steps down to t < 0, the loop every diffusion pipeline runs.
///
/// ```
/// x ~ N(0, I)
/// for t in timesteps (high to low):
///     ε = model(x, t)                                  // here: ToyMixture.epsilon
///     ε = ε_uncond + w·(ε_cond − ε_uncond)             // only with guidance
///     x = step(x, ε, t → prevT)                        // DDPM (adds noise) or DDIM (does not)
/// ```
///
/// Timesteps follow diffusers' "leading" spacing: with T training steps and
/// N sampling steps, stride r = T / N and timesteps (N−1)·r, …, r, 0, each
/// step going to t − r (the last one to t − r < 0, where ᾱ = 1). A DDPM step
/// that skips timesteps uses the beta of the whole jump, 1 − ᾱ_t/ᾱ_{t−r}
/// (as `DDPMScheduler` does once `set_timesteps` is called).
///
/// Points are kept as one flat vector [x₀, y₀, x₁, y₁, …], so each step is
/// one call of the same step functions the exercises grade.
extension Diffusion {
    public struct ToySampler: Sendable {
        public enum Kind: String, Sendable, CaseIterable { case ddpm, ddim }

        public let mixture: ToyMixture
        public let kind: Kind
        public let alphaBars: [Double]
        /// The timesteps still to run come from here, high to low.
        public let timesteps: [Int]
        public let stride: Int
        /// Classifier-free guidance towards one component, with its scale.
        public let guide: (component: Int, scale: Double)?
        /// The current points, flat: [x₀, y₀, x₁, y₁, …].
        public private(set) var flat: [Double]
        /// How many steps have run.
        public private(set) var done = 0
        var rng: SeededRandom

        /// - Parameters:
        ///   - betas: the training schedule (T values).
        ///   - steps: N sampling steps, 1 ... T.
        ///   - points: how many samples run side by side.
        public init(mixture: ToyMixture, kind: Kind, betas: [Double], steps: Int, points: Int, seed: UInt64,
                    guide: (component: Int, scale: Double)? = nil) {
            precondition(steps >= 1 && steps <= betas.count, "steps must be 1...\(betas.count), got \(steps)")
            self.mixture = mixture
            self.kind = kind
            self.alphaBars = Diffusion.alphaBars(betas: betas)
            stride = betas.count / steps
            timesteps = (0..<steps).reversed().map { $0 * (betas.count / steps) }
            self.guide = guide
            var rng = SeededRandom(seed: seed)
            flat = (0..<(2 * points)).map { _ in rng.normal() }      // x_T ~ N(0, I)
            self.rng = rng
        }

        public var isFinished: Bool { done == timesteps.count }
        /// The timestep the next step starts from (nil when finished).
        public var currentT: Int? { isFinished ? nil : timesteps[done] }

        /// The points as (x, y) pairs.
        public var points: [(x: Double, y: Double)] {
            (0..<(flat.count / 2)).map { (flat[2 * $0], flat[2 * $0 + 1]) }
        }

        /// The noise prediction for every point at ᾱ, guided if asked.
        /// - Complexity: O(points · K).
        public func epsilon(alphaBar: Double) -> [Double] {
            var out = [Double](repeating: 0, count: flat.count)
            for p in 0..<(flat.count / 2) {
                let x = flat[2 * p], y = flat[2 * p + 1]
                let e = mixture.epsilon(x: x, y: y, alphaBar: alphaBar)
                out[2 * p] = e.x; out[2 * p + 1] = e.y
            }
            guard let guide else { return out }
            var cond = out
            for p in 0..<(flat.count / 2) {
                let e = mixture.epsilon(x: flat[2 * p], y: flat[2 * p + 1], alphaBar: alphaBar, component: guide.component)
                cond[2 * p] = e.x; cond[2 * p + 1] = e.y
            }
            return Diffusion.guidance(uncond: out, cond: cond, scale: guide.scale)
        }

        /// Runs one sampling step; returns false when already finished.
        @discardableResult
        public mutating func step() -> Bool {
            guard let t = currentT else { return false }
            let prevT = t - stride
            let abar = alphaBars[t], abarPrev = prevT >= 0 ? alphaBars[prevT] : 1
            let eps = epsilon(alphaBar: abar)
            switch kind {
            case .ddim:
                flat = Diffusion.ddimStep(sample: flat, epsilon: eps, alphaBar: abar, alphaBarPrev: abarPrev)
            case .ddpm:
                var noise: [Double]? = nil
                if prevT >= 0 { noise = (0..<flat.count).map { _ in rng.normal() } }
                flat = Diffusion.ddpmStep(sample: flat, epsilon: eps, noise: noise, alphaBar: abar,
                                          alphaBarPrev: abarPrev, beta: 1 - abar / abarPrev, clipSample: false)
            }
            done += 1
            return true
        }

        /// Runs every remaining step.
        public mutating func run() { while step() {} }
    }
}
