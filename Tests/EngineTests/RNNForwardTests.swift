import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("RNN forward")
struct RNNForwardTests {
    /// The lesson's worked example: H = I = 1, W_ih = 0.5, W_hh = 1, no biases, h0 = 0, xs = [1, 2].
    @Test func lessonWorkedExample() throws {
        let hs = RNN.forward(xs: try Matrix([[1], [2]]), wih: try Matrix([[0.5]]), whh: try Matrix([[1]]),
                             bih: [0], bhh: [0], h0: [0])
        #expect(hs.rows == 2 && hs.cols == 1)
        #expect(abs(hs[0, 0] - 0.4621) < 1e-4)       // tanh(0.5)
        #expect(abs(hs[1, 0] - 0.8981) < 1e-4)       // tanh(1·2·0.5 + 1·0.4621)
    }

    /// A hand-worked 2-unit step: the layout is [out][in], so row j of W feeds unit j.
    @Test func layoutIsOutByIn() throws {
        // W_ih = [[1, 0, 0], [0, 0, 2]] picks x[0] for unit 0 and 2·x[2] for unit 1.
        let hs = RNN.forward(xs: try Matrix([[0.3, 9, 0.1]]), wih: try Matrix([[1, 0, 0], [0, 0, 2]]),
                             whh: try Matrix([[0, 0], [0, 0]]), bih: [0.1, 0], bhh: [0, -0.2], h0: [5, 5])
        #expect(RNNFixtures.close(hs.row(0), [Foundation.tanh(0.4), Foundation.tanh(0.0)]))
    }

    /// Against a scalar loop written straight from the formula, on many seeded cases.
    @Test func matchesScalarTwin() {
        var rng = SeededRandom(seed: 41)
        for _ in 0..<300 {
            let p = RNNFixtures.problem(&rng)
            let got = RNN.forward(xs: p.xs, wih: p.wih, whh: p.whh, bih: p.bih, bhh: p.bhh, h0: p.h0)
            var h = p.h0
            var expected: [[Double]] = []
            for t in 0..<p.xs.rows {
                var next = h
                for j in 0..<h.count {
                    var a = p.bih[j] + p.bhh[j]
                    for k in 0..<p.xs.cols { a += p.wih[j, k] * p.xs[t, k] }
                    for k in 0..<h.count { a += p.whh[j, k] * h[k] }
                    next[j] = Foundation.tanh(a)
                }
                h = next                       // the old h is used for every unit of step t
                expected.append(h)
            }
            #expect(RNNFixtures.close(got, try! Matrix(expected), rtol: 1e-12, atol: 1e-14))
        }
    }
}
