/// The one dense-product kernel behind the Engine's attention references
/// (softmax attention, FLASH's local and global parts): up to eight rows of
/// C = α·A·B at a time, written or added.
///
/// Why a kernel and not `Matrix.matmul`: attention at n = 1024 is two
/// products of 134 million multiply-adds each, and a plain i-k-j loop keeps
/// the result row in memory, so every multiply-add is a load and a store.
/// Here a tile of 8 rows × 16 columns of C lives in sixteen 8-wide
/// registers while the loop walks the shared dimension: per step, two
/// vector loads of B, eight scalar reads of A and sixteen fused
/// multiply-adds, and nothing is stored until the tile is done. Each value
/// of B is therefore read once per eight rows of A instead of once per row.
///
/// `addProduct` is a fused multiply-add. The Engine is compiled for the
/// machine that builds it (`-target-cpu native` in Package.swift), so on a
/// current x86-64 or ARM processor it is one instruction; without FMA
/// hardware it would be a library call, correct but slow.
enum BlockProduct {
    /// The tallest block `rows(...)` handles at once.
    static let height = 8

    /// The longest stretch of the shared dimension walked in one pass. A
    /// pass reads `depth` rows of B once per 16 columns; 256 rows of 64
    /// doubles are 128 KB, which stays in the core's L2 cache between the
    /// column passes instead of being fetched again from memory (the global
    /// part of FLASH walks n = 8192 rows of v for each block of eight).
    static let depth = 256

    /// C[r, j] = α · Σ_t A[r, t] · B[t, j] (+ C[r, j] when `add`), for
    /// r < `rows` (at most 8) and j < `columns`.
    ///
    /// - Parameters:
    ///   - a: `rows`×`inner`, row stride `lda`; entry [r, t] at `a[r·lda + t·step]`,
    ///     so `step` > 1 reads a transposed matrix where it lies.
    ///   - b: `inner`×`columns`, row stride `ldb`.
    ///   - c: `rows`×`columns`, row stride `ldc`; written, or added to when `add`.
    ///   - alpha: scales the product before it is stored.
    @inline(__always)
    static func rows(_ a: UnsafePointer<Double>, lda: Int, step: Int = 1, rows: Int,
                     _ b: UnsafePointer<Double>, ldb: Int, inner: Int, columns: Int,
                     _ c: UnsafeMutablePointer<Double>, ldc: Int, alpha: Double = 1, add: Bool = false) {
        precondition(rows >= 1 && rows <= height, "BlockProduct.rows: 1...8 rows, not \(rows)")
        // The shared dimension in stretches of `depth`; every stretch after the first adds.
        var t0 = 0
        repeat {
            let stretch = min(depth, inner - t0)
            pass(a + t0 * step, lda: lda, step: step, rows: rows, b + t0 * ldb, ldb: ldb, inner: stretch, columns: columns,
                 c, ldc: ldc, alpha: alpha, add: add || t0 > 0)
            t0 += stretch
        } while t0 < inner
    }

    /// One pass of `rows(...)` over a stretch of the shared dimension.
    @inline(__always)
    private static func pass(_ a: UnsafePointer<Double>, lda: Int, step: Int, rows: Int,
                             _ b: UnsafePointer<Double>, ldb: Int, inner: Int, columns: Int,
                             _ c: UnsafeMutablePointer<Double>, ldc: Int, alpha: Double, add: Bool) {
        typealias V = SIMD8<Double>
        // Missing rows read row 0 again; their results are never stored.
        @inline(__always) func row(_ r: Int) -> UnsafePointer<Double> { a + (r < rows ? r * lda : 0) }
        let a0 = row(0), a1 = row(1), a2 = row(2), a3 = row(3), a4 = row(4), a5 = row(5), a6 = row(6), a7 = row(7)
        let scale = V(repeating: alpha)
        @inline(__always) func store(_ r: Int, _ j: Int, _ value: V) {
            guard r < rows else { return }
            let slot = UnsafeMutableRawPointer(c + r * ldc + j)
            let scaled = value * scale
            slot.storeBytes(of: add ? slot.loadUnaligned(as: V.self) + scaled : scaled, as: V.self)
        }
        let rowStride = ldb * MemoryLayout<Double>.stride
        var j = 0
        // 16 columns per pass: two vectors of B per step.
        while j + 16 <= columns {
            var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V(), c30 = V(), c31 = V()
            var c40 = V(), c41 = V(), c50 = V(), c51 = V(), c60 = V(), c61 = V(), c70 = V(), c71 = V()
            var bp = UnsafeRawPointer(b + j)
            for t in 0..<inner {
                let b0 = bp.loadUnaligned(as: V.self), b1 = (bp + 64).loadUnaligned(as: V.self)
                var x = V(repeating: a0[t * step]); c00.addProduct(x, b0); c01.addProduct(x, b1)
                x = V(repeating: a1[t * step]); c10.addProduct(x, b0); c11.addProduct(x, b1)
                x = V(repeating: a2[t * step]); c20.addProduct(x, b0); c21.addProduct(x, b1)
                x = V(repeating: a3[t * step]); c30.addProduct(x, b0); c31.addProduct(x, b1)
                x = V(repeating: a4[t * step]); c40.addProduct(x, b0); c41.addProduct(x, b1)
                x = V(repeating: a5[t * step]); c50.addProduct(x, b0); c51.addProduct(x, b1)
                x = V(repeating: a6[t * step]); c60.addProduct(x, b0); c61.addProduct(x, b1)
                x = V(repeating: a7[t * step]); c70.addProduct(x, b0); c71.addProduct(x, b1)
                bp += rowStride
            }
            store(0, j, c00); store(0, j + 8, c01); store(1, j, c10); store(1, j + 8, c11)
            store(2, j, c20); store(2, j + 8, c21); store(3, j, c30); store(3, j + 8, c31)
            store(4, j, c40); store(4, j + 8, c41); store(5, j, c50); store(5, j + 8, c51)
            store(6, j, c60); store(6, j + 8, c61); store(7, j, c70); store(7, j + 8, c71)
            j += 16
        }
        // 8 more columns, one vector of B per step.
        if j + 8 <= columns {
            var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V(), c6 = V(), c7 = V()
            var bp = UnsafeRawPointer(b + j)
            for t in 0..<inner {
                let bt = bp.loadUnaligned(as: V.self)
                c0.addProduct(V(repeating: a0[t * step]), bt); c1.addProduct(V(repeating: a1[t * step]), bt)
                c2.addProduct(V(repeating: a2[t * step]), bt); c3.addProduct(V(repeating: a3[t * step]), bt)
                c4.addProduct(V(repeating: a4[t * step]), bt); c5.addProduct(V(repeating: a5[t * step]), bt)
                c6.addProduct(V(repeating: a6[t * step]), bt); c7.addProduct(V(repeating: a7[t * step]), bt)
                bp += rowStride
            }
            store(0, j, c0); store(1, j, c1); store(2, j, c2); store(3, j, c3)
            store(4, j, c4); store(5, j, c5); store(6, j, c6); store(7, j, c7)
            j += 8
        }
        // The last columns % 8, one at a time.
        while j < columns {
            for r in 0..<rows {
                var sum = 0.0
                for t in 0..<inner { sum += a[r * lda + t * step] * b[t * ldb + j] }
                c[r * ldc + j] = (add ? c[r * ldc + j] : 0) + alpha * sum
            }
            j += 1
        }
    }
}
