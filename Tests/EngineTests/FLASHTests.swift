import Foundation
import Testing
import Tensor
@testable import Engine

/// FLASH: the lesson's worked numbers; the GAU against an element-by-element
/// composition; mixed-chunk attention against relu² attention plus the
/// global term computed directly, and against a pair-by-pair twin.
@Suite struct FLASHTests {
    static func close(_ a: Matrix, _ b: Matrix, rtol: Double = 1e-9) -> Bool {
        RNNFixtures.close(a, b, rtol: rtol, atol: 1e-10)
    }
    static func silu(_ x: Double) -> Double { x / (1 + Foundation.exp(-x)) }

    @Test func relu2LessonExample() throws {
        let q = try Matrix([[1], [2]]), v = try Matrix([[1], [10]])
        #expect(FLASH.relu2Attention(q: q, k: q, v: v, causal: false).storage == [10.25, 41])
        #expect(FLASH.relu2Attention(q: q, k: q, v: v, causal: true).storage == [0.25, 41])
        // Negative scores give exactly zero weight.
        let neg = FLASH.relu2Attention(q: try Matrix([[1], [-1]]), k: try Matrix([[-1], [1]]), v: try Matrix([[5], [7]]), causal: false)
        #expect(neg.storage == [7 * 0.25, 5 * 0.25])
    }

    @Test func siluIsStable() {
        #expect(FLASH.silu(-800) == 0 || abs(FLASH.silu(-800)) < 1e-300)
        #expect(FLASH.silu(800) == 800)
        var rng = SeededRandom(seed: 3)
        for _ in 0..<100 { let x = rng.uniform(-30, 30); #expect(RNNFixtures.close(FLASH.silu(x), Self.silu(x), rtol: 1e-12)) }
    }

    /// The GAU written out entry by entry with plain loops and arrays.
    static func gauByElements(x: Matrix, w: FLASH.GAUWeights, causal: Bool) -> [Double] {
        let n = x.rows, d = x.cols, e = w.wu.cols, s = w.wz.cols
        func proj(_ m: Matrix, _ b: [Double], _ i: Int, _ c: Int) -> Double {
            var t = b[c]
            for a in 0..<d { t += x[i, a] * m[a, c] }
            return silu(t)
        }
        var out: [Double] = []
        for i in 0..<n {
            var gated = [Double](repeating: 0, count: e)
            for c in 0..<e {
                var attended = 0.0
                for j in 0..<n where !causal || j <= i {
                    var score = 0.0
                    for a in 0..<s {
                        let zi = proj(w.wz, w.bz, i, a), zj = proj(w.wz, w.bz, j, a)
                        score += (zi * w.gammaQ[a] + w.betaQ[a]) * (zj * w.gammaK[a] + w.betaK[a])
                    }
                    let r = max(0, score / Double(n))
                    attended += r * r * proj(w.wv, w.bv, j, c)
                }
                gated[c] = proj(w.wu, w.bu, i, c) * attended
            }
            for o in 0..<d {
                var t = w.bo[o]
                for c in 0..<e { t += gated[c] * w.wo[c, o] }
                out.append(t)
            }
        }
        return out
    }

    static func randomWeights(_ rng: inout SeededRandom, d: Int, e: Int, s: Int) -> FLASH.GAUWeights {
        func vec(_ n: Int) -> [Double] { RNNFixtures.vector(&rng, n) }
        return FLASH.GAUWeights(wu: rng.uniformMatrix(rows: d, cols: e), bu: vec(e), wv: rng.uniformMatrix(rows: d, cols: e),
                                bv: vec(e), wz: rng.uniformMatrix(rows: d, cols: s), bz: vec(s),
                                gammaQ: vec(s), betaQ: vec(s), gammaK: vec(s), betaK: vec(s),
                                wo: rng.uniformMatrix(rows: e, cols: d), bo: vec(d))
    }

    @Test func gauLessonExample() throws {
        let one = try Matrix([[1]])
        let w = FLASH.GAUWeights(wu: one, bu: [0], wv: one, bv: [0], wz: one, bz: [0], gammaQ: [1], betaQ: [0],
                                 gammaK: [1], betaK: [0], wo: one, bo: [0])
        let out = FLASH.gau(x: try Matrix([[1], [2]]), weights: w, causal: false)
        #expect(abs(out[0, 0] - 0.5721) < 1e-4 && abs(out[1, 0] - 8.0049) < 1e-4)
    }

    @Test func gauEqualsElementByElementComposition() {
        var rng = SeededRandom(seed: 21)
        for index in 0..<60 {
            let n = rng.int(in: 1...7), d = rng.int(in: 1...4), e = rng.int(in: 1...5), s = rng.int(in: 1...4)
            let x = rng.uniformMatrix(rows: n, cols: d, -2, 2), w = Self.randomWeights(&rng, d: d, e: e, s: s)
            let causal = index % 2 == 0
            #expect(RNNFixtures.close(FLASH.gau(x: x, weights: w, causal: causal).storage,
                                      Self.gauByElements(x: x, w: w, causal: causal), rtol: 1e-9, atol: 1e-10))
        }
    }

    static func randomChunk(_ rng: inout SeededRandom, n: Int, s: Int, e: Int) -> [Matrix] {
        (0..<4).map { _ in rng.uniformMatrix(rows: n, cols: s, -2, 2) } + [rng.uniformMatrix(rows: n, cols: e, -2, 2)]
    }

    @Test func mixedChunkLessonExample() throws {
        let m = { (xs: [Double]) in try Matrix(xs.map { [$0] }) }
        let args = [try m([1, 1, 2, 0]), try m([1, 2, 1, 1]), try m([1, 0, 1, 2]), try m([1, 1, 0, 1]), try m([1, 2, 3, 4])]
        let plain = FLASH.mixedChunk(quadQ: args[0], quadK: args[1], linQ: args[2], linK: args[3], v: args[4], chunk: 2, causal: false)
        #expect(plain.storage == [4, 2.25, 8.75, 3.5])
        let causal = FLASH.mixedChunk(quadQ: args[0], quadK: args[1], linQ: args[2], linK: args[3], v: args[4], chunk: 2, causal: true)
        #expect(causal.storage == [0.25, 2.25, 4.5, 3])
    }

    /// chunk = n: non-causal is relu² attention plus linQ·(linKᵀv)/n; causal is relu² attention alone.
    @Test func wholeSequenceChunkIsReLU2PlusGlobal() {
        var rng = SeededRandom(seed: 22)
        for _ in 0..<60 {
            let n = rng.int(in: 1...16), s = rng.int(in: 1...5), e = rng.int(in: 1...5)
            let a = Self.randomChunk(&rng, n: n, s: s, e: e)
            let global = a[2].matmul(a[3].transposed.matmul(a[4])).scaled(by: 1 / Double(n))
            let nonCausal = FLASH.mixedChunk(quadQ: a[0], quadK: a[1], linQ: a[2], linK: a[3], v: a[4], chunk: n, causal: false)
            #expect(Self.close(nonCausal, FLASH.relu2Attention(q: a[0], k: a[1], v: a[4], causal: false) + global))
            let causal = FLASH.mixedChunk(quadQ: a[0], quadK: a[1], linQ: a[2], linK: a[3], v: a[4], chunk: n, causal: true)
            #expect(Self.close(causal, FLASH.relu2Attention(q: a[0], k: a[1], v: a[4], causal: true)))
        }
    }

    /// Any chunk size: pair by pair, using the link pattern of the demo.
    /// Small shapes, then a few wide enough for every path of the block kernel
    /// (8-row blocks and a short last one, 16- and 8-column passes, tails).
    @Test func mixedChunkEqualsPairByPairTwin() {
        var rng = SeededRandom(seed: 23)
        for index in 0..<96 {
            let wide = index >= 80
            let c = wide ? rng.int(in: 9...40) : rng.int(in: 1...5), n = c * rng.int(in: 1...(wide ? 3 : 5))
            let s = wide ? rng.int(in: 1...40) : rng.int(in: 1...4), e = wide ? rng.int(in: 1...40) : rng.int(in: 1...4)
            let causal = index % 2 == 1
            let a = Self.randomChunk(&rng, n: n, s: s, e: e)
            var expected = Matrix(rows: n, cols: e)
            for i in 0..<n {
                for j in 0..<n {
                    let link = FLASH.link(query: i, key: j, chunk: c, causal: causal)
                    var weight = 0.0
                    if link == .local || link == .both {
                        weight += FLASH.relu2(dot(a[0].row(i), a[1].row(j)) / Double(c))
                    }
                    if link == .global || link == .both {
                        weight += dot(a[2].row(i), a[3].row(j)) / Double(causal ? c : n)
                    }
                    for b in 0..<e { expected[i, b] += weight * a[4][j, b] }
                }
            }
            let got = FLASH.mixedChunk(quadQ: a[0], quadK: a[1], linQ: a[2], linK: a[3], v: a[4], chunk: c, causal: causal)
            #expect(Self.close(got, expected), "n \(n) c \(c) s \(s) e \(e) causal \(causal)")
        }
    }

    @Test func chunkPatternCounts() {
        let causal = FLASH.chunkPattern(n: 8, chunk: 4, causal: true).flatMap { $0 }
        #expect(causal.filter { $0 == .local }.count == 20)      // two triangles of 10
        #expect(causal.filter { $0 == .global }.count == 16)     // the second chunk reads the first
        #expect(!causal.contains(.both))
        let plain = FLASH.chunkPattern(n: 8, chunk: 4, causal: false).flatMap { $0 }
        #expect(plain.filter { $0 == .both }.count == 32 && plain.filter { $0 == .global }.count == 32)
    }
}
