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

    /// Replaces `row` by its softmax, in place: the shifted exponentials
    /// (`exponentiate`), then division by their sum.
    @inline(__always)
    static func softmaxInPlace(_ row: UnsafeMutableBufferPointer<Double>) {
        let sum = exponentiate(row)
        guard sum > 0 else { return }            // every entry masked: all zeros already
        let inverse = 1 / sum
        for j in row.indices { row[j] *= inverse }
    }

    /// Replaces each x_j of `row` by e^(x_j − M), M the row maximum, and
    /// returns their sum: the softmax before its division. A row that is
    /// empty or entirely −∞ becomes zeros and returns 0.
    ///
    /// Attention divides later, once per output entry (e of them) instead of
    /// once per weight (m of them).
    @inline(__always)
    static func exponentiate(_ row: UnsafeMutableBufferPointer<Double>) -> Double {
        guard !row.isEmpty else { return 0 }
        var top = -Double.infinity
        for value in row where value > top { top = value }
        guard top > -.infinity else {
            for j in row.indices { row[j] = 0 }
            return 0
        }
        // Eight lanes at a time through `exp8`, the last few one by one.
        typealias V = SIMD8<Double>
        var lanes = V()
        var j = 0
        let base = UnsafeMutableRawPointer(row.baseAddress!)
        while j + 8 <= row.count {
            let slot = base + j * MemoryLayout<Double>.stride
            let e = exp8(slot.loadUnaligned(as: V.self) - V(repeating: top))
            slot.storeBytes(of: e, as: V.self)
            lanes += e
            j += 8
        }
        var sum = lanes.sum()
        while j < row.count {
            let e = exp(row[j] - top)
            row[j] = e
            sum += e
            j += 1
        }
        return sum
    }

    /// e^x for eight values x <= 0 at once, to about 1 part in 10¹⁵.
    ///
    /// The C library's `exp` is called one value at a time; the softmax of
    /// attention evaluates a million of them for n = 1024, and this
    /// vectorised form takes a fraction of the time. Cody–Waite reduction:
    /// x = k·ln 2 + r with k an integer and |r| <= ln 2 / 2, so
    /// e^x = 2^k · e^r; e^r comes from its Taylor series to r¹² (the next
    /// term is below 2·10⁻¹⁶ of the result), evaluated by Horner's rule
    /// with fused multiply-adds, and 2^k is written straight into the
    /// exponent bits. Inputs below −708 return 0 (the true value is below
    /// 10⁻³⁰⁷, nothing next to the row maximum's weight of 1).
    @inline(__always)
    static func exp8(_ x: SIMD8<Double>) -> SIMD8<Double> {
        typealias V = SIMD8<Double>
        let floor = V(repeating: -708)
        let tiny = x .< floor
        let xc = x.replacing(with: floor, where: tiny)
        // k = round(x / ln 2), using the 1.5·2⁵² trick to round in the mantissa.
        let magic = V(repeating: 6755399441055744.0)
        let shifted = magic.addingProduct(xc, V(repeating: 1.4426950408889634))
        let k = shifted - magic
        // r = x − k·ln 2, with ln 2 split in a high and a low part.
        let r = xc.addingProduct(k, V(repeating: -0.6931471803691238)).addingProduct(k, V(repeating: -1.9082149292705877e-10))
        // Horner's rule for Σ r^i / i!, i = 12 down to 0 (written out: no array in the hot loop).
        @inline(__always) func step(_ p: V, _ c: Double) -> V { V(repeating: c).addingProduct(p, r) }
        var p = V(repeating: 1.0 / 479001600)
        p = step(p, 1.0 / 39916800); p = step(p, 1.0 / 3628800); p = step(p, 1.0 / 362880)
        p = step(p, 1.0 / 40320); p = step(p, 1.0 / 5040); p = step(p, 1.0 / 720); p = step(p, 1.0 / 120)
        p = step(p, 1.0 / 24); p = step(p, 1.0 / 6); p = step(p, 0.5); p = step(p, 1); p = step(p, 1)
        // 2^k: the low bits of `shifted` hold k; move k + 1023 into the exponent field.
        let kBits = unsafeBitCast(shifted, to: SIMD8<Int64>.self) &- unsafeBitCast(magic, to: SIMD8<Int64>.self)
        let twoK = unsafeBitCast((kBits &+ 1023) &<< 52, to: V.self)
        return (p * twoK).replacing(with: 0, where: tiny)
    }
}
