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

func sgnsStep(input: [Double], target: [Double], negatives: [[Double]], lr: Double) -> SGNSStepResult {
    // TODO: compute the loss and gradients, then take one SGD step.
    return SGNSStepResult(loss: 0, input: input, target: target, negatives: negatives)
}
