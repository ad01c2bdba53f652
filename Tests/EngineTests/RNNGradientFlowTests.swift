import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Gradient flow through time")
struct RNNGradientFlowTests {
    static func frobenius(_ rows: [[Double]]) -> Double {
        Foundation.sqrt(rows.joined().map { $0 * $0 }.reduce(0, +))
    }

    /// LSTM steps from (h, c) over `xs`, plain.
    static func runLSTM(_ xs: Matrix, _ h: [Double], _ c: [Double], _ w: (Matrix, Matrix, [Double], [Double])) -> RNN.LSTMState {
        var s = RNN.LSTMState(h: h, c: c)
        for t in 0..<xs.rows { s = RNN.lstmCell(x: xs.row(t), h: s.h, c: s.c, wih: w.0, whh: w.1, bih: w.2, bhh: w.3) }
        return s
    }

    /// The one-step LSTM Jacobian against central differences.
    @Test func lstmJacobianMatchesFiniteDifferences() {
        var rng = SeededRandom(seed: 21)
        let eps = 1e-6
        for _ in 0..<40 {
            let n = rng.int(in: 1...4), i = rng.int(in: 1...3)
            let x = RNNFixtures.vector(&rng, i), h = RNNFixtures.vector(&rng, n), c = RNNFixtures.vector(&rng, n, 2)
            let wih = rng.uniformMatrix(rows: 4 * n, cols: i), whh = rng.uniformMatrix(rows: 4 * n, cols: n)
            let bih = RNNFixtures.vector(&rng, 4 * n), bhh = RNNFixtures.vector(&rng, 4 * n)
            let (next, gates) = RNN.lstmStep(x: x, h: h, c: c, wih: wih, whh: whh, bih: bih, bhh: bhh)
            let jac = RNN.lstmStateJacobian(c: c, next: next, gates: gates, whh: whh)
            for col in 0..<(2 * n) {
                var hp = h, hm = h, cp = c, cm = c
                if col < n { hp[col] += eps; hm[col] -= eps } else { cp[col - n] += eps; cm[col - n] -= eps }
                let plus = RNN.lstmCell(x: x, h: hp, c: cp, wih: wih, whh: whh, bih: bih, bhh: bhh)
                let minus = RNN.lstmCell(x: x, h: hm, c: cm, wih: wih, whh: whh, bih: bih, bhh: bhh)
                let column = zip(plus.h + plus.c, minus.h + minus.c).map { ($0 - $1) / (2 * eps) }
                for row in 0..<(2 * n) {
                    #expect(abs(jac[row, col] - column[row]) < 1e-7, "(\(row), \(col))")
                }
            }
        }
    }

    /// ‖∂h_T/∂h_{T-k}‖ for the vanilla RNN against a finite-difference Jacobian
    /// built by rerunning the last k steps from a perturbed h_{T-k}.
    @Test func vanillaNormsMatchFiniteDifferences() {
        var rng = SeededRandom(seed: 22)
        let eps = 1e-6
        for _ in 0..<15 {
            let p = RNNFixtures.problem(&rng, steps: 1...6, hidden: 1...4, scale: 1.2)
            let norms = RNN.vanillaGradientNorms(xs: p.xs, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: p.h0)
            let hs = RNN.forward(xs: p.xs, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: p.h0)
            let steps = p.xs.rows, n = p.h0.count
            #expect(norms.count == steps + 1)
            #expect(abs(norms[0] - Double(n).squareRoot()) < 1e-12)
            for k in 1...steps {
                let start = k == steps ? p.h0 : hs.row(steps - k - 1)          // h_{T-k}
                let tail = p.xs.rows((steps - k)..<steps)
                var columns: [[Double]] = []
                for j in 0..<n {
                    var up = start, down = start
                    up[j] += eps; down[j] -= eps
                    let a = RNN.forward(xs: tail, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: up).row(k - 1)
                    let b = RNN.forward(xs: tail, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: down).row(k - 1)
                    columns.append(zip(a, b).map { ($0 - $1) / (2 * eps) })
                }
                #expect(abs(norms[k] - Self.frobenius(columns)) < 1e-6 * max(1, norms[k]), "k = \(k)")
            }
        }
    }

    /// The same for the LSTM, perturbing both h and c at step T−k.
    @Test func lstmNormsMatchFiniteDifferences() {
        var rng = SeededRandom(seed: 23)
        let eps = 1e-6
        for _ in 0..<10 {
            let n = rng.int(in: 1...3), i = rng.int(in: 1...3), steps = rng.int(in: 1...5)
            let xs = rng.uniformMatrix(rows: steps, cols: i)
            let w = (rng.uniformMatrix(rows: 4 * n, cols: i), rng.uniformMatrix(rows: 4 * n, cols: n),
                     RNNFixtures.vector(&rng, 4 * n), RNNFixtures.vector(&rng, 4 * n))
            let h0 = RNNFixtures.vector(&rng, n), c0 = RNNFixtures.vector(&rng, n)
            let norms = RNN.lstmGradientNorms(xs: xs, wih: w.0, whh: w.1, bih: w.2, bhh: w.3, h0: h0, c0: c0)
            #expect(norms.count == steps + 1)
            for k in 1...steps {
                let start = Self.runLSTM(xs.rows(0..<(steps - k)), h0, c0, w)
                let tail = xs.rows((steps - k)..<steps)
                var columns: [[Double]] = []
                for j in 0..<(2 * n) {
                    var up = start, down = start
                    if j < n { up.h[j] += eps; down.h[j] -= eps } else { up.c[j - n] += eps; down.c[j - n] -= eps }
                    let a = Self.runLSTM(tail, up.h, up.c, w).h, b = Self.runLSTM(tail, down.h, down.c, w).h
                    columns.append(zip(a, b).map { ($0 - $1) / (2 * eps) })
                }
                #expect(abs(norms[k] - Self.frobenius(columns)) < 1e-6 * max(1, norms[k]), "k = \(k)")
            }
        }
    }

    /// The demo's default setting shows the lesson's claim: after 40 steps
    /// the vanilla RNN's gradient has all but vanished, the LSTM's has not.
    @Test func lstmKeepsGradientLongerThanVanilla() {
        let flow = RNN.gradientFlow(RNN.GradientFlowSetup())
        #expect(flow.vanilla.count == 61 && flow.lstm.count == 61)
        #expect(flow.vanilla[40] < 1e-8)
        #expect(flow.lstm[40] > 1e-3)
        // With a forget bias of −3 the LSTM forgets fast too: the bias, not the name, does the work.
        var forgetful = RNN.GradientFlowSetup()
        forgetful.forgetBias = -3
        #expect(RNN.gradientFlow(forgetful).lstm[40] < 1e-8)
        // Weights ten times PyTorch's default make the vanilla gradient explode (the lesson's scale=10).
        var large = RNN.GradientFlowSetup()
        large.scale = 10
        #expect(RNN.gradientFlow(large).vanilla[40] > 1e6)
    }
}
