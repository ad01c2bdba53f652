import Tensor

/// Squared-relu attention, the GAU's replacement for softmax.
///
/// Hua et al. 2022, §2 (eq. 3 and Algorithm 1): with queries and keys of
/// width s,
///
/// ```
/// A = relu(Q·Kᵀ / n)²      // [n, n]; entries j > i set to 0 when causal
/// out = A·V                // [n, e]
/// ```
///
/// Rows of A are not normalised: there is no softmax, so no sum to one and
/// no exponential. Dividing by n keeps the scale of a row roughly the same
/// whatever the length (each row sums n terms). The paper found relu² as
/// good as softmax for a single-head GAU and cheaper.
///
/// Worked example from the lesson (n = 2, s = e = 1, q = k = [[1], [2]],
/// v = [[1], [10]]): Q·Kᵀ/2 = [[0.5, 1], [1, 2]], squared [[0.25, 1], [1, 4]],
/// out = [[10.25], [41]]; causal zeroes the 1 above the diagonal: [[0.25], [41]].
extension FLASH {
    /// relu² attention over the whole sequence.
    ///
    /// - Parameters: q, k: `[n, s]`; v: `[n, e]`; causal: row i sees columns j <= i.
    /// - Returns: `[n, e]`.
    /// - Complexity: O(n² · (s + e)).
    public static func relu2Attention(q: Matrix, k: Matrix, v: Matrix, causal: Bool) -> Matrix {
        let n = q.rows
        precondition(k.rows == n && v.rows == n && k.cols == q.cols,
                     "relu2Attention: q and k must be n×s and v n×e with the same n")
        let s = q.cols, e = v.cols
        var out = Matrix(rows: n, cols: e)
        let scale = 1 / Double(n)
        for i in 0..<n {
            let last = causal ? i : n - 1
            for j in 0...last where n > 0 {
                // 1. the score of the pair, scaled by 1/n, through relu².
                var dot = 0.0
                for a in 0..<s { dot += q.storage[i * s + a] * k.storage[j * s + a] }
                let weight = relu2(dot * scale)
                if weight == 0 { continue }
                // 2. add the weighted value.
                for b in 0..<e { out.storage[i * e + b] += weight * v.storage[j * e + b] }
            }
        }
        return out
    }
}
