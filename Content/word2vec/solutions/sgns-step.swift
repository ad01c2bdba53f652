import Foundation

private func sigmoid(_ x: Double) -> Double {
    x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
}

/// -log σ(x) = log(1 + e^(-x)), written so the exponent is never positive.
private func negativeLogSigmoid(_ x: Double) -> Double {
    max(-x, 0) + log1p(exp(-abs(x)))
}

private func dotProduct(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in a.indices { s += a[i] * b[i] }
    return s
}

func sgnsStep(input: [Double], target: [Double], negatives: [[Double]], lr: Double) -> SGNSStepResult {
    let d = input.count
    let positive = dotProduct(input, target)
    let scores = negatives.map { dotProduct(input, $0) }

    var loss = negativeLogSigmoid(positive)
    for s in scores { loss += negativeLogSigmoid(-s) }

    let errorTarget = sigmoid(positive) - 1
    let errorNegatives = scores.map(sigmoid)

    var gradInput = target.map { errorTarget * $0 }
    for (error, u) in zip(errorNegatives, negatives) {
        for i in 0..<d { gradInput[i] += error * u[i] }
    }

    let newInput = (0..<d).map { input[$0] - lr * gradInput[$0] }
    let newTarget = (0..<d).map { target[$0] - lr * errorTarget * input[$0] }
    let newNegatives = zip(errorNegatives, negatives).map { error, u in
        (0..<d).map { u[$0] - lr * error * input[$0] }
    }
    return SGNSStepResult(loss: loss, input: newInput, target: newTarget, negatives: newNegatives)
}
