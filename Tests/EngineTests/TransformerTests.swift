import Foundation
import Testing
import Tensor
@testable import Engine

/// Helpers for the Transformer and OadTR tests: tolerant comparison and random weights.
enum TransformerFixtures {
    static func maxError(_ a: Matrix, _ b: Matrix) -> Double {
        precondition(a.rows == b.rows && a.cols == b.cols, "shapes \(a.shape) and \(b.shape)")
        return zip(a.storage, b.storage).map { abs($0 - $1) }.max() ?? 0
    }

    static func matrix(_ rows: [[Double]]) -> Matrix { try! Matrix(rows) }

    static func vector(_ rng: inout SeededRandom, _ n: Int, _ scale: Double = 1) -> [Double] {
        (0..<n).map { _ in rng.uniform(-scale, scale) }
    }

    static func multiHeadWeights(_ rng: inout SeededRandom, width e: Int) -> Transformer.MultiHeadWeights {
        let s = 1 / Double(e).squareRoot()
        return Transformer.MultiHeadWeights(
            wq: rng.uniformMatrix(rows: e, cols: e, -s, s), wk: rng.uniformMatrix(rows: e, cols: e, -s, s),
            wv: rng.uniformMatrix(rows: e, cols: e, -s, s), wo: rng.uniformMatrix(rows: e, cols: e, -s, s),
            bq: vector(&rng, e, 0.2), bk: vector(&rng, e, 0.2), bv: vector(&rng, e, 0.2), bo: vector(&rng, e, 0.2))
    }

    static func layer(_ rng: inout SeededRandom, width e: Int, heads: Int, hidden f: Int, normFirst: Bool)
        -> Transformer.EncoderLayerWeights {
        Transformer.EncoderLayerWeights(
            attention: multiHeadWeights(&rng, width: e), heads: heads,
            w1: rng.uniformMatrix(rows: e, cols: f), b1: vector(&rng, f, 0.3),
            w2: rng.uniformMatrix(rows: f, cols: e), b2: vector(&rng, e, 0.3),
            gamma1: vector(&rng, e).map { 1 + 0.3 * $0 }, beta1: vector(&rng, e, 0.2),
            gamma2: vector(&rng, e).map { 1 + 0.3 * $0 }, beta2: vector(&rng, e, 0.2), normFirst: normFirst)
    }
}

@Suite struct TransformerSoftmaxTests {
    /// The lesson's example [1, 2, 3] → [0.0900, 0.2447, 0.6652].
    @Test func lessonExample() {
        let p = Transformer.softmax([1, 2, 3])
        #expect(abs(p[0] - 0.09003057) < 1e-8 && abs(p[1] - 0.24472847) < 1e-8 && abs(p[2] - 0.66524096) < 1e-8)
    }

    /// Inputs up to ±1e4 stay finite and sum to 1; the naive formula would give NaN.
    @Test func largeInputsStayFinite() {
        for row in [[1000.0, 1000], [10_000, -10_000, 9_999], [-10_000, -10_000, -10_000], [-800, -801]] {
            let p = Transformer.softmax(row)
            #expect(p.allSatisfy { $0.isFinite && $0 >= 0 }, "\(row) → \(p)")
            #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        }
        #expect(Transformer.softmax([1000, 1000]) == [0.5, 0.5])
    }

    /// The vectorised exponential matches the C library's to 1e-15 relative, from 0 down to −708.
    @Test func vectorExpMatchesLibrary() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            let x = SIMD8<Double>(-rng.uniform(0, 708), -rng.uniform(0, 1), -rng.uniform(0, 40), -Double(rng.int(in: 0...700)),
                                  -rng.uniform(0, 1e-3), -rng.uniform(0.3, 0.4), -rng.uniform(700, 708), -Double(rng.int(in: 0...10)) / 2)
            let e = Transformer.exp8(x)
            for lane in 0..<8 {
                #expect(abs(e[lane] - exp(x[lane])) <= 1e-15 * exp(x[lane]), "exp(\(x[lane]))")
            }
        }
        #expect(Transformer.exp8(SIMD8(-709, -1e300, -750, 0, -.infinity, -708.5, 0, -0.0)) == SIMD8(0, 0, 0, 1, 0, 0, 1, 1))
    }

    /// Against the plain formula on rows where it does not overflow.
    @Test func matchesPlainFormula() {
        var rng = SeededRandom(seed: 1)
        for _ in 0..<300 {
            let n = rng.int(in: 1...40)
            let x = (0..<n).map { _ in rng.uniform(-30, 30) }
            let plain = x.map { exp($0) }
            let sum = plain.reduce(0, +)
            let p = Transformer.softmax(x)
            for j in 0..<n { #expect(abs(p[j] - plain[j] / sum) <= 1e-13 + 1e-12 * plain[j] / sum) }
        }
    }
}

@Suite struct TransformerAttentionTests {
    typealias F = TransformerFixtures

    /// The lesson's two-token example, worked by hand.
    @Test func lessonExample() {
        let q = F.matrix([[1, 0], [0, 1]]), v = F.matrix([[1, 2], [3, 4]])
        let out = Transformer.attention(q: q, k: q, v: v, causal: false)
        let w0 = exp(1 / 2.0.squareRoot()) / (exp(1 / 2.0.squareRoot()) + 1)      // 0.6698
        #expect(abs(w0 - 0.66976155) < 1e-8)
        #expect(F.maxError(out, F.matrix([[w0 + 3 * (1 - w0), 2 * w0 + 4 * (1 - w0)],
                                          [(1 - w0) + 3 * w0, 2 * (1 - w0) + 4 * w0]])) < 1e-12)
        let causal = Transformer.attention(q: q, k: q, v: v, causal: true)
        #expect(causal.row(0) == [1, 2])                      // row 0 sees key 0 alone
        #expect(F.maxError(causal.rows(1..<2), out.rows(1..<2)) < 1e-15)
    }

    /// Top-left alignment when n ≠ m: with 2 queries and 4 keys, row 1 averages keys 0 and 1;
    /// with 4 queries and 2 keys, rows 2 and 3 see both keys.
    @Test func causalIsTopLeftAligned() {
        let zeros2 = F.matrix([[0], [0]]), zeros4 = F.matrix([[0], [0], [0], [0]])
        let wide = Transformer.attention(q: zeros2, k: zeros4, v: F.matrix([[1], [3], [100], [100]]), causal: true)
        #expect(wide.storage == [1, 2])
        let tall = Transformer.attention(q: zeros4, k: zeros2, v: F.matrix([[10], [20]]), causal: true)
        #expect(tall.storage == [10, 15, 15, 15])
    }

    /// The element-by-element twin: an explicit −∞ mask, softmax, weighted sum.
    static func explicitlyMasked(q: Matrix, k: Matrix, v: Matrix, causal: Bool) -> Matrix {
        var out = Matrix(rows: q.rows, cols: v.cols)
        for i in 0..<q.rows {
            var scores = [Double](repeating: 0, count: k.rows)
            for j in 0..<k.rows {
                if causal && j > i { scores[j] = -.infinity; continue }
                var s = 0.0
                for c in 0..<q.cols { s += q[i, c] * k[j, c] }
                scores[j] = s / Double(q.cols).squareRoot()
            }
            let top = scores.max()!
            let e = scores.map { exp($0 - top) }
            let sum = e.reduce(0, +)
            for t in 0..<v.cols {
                var acc = 0.0
                for j in 0..<k.rows { acc += e[j] / sum * v[j, t] }
                out[i, t] = acc
            }
        }
        return out
    }

    @Test func matchesExplicitlyMaskedFormula() {
        var rng = SeededRandom(seed: 2)
        for index in 0..<400 {
            let n = rng.int(in: 1...13), m = index % 3 == 0 ? rng.int(in: 1...13) : n
            let d = rng.int(in: 1...9), e = rng.int(in: 1...9)
            let scale = index % 7 == 0 ? 20.0 : 1
            let q = rng.uniformMatrix(rows: n, cols: d, -scale, scale), k = rng.uniformMatrix(rows: m, cols: d, -scale, scale)
            let v = rng.uniformMatrix(rows: m, cols: e)
            for causal in [false, true] {
                let fast = Transformer.attention(q: q, k: k, v: v, causal: causal)
                #expect(F.maxError(fast, Self.explicitlyMasked(q: q, k: k, v: v, causal: causal)) < 1e-12,
                        "n \(n) m \(m) d \(d) e \(e) causal \(causal)")
                #expect(F.maxError(fast, Transformer.naiveAttention(q: q, k: k, v: v, causal: causal)) < 1e-12)
            }
        }
    }

    /// Larger cases that cross several 8-row blocks, a short last block and
    /// every column path of the kernel (16 wide, 8 wide, one at a time).
    @Test(arguments: [(131, 97, 33, 19), (57, 57, 64, 27), (1, 200, 3, 64), (203, 8, 5, 8)])
    func largeCaseMatchesTwin(n: Int, m: Int, d: Int, e: Int) {
        var rng = SeededRandom(seed: UInt64(n * 1000 + e))
        let q = rng.normalMatrix(rows: n, cols: d), k = rng.normalMatrix(rows: m, cols: d), v = rng.normalMatrix(rows: m, cols: e)
        for causal in [false, true] {
            #expect(F.maxError(Transformer.attention(q: q, k: k, v: v, causal: causal),
                               Self.explicitlyMasked(q: q, k: k, v: v, causal: causal)) < 1e-12)
        }
    }

    /// The demo's weight table has rows summing to 1 and a zero upper triangle when causal.
    @Test func weightTable() {
        var rng = SeededRandom(seed: 4)
        let q = rng.normalMatrix(rows: 5, cols: 16), k = rng.normalMatrix(rows: 5, cols: 16)
        let w = Transformer.attentionWeights(q: q, k: k, causal: true)
        for i in 0..<5 {
            #expect(abs(w.row(i).reduce(0, +) - 1) < 1e-12)
            for j in (i + 1)..<5 { #expect(w[i, j] == 0) }
        }
        // Without the scale the rows are sharper on average.
        let sharp = Transformer.attentionWeights(q: q, k: k, causal: false, scaled: false)
        let soft = Transformer.attentionWeights(q: q, k: k, causal: false)
        let peak = { (m: Matrix) in (0..<5).map { m.row($0).max()! }.reduce(0, +) }
        #expect(peak(sharp) > peak(soft))
    }
}

@Suite struct TransformerLayerTests {
    typealias F = TransformerFixtures

    /// heads = 1: attention of the three projections, then the output projection.
    @Test func oneHeadIsAttentionAfterProjections() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<60 {
            let e = rng.int(in: 1...6), n = rng.int(in: 1...7)
            let w = F.multiHeadWeights(&rng, width: e)
            let x = rng.uniformMatrix(rows: n, cols: e)
            for causal in [false, true] {
                let direct = Transformer.dense(Transformer.naiveAttention(
                    q: Transformer.dense(x, w.wq, w.bq), k: Transformer.dense(x, w.wk, w.bk),
                    v: Transformer.dense(x, w.wv, w.bv), causal: causal), w.wo, w.bo)
                #expect(F.maxError(Transformer.multiHead(x: x, weights: w, heads: 1, causal: causal), direct) < 1e-12)
            }
        }
    }

    /// Several heads: each head's columns come from attention on its own slice, scaled by 1/√D.
    @Test func headsUseTheirOwnColumns() {
        var rng = SeededRandom(seed: 6)
        for _ in 0..<60 {
            let heads = rng.int(in: 1...4), size = rng.int(in: 1...3), n = rng.int(in: 1...6)
            let e = heads * size
            let w = F.multiHeadWeights(&rng, width: e)
            let x = rng.uniformMatrix(rows: n, cols: e)
            let q = Transformer.dense(x, w.wq, w.bq), k = Transformer.dense(x, w.wk, w.bk), v = Transformer.dense(x, w.wv, w.bv)
            var joined = Matrix(rows: n, cols: e)
            for h in 0..<heads {
                let cols = (h * size)..<((h + 1) * size)
                let head = TransformerAttentionTests.explicitlyMasked(q: q.columns(cols), k: k.columns(cols), v: v.columns(cols), causal: true)
                for r in 0..<n { for c in 0..<size { joined[r, h * size + c] = head[r, c] } }
            }
            let expected = Transformer.dense(joined, w.wo, w.bo)
            #expect(F.maxError(Transformer.multiHead(x: x, weights: w, heads: heads, causal: true), expected) < 1e-12)
        }
    }

    /// The lesson's values: position 0 is [0, 1, 0, 1], position 1 is [sin 1, cos 1, sin 0.01, cos 0.01].
    @Test func positionalEncodingLessonValues() {
        let pe = Transformer.positionalEncoding(length: 3, dModel: 4)
        #expect(pe.row(0) == [0, 1, 0, 1])
        #expect(F.maxError(pe.rows(1..<3), F.matrix([[sin(1), cos(1), sin(0.01), cos(0.01)],
                                                      [sin(2), cos(2), sin(0.02), cos(0.02)]])) < 1e-15)
        // Every pair lies on the unit circle.
        let big = Transformer.positionalEncoding(length: 50, dModel: 16)
        for p in 0..<50 { for i in 0..<8 { #expect(abs(big[p, 2 * i] * big[p, 2 * i] + big[p, 2 * i + 1] * big[p, 2 * i + 1] - 1) < 1e-12) } }
    }

    /// The lesson's example [1, 2, 3] → [−1.2247, 0, 1.2247], and a constant row gives beta.
    @Test func layerNormLessonValues() {
        let y = Transformer.layerNorm(F.matrix([[1, 2, 3]]), gamma: [1, 1, 1], beta: [0, 0, 0], eps: 0)
        #expect(F.maxError(y, F.matrix([[-1.5.squareRoot(), 0, 1.5.squareRoot()]])) < 1e-12)
        let constant = Transformer.layerNorm(F.matrix([[4, 4, 4]]), gamma: [1, 2, 3], beta: [7, 8, 9], eps: 1e-5)
        #expect(constant.storage == [7, 8, 9])
    }

    /// Against E[x²] − μ² on rows where it is accurate, and against a large-mean row worked by shifting.
    @Test func layerNormMatchesDirectFormula() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let n = rng.int(in: 1...5), d = rng.int(in: 1...12)
            let x = rng.uniformMatrix(rows: n, cols: d, -3, 3)
            let gamma = F.vector(&rng, d), beta = F.vector(&rng, d)
            let y = Transformer.layerNorm(x, gamma: gamma, beta: beta, eps: 1e-5)
            for r in 0..<n {
                let row = x.row(r)
                let mean = row.reduce(0, +) / Double(d)
                let variance = row.map { $0 * $0 }.reduce(0, +) / Double(d) - mean * mean
                for j in 0..<d {
                    #expect(abs(y[r, j] - (gamma[j] * (row[j] - mean) / (variance + 1e-5).squareRoot() + beta[j])) < 1e-9)
                }
            }
        }
        // Shifting a row by a large constant does not change its normalised value.
        let shifted = Transformer.layerNorm(F.matrix([[1e8 + 1, 1e8 + 2, 1e8 + 3]]), gamma: [1, 1, 1], beta: [0, 0, 0], eps: 0)
        #expect(F.maxError(shifted, F.matrix([[-1.5.squareRoot(), 0, 1.5.squareRoot()]])) < 1e-9)
    }

    static func lessonLayer(normFirst: Bool) -> Transformer.EncoderLayerWeights {
        let id = Matrix.identity(2), z = [0.0, 0]
        return Transformer.EncoderLayerWeights(
            attention: Transformer.MultiHeadWeights(wq: id, wk: id, wv: id, wo: id, bq: z, bk: z, bv: z, bo: z),
            heads: 1, w1: id, b1: z, w2: id, b2: z, gamma1: [1, 1], beta1: z, gamma2: [1, 1], beta2: z, normFirst: normFirst)
    }

    /// The lesson's encoder worked by hand: post-norm ≈ [[1, −1], [−1, 1]];
    /// pre-norm ≈ [[2.8884, −0.8884], [−0.8884, 3.8884]].
    @Test func encoderLessonExample() {
        let x = F.matrix([[1, 0], [0, 2]])
        let post = Transformer.encoderLayer(x, Self.lessonLayer(normFirst: false))
        #expect(F.maxError(post, F.matrix([[1, -1], [-1, 1]])) < 1e-4)
        let pre = Transformer.encoderLayer(x, Self.lessonLayer(normFirst: true))
        #expect(F.maxError(pre, F.matrix([[2.88835468, -0.88835727], [-0.88837674, 3.88837534]])) < 1e-7)
    }

    /// Pre- and post-norm against a direct composition of the pieces.
    @Test func encoderMatchesDirectComposition() {
        var rng = SeededRandom(seed: 8)
        for index in 0..<60 {
            let heads = rng.int(in: 1...3), size = rng.int(in: 1...3), n = rng.int(in: 1...6)
            let e = heads * size
            let layer = F.layer(&rng, width: e, heads: heads, hidden: rng.int(in: 1...8), normFirst: index % 2 == 0)
            let x = rng.uniformMatrix(rows: n, cols: e, -2, 2)
            func mha(_ y: Matrix) -> Matrix { Transformer.multiHead(x: y, weights: layer.attention, heads: heads, causal: false) }
            func ff(_ y: Matrix) -> Matrix {
                var hidden = y.matmul(layer.w1).addingRow(layer.b1)
                for i in hidden.storage.indices where hidden.storage[i] < 0 { hidden.storage[i] = 0 }
                return hidden.matmul(layer.w2).addingRow(layer.b2)
            }
            func ln1(_ y: Matrix) -> Matrix { Transformer.layerNorm(y, gamma: layer.gamma1, beta: layer.beta1, eps: 1e-5) }
            func ln2(_ y: Matrix) -> Matrix { Transformer.layerNorm(y, gamma: layer.gamma2, beta: layer.beta2, eps: 1e-5) }
            let expected: Matrix
            if layer.normFirst {
                let a = x + mha(ln1(x))
                expected = a + ff(ln2(a))
            } else {
                let a = ln1(x + mha(x))
                expected = ln2(a + ff(a))
            }
            #expect(F.maxError(Transformer.encoderLayer(x, layer), expected) < 1e-12)
            // The other arrangement gives a different answer: the flag matters.
            var other = layer
            other.normFirst.toggle()
            #expect(F.maxError(Transformer.encoderLayer(x, other), expected) > 1e-6)
        }
    }
}
