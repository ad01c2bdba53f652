import Tensor

/// Measured cost of causal softmax attention against causal linear attention
/// as the sequence grows: the data of the `attention-cost` demo.
///
/// Katharopoulos et al. 2020, §3.2 and §4.1: softmax attention costs
/// O(n²·max(d, e)), linear attention O(n·d·e). For small n the quadratic
/// form wins (it does less per pair when n < d·e / (d + e) roughly, and
/// needs no d×e state); past a crossover the linear form wins by a factor
/// that grows like n. This measures both on the same random inputs with the
/// monotonic clock and reports the fastest of a few repeats, so the curve
/// reflects the algorithms and not a busy moment of the machine.
extension LinearAttention {
    /// One measured size.
    public struct CostPoint: Sendable, Equatable {
        public var n: Int
        public var softmaxSeconds: Double
        public var linearSeconds: Double
    }

    /// Times both causal forms at one size n with d = e = `width`.
    ///
    /// - Parameters:
    ///   - n: sequence length; `width`: d = e; `seed`: the random inputs.
    ///   - budget: seconds a size may spend on repeats (at least one run each).
    /// - Complexity: O(n² · width) for the softmax runs.
    public static func measureCost(n: Int, width: Int, seed: UInt64 = 1, budget: Double = 0.05) -> CostPoint {
        var rng = SeededRandom(seed: seed &+ UInt64(n))
        let q = rng.normalMatrix(rows: n, cols: width), k = rng.normalMatrix(rows: n, cols: width)
        let v = rng.normalMatrix(rows: n, cols: width)
        func fastest(_ body: () -> Matrix) -> Double {
            var best = Double.infinity, spent = 0.0, runs = 0
            var sink = 0.0
            while runs < 1 || (spent < budget && runs < 20) {
                let start = ContinuousClock.now
                sink += body().storage.first ?? 0
                let d = ContinuousClock.now - start
                let t = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
                best = Swift.min(best, t); spent += t; runs += 1
            }
            // `sink` keeps the optimiser from dropping the work; it is never NaN for these inputs.
            return sink.isNaN ? .infinity : Swift.max(best, 1e-9)
        }
        return CostPoint(n: n, softmaxSeconds: fastest { softmaxCausal(q: q, k: k, v: v) },
                         linearSeconds: fastest { causal(q: q, k: k, v: v) })
    }

    /// The first n at which linear attention was faster, interpolated on a
    /// log-log scale between the two measured sizes around the crossing;
    /// nil when one form wins everywhere in `points`.
    public static func crossover(_ points: [CostPoint]) -> Double? {
        func gap(_ p: CostPoint) -> Double { log(p.softmaxSeconds) - log(p.linearSeconds) }
        for (a, b) in zip(points, points.dropFirst()) where gap(a) <= 0 && gap(b) > 0 {
            let t = -gap(a) / (gap(b) - gap(a))
            return exp(log(Double(a.n)) + t * (log(Double(b.n)) - log(Double(a.n))))
        }
        return nil
    }
}
