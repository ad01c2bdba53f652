import Foundation

/// Gradients of L = Σ_t dhs_t · h_t for the vanilla RNN of `rnn/forward`.
///
/// Walk back from the last step: the gradient reaching h_t is dhs_t plus what
/// flows back from step t+1 through whh; multiply by tanh' = 1 − h_t² to get
/// δ_t, then every parameter used at step t collects its share.
func rnnBackward(xs: [[Double]], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double],
                 h0: [Double], dhs: [[Double]]) -> BPTTGradients {
    let steps = xs.count, hidden = h0.count, input = wih[0].count

    // Forward pass, keeping every state (hs[0] is h0, hs[t + 1] is h after step t).
    var hs = [h0]
    for x in xs {
        let h = hs[hs.count - 1]
        var next = [Double](repeating: 0, count: hidden)
        for j in 0..<hidden {
            var a = bih[j] + bhh[j]
            for k in 0..<input { a += wih[j][k] * x[k] }
            for k in 0..<hidden { a += whh[j][k] * h[k] }
            next[j] = tanh(a)
        }
        hs.append(next)
    }

    let zeroH = [Double](repeating: 0, count: hidden), zeroI = [Double](repeating: 0, count: input)
    var grads = BPTTGradients(dwih: Array(repeating: zeroI, count: hidden), dwhh: Array(repeating: zeroH, count: hidden),
                              dbih: zeroH, dbhh: zeroH, dh0: zeroH, dxs: Array(repeating: zeroI, count: steps))
    var fromLater = [Double](repeating: 0, count: hidden)      // whhᵀ·δ_{t+1}
    for t in stride(from: steps - 1, through: 0, by: -1) {
        let h = hs[t + 1], previous = hs[t]
        var delta = [Double](repeating: 0, count: hidden)
        for j in 0..<hidden {
            let total = dhs[t][j] + fromLater[j]         // gradient reaching h_t
            delta[j] = total * (1 - h[j] * h[j])         // through tanh
        }
        for j in 0..<hidden {
            for k in 0..<input { grads.dwih[j][k] += delta[j] * xs[t][k] }
            for k in 0..<hidden { grads.dwhh[j][k] += delta[j] * previous[k] }
            grads.dbih[j] += delta[j]
            grads.dbhh[j] += delta[j]
        }
        for k in 0..<input {
            var s = 0.0
            for j in 0..<hidden { s += wih[j][k] * delta[j] }
            grads.dxs[t][k] = s
        }
        for k in 0..<hidden {
            var s = 0.0
            for j in 0..<hidden { s += whh[j][k] * delta[j] }
            fromLater[k] = s
        }
    }
    grads.dh0 = fromLater
    return grads
}
