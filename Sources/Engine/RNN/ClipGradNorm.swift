/// Gradient clipping by global norm.
///
/// Pascanu, Mikolov and Bengio, "On the difficulty of training recurrent
/// neural networks", ICML 2013, §3.2 (Algorithm 1), in the form of PyTorch's
/// `torch.nn.utils.clip_grad_norm_`: one norm over every parameter's
/// gradient together, and one common scale, so the update keeps its
/// direction and only its length is capped.
///
/// ```
/// total = sqrt(Σ_p Σ_k g_{p,k}²)
/// scale = min(1, maxNorm / (total + 1e-6))
/// g    ← scale · g
/// ```
///
/// The 1e-6 keeps the division finite when every gradient is zero. Worked
/// example from the lesson: grads [[3], [4]] (total 5) with maxNorm 1 become
/// [[0.6], [0.8]] (times 5/(5 + 1e-6)).
extension RNN {
    /// The clipped gradients and the norm measured before clipping
    /// (the catalog's `{grads, totalNorm}`).
    public struct ClippedGradients: Sendable, Equatable, Codable {
        public var grads: [[Double]]
        public var totalNorm: Double
        public init(grads: [[Double]], totalNorm: Double) { self.grads = grads; self.totalNorm = totalNorm }
    }

    /// The additive constant in the denominator of the scale, as PyTorch uses.
    public static let clipEpsilon = 1e-6

    /// Scales every gradient by one common factor so the global L2 norm is at most `maxNorm`.
    ///
    /// - Parameters:
    ///   - grads: one array per parameter; the arrays may differ in length.
    ///   - maxNorm: the cap, >= 0.
    /// - Complexity: O(total number of values).
    public static func clipGradNorm(grads: [[Double]], maxNorm: Double) -> ClippedGradients {
        precondition(maxNorm >= 0, "maxNorm must be >= 0, got \(maxNorm)")
        var squares = 0.0
        for g in grads { for v in g { squares += v * v } }
        let total = squares.squareRoot()
        let scale = min(1, maxNorm / (total + clipEpsilon))
        // PyTorch multiplies even when scale is 1; the values are then unchanged.
        let clipped = grads.map { g in g.map { $0 * scale } }
        return ClippedGradients(grads: clipped, totalNorm: total)
    }

    /// The same clipping in place over flat buffers, for the trainers here.
    /// Returns the norm before clipping.
    @discardableResult
    static func clipInPlace(_ grads: inout [[Double]], maxNorm: Double) -> Double {
        var squares = 0.0
        for g in grads { for v in g { squares += v * v } }
        let total = squares.squareRoot()
        let scale = min(1, maxNorm / (total + clipEpsilon))
        if scale < 1 { for p in grads.indices { for k in grads[p].indices { grads[p][k] *= scale } } }
        return total
    }
}
