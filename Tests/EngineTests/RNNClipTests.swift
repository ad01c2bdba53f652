import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Gradient clipping by global norm")
struct RNNClipTests {
    /// The lesson's example: [[3], [4]] has norm 5; with maxNorm 1 it becomes ≈ [[0.6], [0.8]].
    @Test func lessonWorkedExample() {
        let r = RNN.clipGradNorm(grads: [[3], [4]], maxNorm: 1)
        #expect(r.totalNorm == 5)
        let scale = 1 / (5 + 1e-6)
        #expect(r.grads == [[3 * scale], [4 * scale]])
        #expect(abs(r.grads[0][0] - 0.6) < 1e-6 && abs(r.grads[1][0] - 0.8) < 1e-6)
    }

    @Test func smallGradientsAreUnchanged() {
        let r = RNN.clipGradNorm(grads: [[0.1, -0.2], [], [0.3]], maxNorm: 10)
        #expect(r.grads == [[0.1, -0.2], [], [0.3]])
        #expect(abs(r.totalNorm - (0.14).squareRoot()) < 1e-15)
    }

    @Test func zeroGradientsStayZero() {
        let r = RNN.clipGradNorm(grads: [[0, 0], [0]], maxNorm: 0)
        #expect(r.totalNorm == 0 && r.grads == [[0, 0], [0]])
    }

    /// Against a direct reading of the formula, and the invariants: the
    /// direction is kept and the new norm is at most maxNorm.
    @Test func matchesFormulaOnRandomCases() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<300 {
            let grads = (0..<rng.int(in: 1...5)).map { _ in RNNFixtures.vector(&rng, rng.int(in: 0...6), 10) }
            let maxNorm = rng.uniform(0, 20)
            let r = RNN.clipGradNorm(grads: grads, maxNorm: maxNorm)
            let total = Foundation.sqrt(grads.joined().map { $0 * $0 }.reduce(0, +))
            let scale = Swift.min(1, maxNorm / (total + 1e-6))
            #expect(RNNFixtures.close(r.totalNorm, total, rtol: 1e-12))
            #expect(RNNFixtures.close(Array(r.grads.joined()), grads.joined().map { $0 * scale }, rtol: 1e-12))
            let after = Foundation.sqrt(r.grads.joined().map { $0 * $0 }.reduce(0, +))
            if total > maxNorm { #expect(after <= maxNorm + 1e-9) } else { #expect(r.grads == grads) }
            #expect(r.grads.map(\.count) == grads.map(\.count))
        }
    }

    @Test func inPlaceVariantAgrees() {
        var rng = SeededRandom(seed: 6)
        for _ in 0..<50 {
            var grads = (0..<3).map { _ in RNNFixtures.vector(&rng, 4, 5) }
            let r = RNN.clipGradNorm(grads: grads, maxNorm: 2)
            let norm = RNN.clipInPlace(&grads, maxNorm: 2)
            #expect(norm == r.totalNorm && grads == r.grads)
        }
    }
}
