import Tensor

/// The gated attention unit (GAU), one layer that does the work of an
/// attention block and a feed-forward block together.
///
/// Hua et al. 2022, §2.2 (eq. 2 to 5 and Algorithm 1), without the norm,
/// the residual and the relative position bias (the catalog leaves them out):
///
/// ```
/// u = silu(x·Wu + bu)                  // [n, e]  the gate
/// v = silu(x·Wv + bv)                  // [n, e]  the values
/// z = silu(x·Wz + bz)                  // [n, s]  shared, s small (128 in the paper)
/// q = z ⊙ γ_q + β_q,  k = z ⊙ γ_k + β_k  // [n, s] per-dimension scale and offset
/// A = relu(q·kᵀ / n)²                   // [n, n]  causal: j > i zeroed
/// out = (u ⊙ (A·v))·Wo + bo             // [n, d]
/// ```
///
/// Why one head is enough: the gate u multiplies the attention output
/// element by element, so each of the e channels can keep or drop what
/// attention brought; the paper (§2.2) reports that extra heads
/// then add little. Queries and keys come from one z at the price of two
/// cheap per-dimension affine maps, so the unit has about the parameters of
/// a feed-forward block (e = 2d) and little more.
extension FLASH {
    /// The parameters of one GAU, in the catalog's `[in][out]` layout.
    public struct GAUWeights: Sendable, Equatable {
        public var wu: Matrix, bu: [Double]          // [d, e], [e]
        public var wv: Matrix, bv: [Double]          // [d, e], [e]
        public var wz: Matrix, bz: [Double]          // [d, s], [s]
        public var gammaQ: [Double], betaQ: [Double] // [s]
        public var gammaK: [Double], betaK: [Double] // [s]
        public var wo: Matrix, bo: [Double]          // [e, d], [d]

        public init(wu: Matrix, bu: [Double], wv: Matrix, bv: [Double], wz: Matrix, bz: [Double],
                    gammaQ: [Double], betaQ: [Double], gammaK: [Double], betaK: [Double],
                    wo: Matrix, bo: [Double]) {
            self.wu = wu; self.bu = bu; self.wv = wv; self.bv = bv; self.wz = wz; self.bz = bz
            self.gammaQ = gammaQ; self.betaQ = betaQ; self.gammaK = gammaK; self.betaK = betaK
            self.wo = wo; self.bo = bo
        }
    }

    /// The GAU's queries and keys: the shared z under two per-dimension affine maps.
    static func queriesAndKeys(_ z: Matrix, _ w: GAUWeights) -> (q: Matrix, k: Matrix) {
        var q = z, k = z
        let s = z.cols
        for i in 0..<z.rows {
            for a in 0..<s {
                let value = z.storage[i * s + a]
                q.storage[i * s + a] = value * w.gammaQ[a] + w.betaQ[a]
                k.storage[i * s + a] = value * w.gammaK[a] + w.betaK[a]
            }
        }
        return (q, k)
    }

    /// One gated attention unit.
    ///
    /// - Parameters: x: `[n, d]`; weights as in `GAUWeights`; causal masks A.
    /// - Returns: `[n, d]`.
    /// - Complexity: O(n·d·(e + s) + n²·(s + e)).
    public static func gau(x: Matrix, weights w: GAUWeights, causal: Bool) -> Matrix {
        // 1. three projections through silu.
        let u = siluDense(x, w.wu, w.bu)                 // [n, e]
        let v = siluDense(x, w.wv, w.bv)                 // [n, e]
        let z = siluDense(x, w.wz, w.bz)                 // [n, s]
        // 2. queries and keys share z.
        let (q, k) = queriesAndKeys(z, w)                // [n, s] each
        // 3. relu² attention over the values.
        let attended = relu2Attention(q: q, k: k, v: v, causal: causal)   // [n, e]
        // 4. gate element by element, then project back to d.
        return (u * attended).matmul(w.wo).addingRow(w.bo)              // [n, d]
    }
}
