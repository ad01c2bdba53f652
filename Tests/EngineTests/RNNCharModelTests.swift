import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Character-level RNN")
struct RNNCharModelTests {
    static let text = String(repeating: "abcabd abcabd abba cab. ", count: 6)

    /// Training lowers the loss over the whole text well below its starting
    /// value (about log V, a uniform guess).
    @Test func trainingLossFalls() {
        var model = RNN.CharModel(text: Self.text, hidden: 16, window: 12, learningRate: 0.02, seed: 3)
        let before = model.evaluate()
        #expect(abs(before - Foundation.log(Double(model.vocabulary.count))) < 0.3)   // near uniform at init
        for _ in 0..<400 { model.trainStep() }
        let after = model.evaluate()
        #expect(after < before / 3, "loss \(before) → \(after)")
        #expect(model.updates == 400)
    }

    @Test func deterministicForASeed() {
        var a = RNN.CharModel(text: Self.text, hidden: 8, window: 10, seed: 9)
        var b = RNN.CharModel(text: Self.text, hidden: 8, window: 10, seed: 9)
        for _ in 0..<30 { #expect(a.trainStep() == b.trainStep()) }
        #expect(a.sample(prime: "ab", length: 40) == b.sample(prime: "ab", length: 40))
        #expect(a.sample(prime: "ab", length: 40).count == 40)
    }

    /// Clipping bounds the step: with a tiny maxNorm, the reported norm is the
    /// pre-clip value, and training still runs without NaNs.
    @Test func clippingKeepsTrainingFinite() {
        var model = RNN.CharModel(text: Self.text, hidden: 8, window: 10, learningRate: 0.05, maxNorm: 0.01, seed: 2)
        for _ in 0..<50 {
            let r = model.trainStep()
            #expect(r.loss.isFinite && r.gradientNorm.isFinite)
        }
        let finite = model.parameters.joined().allSatisfy { $0.isFinite }
        #expect(finite)
    }
}
