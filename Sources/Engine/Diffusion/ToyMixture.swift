import Tensor

/// A 2-D mixture of isotropic Gaussians whose best ε-predictor is known in
/// closed form, so a diffusion sampler can be watched without training a network.
///
/// If x_0 comes from Σ_k w_k·N(m_k, s_k²·I) then, by Ho et al. 2020, eq. 4,
/// x_t = sqrt(ᾱ)·x_0 + sqrt(1 − ᾱ)·ε is again a mixture:
///
/// ```
/// p_t(x) = Σ_k w_k·N(x; sqrt(ᾱ)·m_k, v_k·I),   v_k = ᾱ·s_k² + 1 − ᾱ
/// ```
///
/// The network a diffusion model trains with the squared error of Ho et al.
/// 2020, §3.2 converges to E[ε | x_t], and that expectation is the score of
/// p_t scaled by −sqrt(1 − ᾱ) (Tweedie's formula; the link between
/// ε-prediction and denoising score matching that Ho et al. draw in §3.2):
///
/// ```
/// ε̂(x, ᾱ) = −sqrt(1 − ᾱ)·∇ log p_t(x)
///          = sqrt(1 − ᾱ)·Σ_k r_k(x)·(x − sqrt(ᾱ)·m_k)/v_k
/// ```
///
/// with r_k(x) the posterior weight of component k at x (a softmax of the
/// components' log densities). Restricting the sum to one component gives
/// the "conditional" predictor for that class, which the demo uses to show
/// classifier-free guidance. What it leaves out: everything a real network
/// must learn; here the answer is exact.
extension Diffusion {
    public struct ToyMixture: Sendable, Equatable {
        /// One Gaussian: mean (x, y), standard deviation, weight.
        public struct Component: Sendable, Equatable {
            public var mean: (x: Double, y: Double)
            public var std: Double
            public var weight: Double
            public init(x: Double, y: Double, std: Double, weight: Double) {
                mean = (x, y); self.std = std; self.weight = weight
            }
            public static func == (a: Component, b: Component) -> Bool {
                a.mean == b.mean && a.std == b.std && a.weight == b.weight
            }
        }

        public var components: [Component]

        /// Weights are normalised to sum to 1.
        public init(components: [Component]) {
            precondition(!components.isEmpty, "a mixture needs at least one component")
            let total = components.reduce(0) { $0 + $1.weight }
            precondition(total > 0, "mixture weights must sum to more than 0")
            self.components = components.map { var c = $0; c.weight /= total; return c }
        }

        /// `count` equal Gaussians evenly spaced on a circle (the classic
        /// "8 Gaussians" toy set when count = 8).
        public static func ring(count: Int, radius: Double = 1, std: Double = 0.08) -> ToyMixture {
            ToyMixture(components: (0..<count).map { k in
                let angle = 2 * Double.pi * Double(k) / Double(count)
                return Component(x: radius * cos(angle), y: radius * sin(angle), std: std, weight: 1)
            })
        }

        /// log p_t(x) at noise level ᾱ (ᾱ = 1 is the data distribution itself).
        public func logDensity(x: Double, y: Double, alphaBar: Double) -> Double {
            let logs = components.indices.map { componentLog($0, x: x, y: y, alphaBar: alphaBar) }
            let top = logs.max()!
            return top + log(logs.reduce(0) { $0 + exp($1 - top) })
        }

        /// The optimal noise prediction ε̂(x, ᾱ) for a point; `component`
        /// restricts the mixture to one class. Needs ᾱ < 1.
        /// - Complexity: O(K), without allocating (it runs once per point and step).
        public func epsilon(x: Double, y: Double, alphaBar: Double, component: Int? = nil) -> (x: Double, y: Double) {
            let range = component.map { $0...$0 } ?? 0...(components.count - 1)
            // 1. The largest log term, so the softmax below cannot overflow.
            var top = -Double.infinity
            for k in range { top = max(top, componentLog(k, x: x, y: y, alphaBar: alphaBar)) }
            // 2. Responsibility-weighted sum of each component's (x − sqrt(ᾱ)·m_k)/v_k.
            var total = 0.0, ex = 0.0, ey = 0.0
            let a = sqrt(alphaBar)
            for k in range {
                let c = components[k]
                let r = exp(componentLog(k, x: x, y: y, alphaBar: alphaBar) - top)   // unnormalised responsibility
                let v = alphaBar * c.std * c.std + 1 - alphaBar
                total += r
                ex += r * (x - a * c.mean.x) / v
                ey += r * (y - a * c.mean.y) / v
            }
            let spread = sqrt(1 - alphaBar)
            return (spread * ex / total, spread * ey / total)
        }

        /// log(w_k) + log N(x; sqrt(ᾱ)·m_k, v_k·I) in two dimensions.
        @inline(__always) func componentLog(_ k: Int, x: Double, y: Double, alphaBar: Double) -> Double {
            let c = components[k]
            let v = alphaBar * c.std * c.std + 1 - alphaBar
            let dx = x - sqrt(alphaBar) * c.mean.x, dy = y - sqrt(alphaBar) * c.mean.y
            return log(c.weight) - log(2 * Double.pi * v) - (dx * dx + dy * dy) / (2 * v)
        }

        /// `count` points drawn from the data distribution (x_0), as [x, y] pairs.
        public func sample(count: Int, rng: inout SeededRandom) -> [[Double]] {
            (0..<count).map { _ in
                var u = rng.uniform(), k = 0
                while k < components.count - 1 && u >= components[k].weight { u -= components[k].weight; k += 1 }
                let c = components[k]
                return [c.mean.x + c.std * rng.normal(), c.mean.y + c.std * rng.normal()]
            }
        }

        /// The index of the component whose mean is nearest to (x, y).
        public func nearest(x: Double, y: Double) -> Int {
            var best = 0, bestDistance = Double.infinity
            for (k, c) in components.enumerated() {
                let d = (x - c.mean.x) * (x - c.mean.x) + (y - c.mean.y) * (y - c.mean.y)
                if d < bestDistance { best = k; bestDistance = d }
            }
            return best
        }
    }
}
