import Tensor

/// Causal softmax attention, the O(n²) baseline that linear attention replaces.
///
/// Vaswani et al., "Attention is all you need", 2017, §3.2.1, with the causal
/// mask of a decoder; Katharopoulos et al. 2020, §3.1 write it as eq. 2 to 3:
///
/// ```
/// out_i = Σ_{j<=i} exp(q_i·k_j/√d) v_j / Σ_{j<=i} exp(q_i·k_j/√d)
/// ```
///
/// It is here for one reason: to time against `causal(q:k:v:)` on the same
/// inputs (the `attention-cost` demo). Each row needs every earlier key, so
/// the work grows like n²·(d + e). The row maximum is subtracted before exp
/// so large scores cannot overflow.
extension LinearAttention {
    /// Causal softmax attention, row by row.
    ///
    /// - Parameters: q, k: `[n, d]`; v: `[n, e]`.
    /// - Returns: `[n, e]`.
    /// - Complexity: O(n² · (d + e)) time, O(n) extra memory.
    public static func softmaxCausal(q: Matrix, k: Matrix, v: Matrix) -> Matrix {
        let (n, d, e) = checkShapes(q: q, k: k, v: v)
        var out = Matrix(rows: n, cols: e)
        var scores = [Double](repeating: 0, count: n)
        let scale = 1 / Double(d).squareRoot()
        q.storage.withUnsafeBufferPointer { qp in
        k.storage.withUnsafeBufferPointer { kp in
        v.storage.withUnsafeBufferPointer { vp in
        out.storage.withUnsafeMutableBufferPointer { op in
        scores.withUnsafeMutableBufferPointer { sp in
            for i in 0..<n {
                // 1. scores of row i against keys 0…i, and their maximum.
                var top = -Double.infinity
                for j in 0...i {
                    var s = 0.0
                    for a in 0..<d { s += qp[i * d + a] * kp[j * d + a] }
                    sp[j] = s * scale
                    top = Swift.max(top, sp[j])
                }
                // 2. stable exponentials and their sum.
                var total = 0.0
                for j in 0...i { sp[j] = exp(sp[j] - top); total += sp[j] }
                // 3. the weighted average of the values.
                for j in 0...i {
                    let w = sp[j] / total
                    for b in 0..<e { op[i * e + b] += w * vp[j * e + b] }
                }
            }
        }}}}}
        return out
    }
}
