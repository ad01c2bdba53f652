import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("RNN backpropagation through time")
struct RNNBackwardTests {
    /// The lesson's worked example: the same 1-unit RNN, loss L = h_2 (dhs = [[0], [1]]).
    @Test func lessonWorkedExample() throws {
        let g = RNN.backward(xs: try Matrix([[1], [2]]), wih: try Matrix([[0.5]]), whh: try Matrix([[1]]),
                             bih: [0], bhh: [0], h0: [0], dhs: try Matrix([[0], [1]]))
        let h1 = Foundation.tanh(0.5), h2 = Foundation.tanh(1 + h1)
        let delta2 = 1 - h2 * h2                     // ≈ 0.1935
        let delta1 = 1 * delta2 * (1 - h1 * h1)      // ≈ 0.1522: through W_hh = 1, then tanh'
        #expect(abs(delta2 - 0.1935) < 1e-4 && abs(delta1 - 0.1522) < 1e-4)
        #expect(abs(g.dwih[0, 0] - (delta1 * 1 + delta2 * 2)) < 1e-12)      // ≈ 0.5392
        #expect(abs(g.dwih[0, 0] - 0.5392) < 1e-4)
        #expect(abs(g.dwhh[0, 0] - 0.0894) < 1e-4)                          // δ2·h1 + δ1·h0
        #expect(abs(g.dbih[0] - 0.3457) < 1e-4 && g.dbih == g.dbhh)
        #expect(abs(g.dh0[0] - 0.1522) < 1e-4)
        #expect(RNNFixtures.close(g.dxs.column(0), [0.5 * delta1, 0.5 * delta2], rtol: 1e-12))
    }

    /// L = Σ_t dhs_t · h_t evaluated by the forward pass alone.
    static func loss(_ p: RNNFixtures.Problem) -> Double {
        let hs = RNN.forward(xs: p.xs, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: p.h0)
        return zip(hs.storage, p.dhs.storage).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Every gradient against central finite differences, (L(θ+ε) − L(θ−ε)) / 2ε, on seeded cases.
    @Test func matchesFiniteDifferences() {
        var rng = SeededRandom(seed: 7)
        let eps = 1e-5
        for _ in 0..<60 {
            let p = RNNFixtures.problem(&rng)
            let g = RNN.backward(xs: p.xs, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: p.h0, dhs: p.dhs)
            func numeric(_ edit: (inout RNNFixtures.Problem, Double) -> Void) -> Double {
                var plus = p, minus = p
                edit(&plus, eps); edit(&minus, -eps)
                return (Self.loss(plus) - Self.loss(minus)) / (2 * eps)
            }
            func check(_ analytic: Double, _ edit: (inout RNNFixtures.Problem, Double) -> Void) {
                let n = numeric(edit)
                #expect(abs(analytic - n) <= 1e-6 + 1e-5 * abs(n), "analytic \(analytic) vs numeric \(n)")
            }
            for k in p.wih.storage.indices { check(g.dwih.storage[k]) { $0.wih.storage[k] += $1 } }
            for k in p.whh.storage.indices { check(g.dwhh.storage[k]) { $0.whh.storage[k] += $1 } }
            for k in p.bih.indices { check(g.dbih[k]) { $0.bih[k] += $1 } }
            for k in p.bhh.indices { check(g.dbhh[k]) { $0.bhh[k] += $1 } }
            for k in p.h0.indices { check(g.dh0[k]) { $0.h0[k] += $1 } }
            for k in p.xs.storage.indices { check(g.dxs.storage[k]) { $0.xs.storage[k] += $1 } }
        }
    }

    /// Gradients have the shapes of the values they belong to, and zero outside
    /// gradient gives zero everywhere.
    @Test func shapesAndZeroGradient() {
        var rng = SeededRandom(seed: 8)
        for _ in 0..<20 {
            var p = RNNFixtures.problem(&rng)
            p.dhs = Matrix(rows: p.dhs.rows, cols: p.dhs.cols)
            let g = RNN.backward(xs: p.xs, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: p.h0, dhs: p.dhs)
            #expect(g.dwih.shape == p.wih.shape && g.dwhh.shape == p.whh.shape && g.dxs.shape == p.xs.shape)
            #expect(g.dbih.count == p.bih.count && g.dh0.count == p.h0.count)
            #expect(g.dwih.storage.allSatisfy { $0 == 0 } && g.dh0.allSatisfy { $0 == 0 })
        }
    }
}
