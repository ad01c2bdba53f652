import Tensor

extension Word2Vec {
    /// The result of one SGNS step: the loss before the step and the three
    /// kinds of vectors after it.
    public struct SGNSStepResult: Sendable, Equatable, Codable {
        public var loss: Double
        public var input: [Double]          // [d]
        public var target: [Double]         // [d]
        public var negatives: [[Double]]    // [k, d]
        public init(loss: Double, input: [Double], target: [Double], negatives: [[Double]]) {
            self.loss = loss; self.input = input; self.target = target; self.negatives = negatives
        }
    }

    /// One stochastic gradient step of skip-gram with negative sampling on a
    /// single (center, context) pair and its k negative samples.
    ///
    /// Mikolov et al. 2013b, §2.2, eq. 4, written as a loss to minimise, with
    /// v the center word's input vector, u_o the context word's output vector
    /// and u_1 … u_k the output vectors of k words drawn from the noise
    /// distribution:
    ///
    /// ```
    /// L = -log σ(v·u_o) - Σ_k log σ(-v·u_k)
    ///
    /// ∂L/∂v   = (σ(v·u_o) - 1)·u_o + Σ_k σ(v·u_k)·u_k
    /// ∂L/∂u_o = (σ(v·u_o) - 1)·v
    /// ∂L/∂u_k = σ(v·u_k)·v
    /// ```
    ///
    /// (using d/dx log σ(x) = 1 - σ(x) and d/dx log σ(-x) = -σ(x)). Every
    /// gradient is taken at the old values, then each vector moves by
    /// -lr · gradient. The returned loss is L before the step.
    ///
    /// Worked example (the lesson's): v = [1, 0], u_o = [0.5, 0.5],
    /// u_1 = [-1, 1], lr = 0.5. Scores v·u_o = 0.5, v·u_1 = -1;
    /// σ(0.5) ≈ 0.6225, σ(-1) ≈ 0.2689; L = 0.4741 + 0.3133 ≈ 0.7873.
    ///
    /// - Complexity: O(k · d).
    public static func sgnsStep(input: [Double], target: [Double],
                                negatives: [[Double]], lr: Double) -> SGNSStepResult {
        let d = input.count
        precondition(target.count == d, "target has \(target.count) values, input \(d)")
        // 1. Scores and loss at the old values.
        let positiveScore = dot(input, target)
        let negativeScores = negatives.map { u in                     // [k]
            precondition(u.count == d, "a negative has \(u.count) values, input \(d)")
            return dot(input, u)
        }
        var loss = -logSigmoid(positiveScore)
        for s in negativeScores { loss -= logSigmoid(-s) }

        // 2. dL/dscore for each output vector.
        let gPositive = sigmoid(positiveScore) - 1
        let gNegatives = negativeScores.map(sigmoid)                 // [k]

        // 3. Gradients, all from the old vectors.
        var gradInput = target.map { gPositive * $0 }                // [d]
        for (g, u) in zip(gNegatives, negatives) {
            for i in 0..<d { gradInput[i] += g * u[i] }
        }

        // 4. The step.
        var newInput = input, newTarget = target, newNegatives = negatives
        for i in 0..<d {
            newInput[i] -= lr * gradInput[i]
            newTarget[i] -= lr * gPositive * input[i]
        }
        for (k, g) in gNegatives.enumerated() {
            for i in 0..<d { newNegatives[k][i] -= lr * g * input[i] }
        }
        return SGNSStepResult(loss: loss, input: newInput, target: newTarget, negatives: newNegatives)
    }

    /// The same step in place on rows of the trainer's two embedding tables
    /// (the fast path of `sgnsStep`, without allocation).
    ///
    /// `input` points at the center's row of the input table, `outputs` at
    /// the whole output table (row-major, `d` columns); `targets[0]` is the
    /// context word, `targets[1...]` the negatives. All scores are computed
    /// before anything moves, so for distinct rows the result equals
    /// `sgnsStep`; a row that appears twice receives both updates, and its
    /// second contribution to ∂L/∂v reads the row after the first update (a
    /// difference of order lr², as in word2vec.c).
    /// `scratch` must hold d + targets.count values.
    ///
    /// - Returns: the loss before the step.
    /// - Complexity: O(k · d).
    @inline(__always)
    static func sgnsStepInPlace(input: UnsafeMutablePointer<Double>,
                                outputs: UnsafeMutablePointer<Double>, d: Int,
                                targets: UnsafeBufferPointer<Int>, lr: Double,
                                scratch: UnsafeMutablePointer<Double>) -> Double {
        let gradInput = scratch, gradScore = scratch + d
        var loss = 0.0
        // 1. Every score and its error, before anything moves.
        for (t, word) in targets.enumerated() {
            let u = outputs + word * d
            var s = 0.0
            for i in 0..<d { s += input[i] * u[i] }
            // One exponential serves both σ(s) and log σ(±s): e = e^(-|s|).
            let e = exp(-Swift.abs(s))
            let sigma = s >= 0 ? 1 / (1 + e) : e / (1 + e)
            let softplus = log1p(e)                           // log(1 + e^(-|s|))
            if t == 0 {
                loss += Swift.max(-s, 0) + softplus           // -log σ(s)
                gradScore[t] = sigma - 1
            } else {
                loss += Swift.max(s, 0) + softplus            // -log σ(-s)
                gradScore[t] = sigma
            }
        }
        // 2. One pass per output row: read the old u_i into ∂L/∂v, then move u_i.
        for i in 0..<d { gradInput[i] = 0 }
        for (t, word) in targets.enumerated() {
            let u = outputs + word * d
            let g = gradScore[t], step = lr * g
            for i in 0..<d {
                gradInput[i] += g * u[i]
                u[i] -= step * input[i]
            }
        }
        for i in 0..<d { input[i] -= lr * gradInput[i] }
        return loss
    }
}
