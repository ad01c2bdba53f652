import Foundation
import Testing
import Tensor
@testable import Engine

/// Linear attention: the lesson's hand-worked numbers, and every fast form
/// against an independent, plainly quadratic or step-by-step twin.
@Suite struct LinearAttentionTests {
    static func close(_ a: Matrix, _ b: Matrix, rtol: Double = 1e-9) -> Bool {
        RNNFixtures.close(a, b, rtol: rtol, atol: 1e-12)
    }

    /// elu straight from its definition, then + 1.
    static func eluPlusOne(_ x: Double) -> Double { (x > 0 ? x : Foundation.exp(x) - 1) + 1 }

    /// The explicit weights w_ij = φ(q_i)·φ(k_j) (zero above the diagonal
    /// when causal), each row normalised, times V: O(n²·(d + e)).
    static func quadratic(q: Matrix, k: Matrix, v: Matrix, causal: Bool) -> Matrix {
        let fq = q.map(eluPlusOne), fk = k.map(eluPlusOne)
        var weights = fq.matmul(fk.transposed)                       // [n, n]
        for i in 0..<weights.rows {
            if causal { for j in (i + 1)..<max(i + 1, weights.cols) { weights[i, j] = 0 } }
            let total = weights.row(i).reduce(0, +)
            for j in 0..<weights.cols { weights[i, j] /= total }
        }
        return weights.matmul(v)
    }

    static func random(_ rng: inout SeededRandom, n: Int, d: Int, e: Int, scale: Double = 2) -> (Matrix, Matrix, Matrix) {
        (rng.uniformMatrix(rows: n, cols: d, -scale, scale), rng.uniformMatrix(rows: n, cols: d, -scale, scale),
         rng.uniformMatrix(rows: n, cols: e, -scale, scale))
    }

    @Test func featureMapLessonExample() throws {
        let out = LinearAttention.featureMap(try Matrix([[-1, 0, 2]]))
        #expect(RNNFixtures.close(out.storage, [Foundation.exp(-1), 1, 3]))
        #expect(abs(out.storage[0] - 0.3679) < 1e-4)
    }

    @Test func featureMapMatchesEluDefinition() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let x = rng.uniform(-50, 50)
            #expect(LinearAttention.phi(x) == Self.eluPlusOne(x) || RNNFixtures.close(LinearAttention.phi(x), Self.eluPlusOne(x), rtol: 1e-12))
            #expect(LinearAttention.phi(x) > 0)
        }
        #expect(LinearAttention.phi(0) == 1 && LinearAttention.phi(-1e-300) > 0.99)
    }

    /// The lesson's worked example: n = 2, d = 2, e = 1.
    @Test func globalAndCausalLessonExample() throws {
        let q = try Matrix([[1, 0], [0, 1]]), k = try Matrix([[0, 0], [1, -1]]), v = try Matrix([[1], [3]])
        let g = LinearAttention.global(q: q, k: k, v: v)
        #expect(abs(g[0, 0] - 2.1857) < 1e-4 && abs(g[1, 0] - 1.9539) < 1e-4)
        let e1 = Foundation.exp(-1.0)
        #expect(RNNFixtures.close(g[0, 0], (14 + 1 + 3 * e1) / (7 + e1), rtol: 1e-12))
        let c = LinearAttention.causal(q: q, k: k, v: v)
        #expect(c[0, 0] == 1)                              // row 0 sees only v_0
        #expect(RNNFixtures.close(c[1, 0], g[1, 0], rtol: 1e-12))
        // d = 1: the query cancels, every row is S/z = 7/3.
        let one = LinearAttention.global(q: try Matrix([[0], [1]]), k: try Matrix([[0], [1]]), v: v)
        #expect(RNNFixtures.close(one.storage, [7.0 / 3, 7.0 / 3], rtol: 1e-12))
    }

    @Test func globalEqualsQuadraticForm() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<150 {
            let (q, k, v) = Self.random(&rng, n: rng.int(in: 1...20), d: rng.int(in: 1...6), e: rng.int(in: 1...6))
            #expect(Self.close(LinearAttention.global(q: q, k: k, v: v), Self.quadratic(q: q, k: k, v: v, causal: false)))
        }
    }

    @Test func causalEqualsMaskedQuadraticForm() {
        var rng = SeededRandom(seed: 12)
        for _ in 0..<150 {
            let (q, k, v) = Self.random(&rng, n: rng.int(in: 1...20), d: rng.int(in: 1...6), e: rng.int(in: 1...6),
                                        scale: rng.bool() ? 2 : 8)
            #expect(Self.close(LinearAttention.causal(q: q, k: k, v: v), Self.quadratic(q: q, k: k, v: v, causal: true)))
        }
    }

    /// The last token sees everything, so its causal row is the global row.
    @Test func causalLastRowIsGlobalLastRow() {
        var rng = SeededRandom(seed: 13)
        for _ in 0..<100 {
            let n = rng.int(in: 1...30)
            let (q, k, v) = Self.random(&rng, n: n, d: rng.int(in: 1...5), e: rng.int(in: 1...5))
            let c = LinearAttention.causal(q: q, k: k, v: v), g = LinearAttention.global(q: q, k: k, v: v)
            #expect(RNNFixtures.close(c.row(n - 1), g.row(n - 1), rtol: 1e-9, atol: 1e-12))
        }
    }

    @Test func rnnStepLessonExample() throws {
        let r = LinearAttention.rnnStep(state: try Matrix([[2]]), normalizer: [1], q: [0], k: [0], v: [3])
        #expect(r.state == (try Matrix([[5]])) && r.normalizer == [2] && r.output == [2.5])
    }

    /// Iterating the step from a zero state reproduces every row of the causal form.
    @Test func rnnStepsEqualCausal() {
        var rng = SeededRandom(seed: 14)
        for _ in 0..<80 {
            let n = rng.int(in: 1...25), d = rng.int(in: 1...5), e = rng.int(in: 1...5)
            let (q, k, v) = Self.random(&rng, n: n, d: d, e: e)
            var state = Matrix(rows: d, cols: e), normalizer = [Double](repeating: 0, count: d)
            var rows: [Double] = []
            for i in 0..<n {
                let r = LinearAttention.rnnStep(state: state, normalizer: normalizer, q: q.row(i), k: k.row(i), v: v.row(i))
                state = r.state; normalizer = r.normalizer; rows += r.output
            }
            #expect(RNNFixtures.close(rows, LinearAttention.causal(q: q, k: k, v: v).storage, rtol: 1e-9, atol: 1e-12))
            // The normaliser is Σ φ(k_j); the state Σ φ(k_j) v_jᵀ.
            #expect(RNNFixtures.close(normalizer, k.map(Self.eluPlusOne).columnSums, rtol: 1e-12))
            #expect(Self.close(state, k.map(Self.eluPlusOne).transposed.matmul(v)))
        }
    }

    @Test func softmaxBaselineIsCausalSoftmax() throws {
        // One token: its own value. Equal keys: a plain prefix mean.
        let v = try Matrix([[1], [2], [6]])
        let same = try Matrix([[0.5], [0.5], [0.5]])
        let out = LinearAttention.softmaxCausal(q: same, k: same, v: v)
        #expect(RNNFixtures.close(out.storage, [1, 1.5, 3], rtol: 1e-12))
        var rng = SeededRandom(seed: 15)
        let (q, k, vv) = Self.random(&rng, n: 9, d: 4, e: 3)
        let s = LinearAttention.softmaxCausal(q: q, k: k, v: vv)
        // Row 4 by hand from the definition.
        let scores = (0...4).map { j in Foundation.exp(dot(q.row(4), k.row(j)) / 2) }
        let total = scores.reduce(0, +)
        let expected = (0..<3).map { b in (0...4).map { scores[$0] * vv[$0, b] }.reduce(0, +) / total }
        #expect(RNNFixtures.close(s.row(4), expected, rtol: 1e-10))
    }

    @Test func costMeasurementAndCrossover() throws {
        let p = LinearAttention.measureCost(n: 32, width: 4, budget: 0)
        #expect(p.n == 32 && p.softmaxSeconds > 0 && p.linearSeconds > 0)
        let points = [LinearAttention.CostPoint(n: 10, softmaxSeconds: 1, linearSeconds: 2),
                      LinearAttention.CostPoint(n: 100, softmaxSeconds: 4, linearSeconds: 2)]
        // log-gap goes from −log 2 to +log 2: the crossing is halfway in log n, at n = √1000.
        let cross = try #require(LinearAttention.crossover(points) as Double?)
        #expect(abs(cross - 1000.0.squareRoot()) < 1e-6)
        #expect(LinearAttention.crossover(Array(points.prefix(1))) == nil)
    }
}
