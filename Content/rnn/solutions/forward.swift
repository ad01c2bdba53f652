import Foundation

/// h_t = tanh(wih·x_t + bih + whh·h_{t-1} + bhh), for t = 1…T, from h0.
/// Weights are [out][in]: row j of wih holds the weights into hidden unit j.
func rnnForward(xs: [[Double]], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double],
                h0: [Double]) -> [[Double]] {
    let hidden = h0.count
    var h = h0
    var states: [[Double]] = []
    for x in xs {
        var next = [Double](repeating: 0, count: hidden)
        for j in 0..<hidden {
            var a = bih[j] + bhh[j]
            for k in x.indices { a += wih[j][k] * x[k] }
            for k in 0..<hidden { a += whh[j][k] * h[k] }    // the OLD h, for every unit
            next[j] = tanh(a)
        }
        h = next
        states.append(h)
    }
    return states
}
