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
/// Every product (local scores, local outputs, the summaries and their
/// reading) goes through `BlockProduct`, eight rows at a time; the chunk's
/// quadratic keys are transposed once per chunk so the kernel reads them
/// by rows, and linKᵀ is read where it lies.
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
        var out = Matrix(rows: n, cols: e)                                  // [n, e], added to below
        let h = BlockProduct.height
        var summary = [Double](repeating: 0, count: s * e)                  // Σ linKᵀ·v, [s, e]
        var scores = [Double](repeating: 0, count: h * c)                   // eight rows of the local A
        var keysT = [Double](repeating: 0, count: s * c)                    // a chunk's quadK, [s, c]
        let localScale = 1 / Double(c)
        quadQ.storage.withUnsafeBufferPointer { qq in
        quadK.storage.withUnsafeBufferPointer { qk in
        linQ.storage.withUnsafeBufferPointer { lq in
        linK.storage.withUnsafeBufferPointer { lk in
        v.storage.withUnsafeBufferPointer { vp in
        out.storage.withUnsafeMutableBufferPointer { op in
        summary.withUnsafeMutableBufferPointer { sp in
        scores.withUnsafeMutableBufferPointer { wp in
        keysT.withUnsafeMutableBufferPointer { kt in
            let vBase = vp.baseAddress!, outBase = op.baseAddress!, summaryBase = sp.baseAddress!
            // Rows lo..<hi of an [n, s] matrix, transposed into [s, hi − lo].
            func transpose(_ x: UnsafeBufferPointer<Double>, _ lo: Int, _ hi: Int, into t: UnsafeMutableBufferPointer<Double>) {
                let width = hi - lo
                for j in lo..<hi {
                    for a in 0..<s { t[a * width + j - lo] = x[j * s + a] }
                }
            }
            // summary += linK[lo..<hi]ᵀ · v[lo..<hi]; the kernel reads linKᵀ in
            // place (row a of it is column a of linK: stride 1 across rows, s along).
            func accumulate(_ lo: Int, _ hi: Int) {
                for a0 in stride(from: 0, to: s, by: h) {
                    BlockProduct.rows(lk.baseAddress! + lo * s + a0, lda: 1, step: s, rows: min(h, s - a0),
                                      vBase + lo * e, ldb: e, inner: hi - lo, columns: e,
                                      summaryBase + a0 * e, ldc: e, add: true)
                }
            }
            // out[lo..<hi] += scale · linQ[lo..<hi] · summary.
            func readSummary(_ lo: Int, _ hi: Int, scale: Double) {
                for i0 in stride(from: lo, to: hi, by: h) {
                    BlockProduct.rows(lq.baseAddress! + i0 * s, lda: s, rows: min(h, hi - i0),
                                      UnsafePointer(summaryBase), ldb: e, inner: s, columns: e,
                                      outBase + i0 * e, ldc: e, alpha: scale, add: true)
                }
            }
            // Non-causal: one summary of the whole sequence, read by every row.
            if !causal {
                accumulate(0, n)
                readSummary(0, n, scale: 1 / Double(n))
            }
            for start in stride(from: 0, to: n, by: c) {
                // 1. local: exact relu² attention inside the chunk, eight rows at a time.
                transpose(qk, start, start + c, into: kt)
                for i0 in stride(from: start, to: start + c, by: h) {
                    let rows = min(h, start + c - i0)
                    let width = causal ? i0 + rows - start : c                      // columns any row here sees
                    BlockProduct.rows(qq.baseAddress! + i0 * s, lda: s, rows: rows, UnsafePointer(kt.baseAddress!), ldb: c,
                                      inner: s, columns: width, wp.baseAddress!, ldc: c)
                    for r in 0..<rows {
                        let seen = causal ? i0 + r - start + 1 : c                  // causal: j <= i in the chunk
                        for j in 0..<seen { wp[r * c + j] = relu2(wp[r * c + j] * localScale) }
                        for j in seen..<width { wp[r * c + j] = 0 }
                    }
                    BlockProduct.rows(UnsafePointer(wp.baseAddress!), lda: c, rows: rows, vBase + start * e, ldb: e,
                                      inner: width, columns: e, outBase + i0 * e, ldc: e, add: true)
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
