import Foundation

// word2vec/sgns-step — see "Negative sampling" and "A step by hand" in the lesson.
//
// The grader provides this result type (do not declare it again):
//
//     struct SGNSStepResult: Codable {
//         var loss: Double          // L before the step
//         var input: [Double]       // v after the step
//         var target: [Double]      // u_o after the step
//         var negatives: [[Double]] // u_1 … u_k after the step
//     }
//
// L = -log σ(v·u_o) - Σ_j log σ(-v·u_j); every gradient uses the old vectors.
//
// Edge cases: negatives may be empty (k = 0: only the target term remains,
// and the result's negatives is []); lr = 0 returns the vectors unchanged;
// a negative may equal the target or another negative; scores can be large,
// so compute -log σ(x) as max(-x, 0) + log1p(exp(-|x|)).

func sgnsStep(input: [Double], target: [Double], negatives: [[Double]], lr: Double) -> SGNSStepResult {
    // TODO: compute the loss and gradients, then take one SGD step.
    return SGNSStepResult(loss: 0, input: input, target: target, negatives: negatives)
}
