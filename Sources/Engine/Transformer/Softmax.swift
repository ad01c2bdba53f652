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
        // Four lanes at a time through `exp4`, the last few one by one.
        var lanes = SIMD4<Double>()
        var j = 0
        let base = UnsafeMutableRawPointer(row.baseAddress!)
        while j + 4 <= row.count {
            let slot = base + j * MemoryLayout<Double>.stride
            let e = exp4(slot.loadUnaligned(as: SIMD4<Double>.self) - SIMD4(repeating: top))
            slot.storeBytes(of: e, as: SIMD4<Double>.self)
            lanes += e
            j += 4
        }
        var sum = lanes.sum()
        while j < row.count {
            let e = exp(row[j] - top)
            row[j] = e
            sum += e
            j += 1
        }
        let inverse = 1 / sum
        for j in row.indices { row[j] *= inverse }
    }

    /// e^x for four values x <= 0 at once, to about 1 part in 10¹⁵.
    ///
    /// The C library's `exp` is called one value at a time; the softmax of
    /// attention evaluates a million of them for n = 1024, and this
    /// vectorised form takes a fraction of the time. Cody–Waite reduction:
    /// x = k·ln 2 + r with k an integer and |r| <= ln 2 / 2, so
    /// e^x = 2^k · e^r; e^r comes from its Taylor series to r¹² (the next
    /// term is below 2·10⁻¹⁶ of the result) and 2^k is written straight into
    /// the exponent bits. Inputs below −708 return 0 (the true value is below
    /// 10⁻³⁰⁷, nothing next to the row maximum's weight of 1).
    @inline(__always)
    static func exp4(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let floor = SIMD4<Double>(repeating: -708)
        let tiny = x .< floor
        let xc = x.replacing(with: floor, where: tiny)
        // k = round(x / ln 2), using the 1.5·2⁵² trick to round in the mantissa.
        let magic = SIMD4<Double>(repeating: 6755399441055744.0)
        let shifted = xc * SIMD4(repeating: 1.4426950408889634) + magic
        let k = shifted - magic
        let r = xc - k * SIMD4(repeating: 0.6931471803691238) - k * SIMD4(repeating: 1.9082149292705877e-10)
        // Horner's rule for Σ r^i / i!, i = 12 down to 0 (written out: no array in the hot loop).
        @inline(__always) func step(_ p: SIMD4<Double>, _ c: Double) -> SIMD4<Double> { p * r + SIMD4(repeating: c) }
        var p = SIMD4<Double>(repeating: 1.0 / 479001600)
        p = step(p, 1.0 / 39916800); p = step(p, 1.0 / 3628800); p = step(p, 1.0 / 362880)
        p = step(p, 1.0 / 40320); p = step(p, 1.0 / 5040); p = step(p, 1.0 / 720); p = step(p, 1.0 / 120)
        p = step(p, 1.0 / 24); p = step(p, 1.0 / 6); p = step(p, 0.5); p = step(p, 1); p = step(p, 1)
        // 2^k: the low bits of `shifted` hold k; move k + 1023 into the exponent field.
        let kBits = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- unsafeBitCast(magic, to: SIMD4<Int64>.self)
        let twoK = unsafeBitCast((kBits &+ 1023) &<< 52, to: SIMD4<Double>.self)
        return (p * twoK).replacing(with: 0, where: tiny)
    }
}
