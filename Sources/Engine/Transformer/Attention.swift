import Tensor

/// Scaled dot-product attention, Vaswani et al. 2017, §3.2.1:
///
/// ```
/// Attention(Q, K, V) = softmax(Q·Kᵀ / √d) · V        Q: [n, d], K: [m, d], V: [m, e] → [n, e]
/// ```
///
/// Row i of the result is a weighted average of the rows of V; the weights
/// are a softmax over how well query i matches each key. The 1/√d keeps the
/// scores' spread independent of d: for entries with mean 0 and variance 1,
/// q·k is a sum of d products of variance 1, so its variance is d, and
/// dividing by √d brings it back to 1 (the paper's footnote 4). Without it,
/// large d saturates the softmax to a near one-hot vector with tiny gradients.
///
/// Causal masking as PyTorch's `scaled_dot_product_attention(is_causal=True)`:
/// the mask is aligned to the top-left corner, so row i sees the columns
/// j <= i, also when n != m (row 0 always sees column 0, and rows i >= m see
/// every column). A masked score is −∞ before the softmax, i.e. weight 0.
///
/// The fast path below and `naiveAttention` compute the same thing. The fast
/// path handles eight query rows at a time: (1) their scores against all
/// keys, as one 8×m product with Kᵀ, (2) the mask and the exponentials of
/// each row, (3) their outputs, as one 8×e product of the weights with V,
/// and only then (4) the softmax's division, on the e outputs of a row
/// rather than its m weights. Both products go through `BlockProduct`,
/// which keeps a tile of the result in registers while it walks the shared
/// dimension. One score buffer serves every block: no allocation per row.
extension Transformer {
    /// softmax(q·kᵀ/√d)·v with an optional top-left causal mask.
    ///
    /// - Parameters:
    ///   - q: `[n, d]` queries; `k`: `[m, d]` keys; `v`: `[m, e]` values.
    ///   - causal: when true, query i attends to keys 0...i only.
    /// - Returns: `[n, e]`.
    /// - Complexity: O(n · m · (d + e)) time, O(m · d + 8m) extra memory.
    public static func attention(q: Matrix, k: Matrix, v: Matrix, causal: Bool) -> Matrix {
        precondition(q.cols == k.cols && k.rows == v.rows && k.rows >= 1,
                     "attention: q \(q.rows)×\(q.cols), k \(k.rows)×\(k.cols), v \(v.rows)×\(v.cols)")
        let n = q.rows, m = k.rows, d = q.cols, e = v.cols
        let scale = 1 / sqrt(Double(max(d, 1)))
        let scaledQ = q.scaled(by: scale)                       // [n, d], q/√d
        let kT = k.transposed                                   // [d, m]
        var out = Matrix(rows: n, cols: e)                      // [n, e]
        let height = BlockProduct.height
        var scores = [Double](repeating: 0, count: height * m)  // [8, m]
        scaledQ.storage.withUnsafeBufferPointer { qp in
            kT.storage.withUnsafeBufferPointer { kp in
                v.storage.withUnsafeBufferPointer { vp in
                    out.storage.withUnsafeMutableBufferPointer { op in
                        scores.withUnsafeMutableBufferPointer { sp in
                            let s = sp.baseAddress!
                            var sums = [Double](repeating: 0, count: height)
                            var i0 = 0
                            while i0 < n {
                                let rows = min(height, n - i0)
                                let width = causal ? min(m, i0 + rows) : m      // keys any row of the block sees
                                // 1. S = (q/√d)·Kᵀ for these rows, columns 0..<width.
                                BlockProduct.rows(qp.baseAddress! + i0 * d, lda: d, rows: rows, kp.baseAddress!, ldb: m,
                                                  inner: d, columns: width, s, ldc: m)
                                // 2. mask (weight 0 beyond column i) and exponentials per row.
                                for r in 0..<rows {
                                    let seen = causal ? min(m, i0 + r + 1) : m
                                    sums[r] = exponentiate(UnsafeMutableBufferPointer(start: s + r * m, count: seen))
                                    for j in seen..<width { s[r * m + j] = 0 }
                                }
                                // 3. out = E·V for these rows, E the unnormalised weights.
                                let o = op.baseAddress! + i0 * e
                                BlockProduct.rows(UnsafePointer(s), lda: m, rows: rows, vp.baseAddress!, ldb: e,
                                                  inner: width, columns: e, o, ldc: e)
                                // 4. the softmax's division, per output row.
                                for r in 0..<rows {
                                    let inverse = 1 / sums[r]
                                    for t in 0..<e { o[r * e + t] *= inverse }
                                }
                                i0 += rows
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The n×m weight table softmax(q·kᵀ·c) itself, with c = 1/√d when
    /// `scaled` and 1 otherwise, masked entries 0: what the `attention` demo draws.
    /// - Complexity: O(n · m · d)
    public static func attentionWeights(q: Matrix, k: Matrix, causal: Bool, scaled: Bool = true) -> Matrix {
        precondition(q.cols == k.cols && k.rows >= 1, "attentionWeights: q \(q.rows)×\(q.cols), k \(k.rows)×\(k.cols)")
        let factor = scaled ? 1 / sqrt(Double(max(q.cols, 1))) : 1
        var weights = q.matmul(k.transposed).scaled(by: factor)          // [n, m]
        let m = k.rows
        weights.storage.withUnsafeMutableBufferPointer { w in
            for i in 0..<q.rows {
                let seen = causal ? min(m, i + 1) : m
                softmaxInPlace(UnsafeMutableBufferPointer(rebasing: w[(i * m)..<(i * m + seen)]))
                for j in seen..<m { w[i * m + j] = 0 }
            }
        }
        return weights
    }

    /// The same attention written straight from the formula, one output
    /// entry at a time: the slow, obviously correct twin of `attention`.
    /// - Complexity: O(n · m · (d + e)) with far worse constants.
    public static func naiveAttention(q: Matrix, k: Matrix, v: Matrix, causal: Bool) -> Matrix {
        let n = q.rows, m = k.rows, d = q.cols, e = v.cols
        var out = Matrix(rows: n, cols: e)
        for i in 0..<n {
            var weights = [Double](repeating: -.infinity, count: m)
            for j in 0..<m where !causal || j <= i {
                var dotProduct = 0.0
                for c in 0..<d { dotProduct += q[i, c] * k[j, c] }
                weights[j] = dotProduct / sqrt(Double(d))
            }
            weights = softmax(weights)
            for t in 0..<e {
                for j in 0..<m { out[i, t] += weights[j] * v[j, t] }
            }
        }
        return out
    }
}
