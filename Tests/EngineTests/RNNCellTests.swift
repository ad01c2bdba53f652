import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("LSTM and GRU cells")
struct RNNCellTests {
    static func sigma(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }

    /// The LSTM written unit by unit and gate by gate, straight from PyTorch's documentation.
    static func scalarLSTM(x: [Double], h: [Double], c: [Double], wih: Matrix, whh: Matrix,
                           bih: [Double], bhh: [Double]) -> (h: [Double], c: [Double]) {
        let n = h.count
        func pre(_ gate: Int, _ j: Int) -> Double {
            let row = gate * n + j
            var a = bih[row] + bhh[row]
            for k in x.indices { a += wih[row, k] * x[k] }
            for k in h.indices { a += whh[row, k] * h[k] }
            return a
        }
        var newH = h, newC = c
        for j in 0..<n {
            let i = sigma(pre(0, j)), f = sigma(pre(1, j)), g = Foundation.tanh(pre(2, j)), o = sigma(pre(3, j))
            newC[j] = f * c[j] + i * g
            newH[j] = o * Foundation.tanh(newC[j])
        }
        return (newH, newC)
    }

    /// The GRU written unit by unit and gate by gate.
    static func scalarGRU(x: [Double], h: [Double], wih: Matrix, whh: Matrix, bih: [Double], bhh: [Double]) -> [Double] {
        let n = h.count
        func part(_ gate: Int, _ j: Int) -> (input: Double, hidden: Double) {
            let row = gate * n + j
            var a = bih[row], b = bhh[row]
            for k in x.indices { a += wih[row, k] * x[k] }
            for k in h.indices { b += whh[row, k] * h[k] }
            return (a, b)
        }
        return (0..<n).map { j in
            let (ri, rh) = part(0, j), (zi, zh) = part(1, j), (ni, nh) = part(2, j)
            let r = sigma(ri + rh), z = sigma(zi + zh)
            let candidate = Foundation.tanh(ni + r * nh)
            return (1 - z) * candidate + z * h[j]
        }
    }

    /// The lesson's hand-worked LSTM step: H = I = 1, all weights 0 except the
    /// biases, so i = σ(0) = 0.5, f = σ(2) ≈ 0.8808, g = tanh(1) ≈ 0.7616, o = σ(0) = 0.5.
    @Test func lstmLessonExample() throws {
        let s = RNN.lstmCell(x: [1], h: [0], c: [1], wih: try Matrix([[0], [0], [0], [0]]),
                             whh: try Matrix([[0], [0], [0], [0]]), bih: [0, 2, 1, 0], bhh: [0, 0, 0, 0])
        // c' = 0.8808·1 + 0.5·0.7616 = 1.2616; h' = 0.5·tanh(1.2616) ≈ 0.4258
        #expect(abs(s.c[0] - 1.2616) < 1e-4)
        #expect(abs(s.h[0] - 0.4258) < 1e-4)
    }

    /// The lesson's hand-worked GRU step: r's block is 0, z = σ(0) = 0.5,
    /// n = tanh(0.5 + r·(1)) with r = σ(0) = 0.5 → tanh(1) ≈ 0.7616; h' = 0.5·0.7616 + 0.5·h.
    @Test func gruLessonExample() throws {
        let h = RNN.gruCell(x: [1], h: [0.2], wih: try Matrix([[0], [0], [0.5]]), whh: try Matrix([[0], [0], [0]]),
                            bih: [0, 0, 0], bhh: [0, 0, 1])
        #expect(abs(h[0] - (0.5 * 0.7616 + 0.5 * 0.2)) < 1e-4)   // ≈ 0.4808
    }

    @Test func lstmMatchesScalarTwin() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let n = rng.int(in: 1...6), i = rng.int(in: 1...5)
            let x = RNNFixtures.vector(&rng, i, 2), h = RNNFixtures.vector(&rng, n), c = RNNFixtures.vector(&rng, n, 3)
            let wih = rng.uniformMatrix(rows: 4 * n, cols: i), whh = rng.uniformMatrix(rows: 4 * n, cols: n)
            let bih = RNNFixtures.vector(&rng, 4 * n), bhh = RNNFixtures.vector(&rng, 4 * n)
            let got = RNN.lstmCell(x: x, h: h, c: c, wih: wih, whh: whh, bih: bih, bhh: bhh)
            let want = Self.scalarLSTM(x: x, h: h, c: c, wih: wih, whh: whh, bih: bih, bhh: bhh)
            #expect(RNNFixtures.close(got.h, want.h, rtol: 1e-12, atol: 1e-14))
            #expect(RNNFixtures.close(got.c, want.c, rtol: 1e-12, atol: 1e-14))
        }
    }

    @Test func gruMatchesScalarTwin() {
        var rng = SeededRandom(seed: 12)
        for _ in 0..<300 {
            let n = rng.int(in: 1...6), i = rng.int(in: 1...5)
            let x = RNNFixtures.vector(&rng, i, 2), h = RNNFixtures.vector(&rng, n)
            let wih = rng.uniformMatrix(rows: 3 * n, cols: i), whh = rng.uniformMatrix(rows: 3 * n, cols: n)
            let bih = RNNFixtures.vector(&rng, 3 * n), bhh = RNNFixtures.vector(&rng, 3 * n)
            let got = RNN.gruCell(x: x, h: h, wih: wih, whh: whh, bih: bih, bhh: bhh)
            let want = Self.scalarGRU(x: x, h: h, wih: wih, whh: whh, bih: bih, bhh: bhh)
            #expect(RNNFixtures.close(got, want, rtol: 1e-12, atol: 1e-14))
        }
    }

    /// Where r multiplies matters: applying r to h before W_hn (the paper's form)
    /// gives a different answer, and the Engine follows PyTorch.
    @Test func gruResetAppliesAfterTheProduct() throws {
        // bhn = 1 and whn = 0: PyTorch's form gives n = tanh(r·1); the paper's gives tanh(1).
        let h = RNN.gruCell(x: [0], h: [0], wih: try Matrix([[0], [0], [0]]), whh: try Matrix([[0], [0], [0]]),
                            bih: [-3, 0, 0], bhh: [0, 0, 1])
        let r = Self.sigma(-3)
        #expect(abs(h[0] - 0.5 * Foundation.tanh(r)) < 1e-12)
        #expect(abs(h[0] - 0.5 * Foundation.tanh(1)) > 0.1)
    }

    /// σ must not overflow for large negative inputs.
    @Test func sigmoidIsStable() {
        #expect(RNN.sigmoid(-1000) == 0 || RNN.sigmoid(-1000) < 1e-300)
        #expect(RNN.sigmoid(1000) == 1)
        #expect(!RNN.sigmoid(-800).isNaN)
    }
}
