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
/// path handles four query rows at a time: (1) their scores against all
/// keys, as one 4×m product with Kᵀ, (2) the mask and a softmax per row,
/// (3) their outputs, as one 4×e product of the weights with V. Both
/// products go through `rowBlockProduct`, which keeps a 4×4 tile of the
/// result in SIMD registers while it walks the shared dimension, so each
/// value of Kᵀ or V is loaded once per four rows and nothing is stored until
/// the tile is done. One score buffer serves every block: no allocation per
/// row or per element.
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
        let scaledQ = q.scaled(by: scale)                       // [n, d], q/√d
        let kT = k.transposed                                   // [d, m]
        var out = Matrix(rows: n, cols: e)                      // [n, e]
        var scores = [Double](repeating: 0, count: 4 * m)       // [4, m]
        scaledQ.storage.withUnsafeBufferPointer { qp in
            kT.storage.withUnsafeBufferPointer { kp in
                v.storage.withUnsafeBufferPointer { vp in
                    out.storage.withUnsafeMutableBufferPointer { op in
                        scores.withUnsafeMutableBufferPointer { sp in
                            let s = sp.baseAddress!
                            var i0 = 0
                            while i0 < n {
                                let rows = min(4, n - i0)
                                let width = causal ? min(m, i0 + rows) : m      // keys any row of the block sees
                                // 1. S = (q/√d)·Kᵀ for these rows, columns 0..<width.
                                rowBlockProduct(qp.baseAddress! + i0 * d, lda: d, rows: rows, kp.baseAddress!, ldb: m,
                                                inner: d, columns: width, s, ldc: m)
                                // 2. mask (weight 0 beyond column i) and softmax per row.
                                for r in 0..<rows {
                                    let seen = causal ? min(m, i0 + r + 1) : m
                                    softmaxInPlace(UnsafeMutableBufferPointer(start: s + r * m, count: seen))
                                    for j in seen..<width { s[r * m + j] = 0 }
                                }
                                // 3. out = P·V for these rows.
                                rowBlockProduct(UnsafePointer(s), lda: m, rows: rows, vp.baseAddress!, ldb: e,
                                                inner: width, columns: e, op.baseAddress! + i0 * e, ldc: e)
                                i0 += rows
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// C = A·B for up to four rows of A: A is `rows`×`inner` (row stride
    /// `lda`), B is `inner`×`columns` (row stride `ldb`), C is written (not
    /// added to) with row stride `ldc`.
    ///
    /// Each 4×4 tile of C lives in four SIMD4 accumulators while the loop
    /// runs over the shared dimension: per step, one 4-wide load of B, four
    /// scalar reads of A and sixteen multiply-adds, and no stores.
    @inline(__always)
    static func rowBlockProduct(_ a: UnsafePointer<Double>, lda: Int, rows: Int, _ b: UnsafePointer<Double>, ldb: Int,
                                inner: Int, columns: Int, _ c: UnsafeMutablePointer<Double>, ldc: Int) {
        // Missing rows read row 0 again; their results are not stored.
        let a0 = a, a1 = a + (rows > 1 ? lda : 0), a2 = a + (rows > 2 ? 2 * lda : 0), a3 = a + (rows > 3 ? 3 * lda : 0)
        let stride = MemoryLayout<Double>.stride
        var j = 0
        while j + 4 <= columns {
            var c0 = SIMD4<Double>(), c1 = SIMD4<Double>(), c2 = SIMD4<Double>(), c3 = SIMD4<Double>()
            var bp = UnsafeRawPointer(b + j)
            for t in 0..<inner {
                let bt = bp.loadUnaligned(as: SIMD4<Double>.self)
                c0 += a0[t] * bt; c1 += a1[t] * bt; c2 += a2[t] * bt; c3 += a3[t] * bt
                bp += ldb * stride
            }
            UnsafeMutableRawPointer(c + j).storeBytes(of: c0, as: SIMD4<Double>.self)
            if rows > 1 { UnsafeMutableRawPointer(c + ldc + j).storeBytes(of: c1, as: SIMD4<Double>.self) }
            if rows > 2 { UnsafeMutableRawPointer(c + 2 * ldc + j).storeBytes(of: c2, as: SIMD4<Double>.self) }
            if rows > 3 { UnsafeMutableRawPointer(c + 3 * ldc + j).storeBytes(of: c3, as: SIMD4<Double>.self) }
            j += 4
        }
        while j < columns {                                     // the last columns % 4, one at a time
            for r in 0..<rows {
                var sum = 0.0
                for t in 0..<inner { sum += a[r * lda + t] * b[t * ldb + j] }
                c[r * ldc + j] = sum
            }
            j += 1
        }
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
