import Tensor

/// Mixed-chunk attention, FLASH's linear-time form of the GAU's attention.
///
/// Hua et al. 2022, §3.2 (eq. 6 to 8, Algorithm 2 and Figure 4). The sequence
/// is cut into G = n/c chunks of c tokens. Inside a chunk, attention is exact
/// and quadratic (cheap, because c is small); across chunks it is linear
/// attention with no feature map, whose cost is linear in n:
///
/// ```
/// local_g  = relu(quadQ_g·quadK_gᵀ / c)² · v_g       // [c, e]; causal: j > i in the chunk zeroed
/// global_g = linQ_g · (linKᵀ·v) / n                  // non-causal: one [s, e] summary for all
/// global_g = linQ_g · (Σ_{h<g} linK_hᵀ·v_h) / c       // causal: only earlier chunks
/// out_g = local_g + global_g
/// ```
///
/// The causal sum is an exclusive prefix over chunks: chunk g reads the
/// summary of chunks 0…g−1 and only then adds its own, because its own
/// tokens are already handled exactly (and causally) by the local part.
/// In the paper quadQ, quadK, linQ and linK are four cheap affine maps of
/// one shared z; here they are inputs so each part can be checked alone.
///
/// Cost: local O(n·c·(s + e)), global O(n·s·e), so O(n) for fixed c, s and e.
/// The fast path walks contiguous rows through unsafe buffer pointers so
/// the inner loops over s and e vectorise.
extension FLASH {
    /// Mixed-chunk attention.
    ///
    /// - Parameters: quadQ, quadK, linQ, linK: `[n, s]`; v: `[n, e]`;
    ///   chunk: c >= 1 dividing n; causal: masks both parts as above.
    /// - Returns: `[n, e]`.
    /// - Complexity: O(n · (c·(s + e) + s·e)) time, O(s·c + s·e) extra memory.
    public static func mixedChunk(quadQ: Matrix, quadK: Matrix, linQ: Matrix, linK: Matrix, v: Matrix,
                                  chunk c: Int, causal: Bool) -> Matrix {
        let n = quadQ.rows, s = quadQ.cols, e = v.cols
        precondition(c >= 1 && n % c == 0, "mixedChunk: chunk \(c) must be >= 1 and divide n = \(n)")
        precondition([quadK, linQ, linK].allSatisfy { $0.rows == n && $0.cols == s } && v.rows == n,
                     "mixedChunk: quadQ, quadK, linQ, linK must be n×s and v n×e")
        var out = Matrix(rows: n, cols: e)                                  // [n, e]
        var summary = [Double](repeating: 0, count: s * e)                  // Σ linKᵀ·v, [s, e]
        var weights = [Double](repeating: 0, count: c)                      // one row of the local A
        var keysT = [Double](repeating: 0, count: s * c)                    // the chunk's quadK, [s, c]
        let localScale = 1 / Double(c)
        quadQ.storage.withUnsafeBufferPointer { qq in
        quadK.storage.withUnsafeBufferPointer { qk in
        linQ.storage.withUnsafeBufferPointer { lq in
        linK.storage.withUnsafeBufferPointer { lk in
        v.storage.withUnsafeBufferPointer { vp in
        out.storage.withUnsafeMutableBufferPointer { op in
        summary.withUnsafeMutableBufferPointer { sp in
        weights.withUnsafeMutableBufferPointer { wp in
        keysT.withUnsafeMutableBufferPointer { kt in
            // Adds linK rows lo..<hi times their values into the summary.
            func accumulate(_ lo: Int, _ hi: Int) {
                for j in lo..<hi {
                    for a in 0..<s {
                        let w = lk[j * s + a]
                        if w == 0 { continue }
                        for b in 0..<e { sp[a * e + b] += w * vp[j * e + b] }
                    }
                }
            }
            // Adds scale · linQ rows lo..<hi times the summary into out.
            func readSummary(_ lo: Int, _ hi: Int, scale: Double) {
                for i in lo..<hi {
                    for a in 0..<s {
                        let w = lq[i * s + a] * scale
                        if w == 0 { continue }
                        for b in 0..<e { op[i * e + b] += w * sp[a * e + b] }
                    }
                }
            }
            // Non-causal: one summary of the whole sequence, read by every row.
            if !causal {
                accumulate(0, n)
                readSummary(0, n, scale: 1 / Double(n))
            }
            for start in stride(from: 0, to: n, by: c) {
                // 1. local: exact relu² attention inside the chunk. The chunk's
                // keys are transposed to [s, c] so a row of scores is built as
                // Σ_a quadQ[i, a]·keysT[a, :], an inner loop over contiguous j
                // that vectorises (a dot-product loop would not, being a serial sum).
                for j in 0..<c {
                    for a in 0..<s { kt[a * c + j] = qk[(start + j) * s + a] }
                }
                for i in start..<(start + c) {
                    let last = causal ? i : start + c - 1
                    let width = last - start + 1
                    for j in 0..<width { wp[j] = 0 }
                    for a in 0..<s {
                        let w = qq[i * s + a]
                        if w == 0 { continue }
                        let row = a * c
                        for j in 0..<width { wp[j] += w * kt[row + j] }
                    }
                    for j in 0..<width { wp[j] = relu2(wp[j] * localScale) }
                    for j in start...last {
                        let w = wp[j - start]
                        if w == 0 { continue }
                        for b in 0..<e { op[i * e + b] += w * vp[j * e + b] }
                    }
                }
                // 2. causal global: read the earlier chunks, then add this one.
                if causal {
                    if start > 0 { readSummary(start, start + c, scale: localScale) }
                    accumulate(start, start + c)
                }
            }
        }}}}}}}}}
        return out
    }
}
