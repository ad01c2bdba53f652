import Tensor

/// One step of causal linear attention seen as a recurrent network.
///
/// Katharopoulos et al. 2020, §3.4 ("Transformers are RNNs"): the prefix sums
/// of the causal form are a hidden state that a new token updates and then
/// reads. With φ = elu + 1:
///
/// ```
/// state'      = state + φ(k) vᵀ               // [d, e]
/// normalizer' = normalizer + φ(k)             // [d]
/// output      = φ(q)ᵀ state' / φ(q)·normalizer' // [e]
/// ```
///
/// The new token's own key and value are added before it reads, so it sees
/// itself (j <= i), as in the causal form. Running this step over a sequence
/// from a zero state gives the rows of `LinearAttention.causal`. Generation
/// therefore costs O(d·e) per token and keeps O(d·e) memory, however long
/// the text already is; softmax attention must keep and reread all i keys.
///
/// Worked example from the lesson (d = e = 1): state 2, normalizer 1,
/// q = k = 0, v = 3 gives φ(0) = 1, state' = 5, normalizer' = 2, output 2.5.
extension LinearAttention {
    /// The result of `linear-attention/rnn-step`: the updated state and
    /// normaliser and the new token's output.
    public struct StepResult: Sendable, Equatable, Codable {
        public var state: Matrix          // [d, e]
        public var normalizer: [Double]   // [d]
        public var output: [Double]       // [e]
        public init(state: Matrix, normalizer: [Double], output: [Double]) {
            self.state = state; self.normalizer = normalizer; self.output = output
        }
    }

    /// One recurrent step: add the token's key and value, then read with its query.
    ///
    /// - Parameters: state: `[d, e]`; normalizer, q, k: `[d]`; v: `[e]`.
    /// - Complexity: O(d · e).
    public static func rnnStep(state: Matrix, normalizer: [Double], q: [Double], k: [Double],
                               v: [Double]) -> StepResult {
        let d = state.rows, e = state.cols
        precondition(normalizer.count == d && q.count == d && k.count == d && v.count == e,
                     "rnnStep: state is \(d)×\(e), so normalizer, q and k need \(d) values and v \(e)")
        var next = StepResult(state: state, normalizer: normalizer, output: Array(repeating: 0, count: e))
        // 1. write: the token's key-value outer product joins the state.
        for a in 0..<d {
            let w = phi(k[a])
            next.normalizer[a] += w
            for b in 0..<e { next.state.storage[a * e + b] += w * v[b] }
        }
        // 2. read: the query weighs the rows of the updated state.
        let fq = q.map(phi)
        var denominator = 0.0
        for a in 0..<d { denominator += fq[a] * next.normalizer[a] }
        for a in 0..<d {
            for b in 0..<e { next.output[b] += fq[a] * next.state.storage[a * e + b] }
        }
        for b in 0..<e { next.output[b] /= denominator }
        return next
    }
}
