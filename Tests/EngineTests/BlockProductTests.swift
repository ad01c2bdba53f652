import Testing
import Tensor
@testable import Engine

/// The shared product kernel against the textbook triple loop, on every
/// row count it accepts, column counts that reach each of its paths, and
/// shared dimensions longer than one pass (`BlockProduct.depth`).
@Suite struct BlockProductTests {
    @Test func matchesTripleLoop() {
        var rng = SeededRandom(seed: 41)
        for index in 0..<300 {
            let long = index >= 280
            let rows = rng.int(in: 1...8), inner = long ? rng.int(in: 250...600) : rng.int(in: 0...37), columns = rng.int(in: 0...41)
            // Every fourth case reads A transposed in place: [r, t] at r + t·step.
            let transposed = index % 4 == 2
            let pad = rng.int(in: 0...3)
            let lda = transposed ? 1 : inner + pad, step = transposed ? rows + pad : 1
            let ldb = columns + rng.int(in: 0...3), ldc = columns + rng.int(in: 0...3)
            let add = index % 2 == 1
            let alpha = index % 3 == 0 ? 1 : rng.uniform(-2, 2)
            let a = (0..<(transposed ? max(inner, 1) * step : rows * lda)).map { _ in rng.uniform(-1, 1) }
            let b = (0..<(max(inner, 1) * ldb)).map { _ in rng.uniform(-1, 1) }
            let start = (0..<(rows * ldc)).map { _ in rng.uniform(-1, 1) }
            var c = start
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        BlockProduct.rows(ap.baseAddress!, lda: lda, step: step, rows: rows, bp.baseAddress!, ldb: ldb,
                                          inner: inner, columns: columns, cp.baseAddress!, ldc: ldc, alpha: alpha, add: add)
                    }
                }
            }
            for r in 0..<rows {
                for j in 0..<ldc {
                    guard j < columns else {         // padding between rows is never touched
                        #expect(c[r * ldc + j] == start[r * ldc + j])
                        continue
                    }
                    var sum = 0.0
                    for t in 0..<inner { sum += a[r * lda + t * step] * b[t * ldb + j] }
                    let expected = (add ? start[r * ldc + j] : 0) + alpha * sum
                    #expect(abs(c[r * ldc + j] - expected) <= 1e-13 * Double(inner + 1) * (1 + abs(expected)),
                            "transposed \(transposed) rows \(rows) inner \(inner) columns \(columns) at [\(r), \(j)]")
                }
            }
        }
    }
}
