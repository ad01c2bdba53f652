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
/// path (1) transposes K once so that the score loop runs along contiguous
/// memory, (2) handles four query rows together so each row of Kᵀ and of V is
/// loaded once per four rows, and (3) reuses one score buffer: no allocation
/// per row or per element. The inner loops have no reductions, so the
/// compiler vectorises them.
extension Transformer {
    /// softmax(q·kᵀ/√d)·v with an optional top-left causal mask.
    ///
    /// - Parameters:
    ///   - q: `[n, d]` queries; `k`: `[m, d]` keys; `v`: `[m, e]` values.
    ///   - causal: when true, query i attends to keys 0...i only.
    /// - Returns: `[n, e]`.
    /// - Complexity: O(n · m · (d + e)) time, O(m · d + 4m) extra memory.
    public static func attention(q: Matrix, k: Matrix, v: Matrix, causal: Bool) -> Matrix {
        precondition(q.cols == k.cols && k.rows == v.rows && k.rows >= 1,
                     "attention: q \(q.rows)×\(q.cols), k \(k.rows)×\(k.cols), v \(v.rows)×\(v.cols)")
        let n = q.rows, m = k.rows, d = q.cols, e = v.cols
        let scale = 1 / sqrt(Double(max(d, 1)))
        let kT = k.transposed                                   // [d, m]
        var out = Matrix(rows: n, cols: e)                      // [n, e]
        let block = 4
        var scores = [Double](repeating: 0, count: block * m)   // [4, m]
        q.storage.withUnsafeBufferPointer { qp in
            kT.storage.withUnsafeBufferPointer { kp in
                v.storage.withUnsafeBufferPointer { vp in
                    out.storage.withUnsafeMutableBufferPointer { op in
                        scores.withUnsafeMutableBufferPointer { sp in
                            var i0 = 0
                            while i0 < n {
                                let rows = min(block, n - i0)
                                // Columns any row of this block may see.
                                let width = causal ? min(m, i0 + rows) : m
                                // 1. scores S[r][j] = (q_r/√d)·k_j, accumulated over the d features.
                                for r in 0..<rows {
                                    let s = sp.baseAddress! + r * m
                                    for j in 0..<width { s[j] = 0 }
                                }
                                for c in 0..<d {
                                    let kRow = kp.baseAddress! + c * m
                                    if rows == block {
                                        let a0 = qp[i0 * d + c] * scale, a1 = qp[(i0 + 1) * d + c] * scale
                                        let a2 = qp[(i0 + 2) * d + c] * scale, a3 = qp[(i0 + 3) * d + c] * scale
                                        let s0 = sp.baseAddress!, s1 = s0 + m, s2 = s1 + m, s3 = s2 + m
                                        for j in 0..<width {
                                            let kj = kRow[j]
                                            s0[j] += a0 * kj; s1[j] += a1 * kj; s2[j] += a2 * kj; s3[j] += a3 * kj
                                        }
                                    } else {
                                        for r in 0..<rows {
                                            let a = qp[(i0 + r) * d + c] * scale
                                            let s = sp.baseAddress! + r * m
                                            for j in 0..<width { s[j] += a * kRow[j] }
                                        }
                                    }
                                }
                                // 2. the mask and the softmax, row by row.
                                for r in 0..<rows {
                                    let seen = causal ? min(m, i0 + r + 1) : m
                                    let s = sp.baseAddress! + r * m
                                    for j in seen..<width { s[j] = 0 }
                                    softmaxInPlace(UnsafeMutableBufferPointer(start: s, count: seen))
                                }
                                // 3. out_r = Σ_j P[r][j]·v_j.
                                if rows == block {
                                    let o0 = op.baseAddress! + i0 * e, o1 = o0 + e, o2 = o1 + e, o3 = o2 + e
                                    for j in 0..<width {
                                        let p0 = sp[j], p1 = sp[m + j], p2 = sp[2 * m + j], p3 = sp[3 * m + j]
                                        let vRow = vp.baseAddress! + j * e
                                        for t in 0..<e {
                                            let vt = vRow[t]
                                            o0[t] += p0 * vt; o1[t] += p1 * vt; o2[t] += p2 * vt; o3[t] += p3 * vt
                                        }
                                    }
                                } else {
                                    for r in 0..<rows {
                                        let o = op.baseAddress! + (i0 + r) * e
                                        for j in 0..<width {
                                            let p = sp[r * m + j]
                                            if p == 0 { continue }
                                            let vRow = vp.baseAddress! + j * e
                                            for t in 0..<e { o[t] += p * vRow[t] }
                                        }
                                    }
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
