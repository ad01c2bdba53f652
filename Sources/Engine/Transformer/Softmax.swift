import Tensor

/// Row-wise softmax that stays finite for any finite input.
///
/// ```
/// softmax(x)_j = e^(x_j) / Σ_k e^(x_k) = e^(x_j − M) / Σ_k e^(x_k − M),  M = max_k x_k
/// ```
///
/// The two forms are equal (multiply top and bottom by e^(−M)), but only the
/// second is safe in floating point: e^1000 overflows to +∞ and ∞/∞ is NaN,
/// while after subtracting the row maximum every exponent is <= 0, so each
/// term is in (0, 1] and the largest is exactly 1; the sum is at least 1 and
/// never overflows. Very negative entries underflow to 0, which is their
/// correct value to double precision.
///
/// A row that is entirely −∞ (every position masked) has no defined softmax;
/// this returns zeros for it rather than NaN. Example: `[1, 2, 3]` →
/// `[0.0900, 0.2447, 0.6652]`; `[1000, 1000]` → `[0.5, 0.5]`.
extension Transformer {
    /// Softmax of each row of `x`.
    /// - Complexity: O(rows · cols)
    public static func softmax(_ x: Matrix) -> Matrix {
        var out = x
        out.storage.withUnsafeMutableBufferPointer { buffer in
            for r in 0..<x.rows {
                softmaxInPlace(UnsafeMutableBufferPointer(rebasing: buffer[(r * x.cols)..<((r + 1) * x.cols)]))
            }
        }
        return out
    }

    /// Softmax of one vector.
    public static func softmax(_ v: [Double]) -> [Double] {
        var out = v
        out.withUnsafeMutableBufferPointer { softmaxInPlace($0) }
        return out
    }

    /// Replaces `row` by its softmax, in place: 1. the maximum, 2. shifted
    /// exponentials and their sum, 3. division by the sum.
    @inline(__always)
    static func softmaxInPlace(_ row: UnsafeMutableBufferPointer<Double>) {
        guard !row.isEmpty else { return }
        var top = -Double.infinity
        for value in row where value > top { top = value }
        guard top > -.infinity else {            // every entry masked: no weights at all
            for j in row.indices { row[j] = 0 }
            return
        }
        var sum = 0.0
        for j in row.indices {
            let e = exp(row[j] - top)
            row[j] = e
            sum += e
        }
        let inverse = 1 / sum
        for j in row.indices { row[j] *= inverse }
    }
}
