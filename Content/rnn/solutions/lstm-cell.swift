import Foundation

private func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// One LSTM step in PyTorch's layout: rows of wih/whh/bih/bhh come in four
/// blocks of H, for the gates i, f, g, o.
func lstmCell(x: [Double], h: [Double], c: [Double], wih: [[Double]], whh: [[Double]],
              bih: [Double], bhh: [Double]) -> LSTMState {
    let hidden = h.count
    // Pre-activation of row r (gate r / H, unit r % H).
    func pre(_ r: Int) -> Double {
        var a = bih[r] + bhh[r]
        for k in x.indices { a += wih[r][k] * x[k] }
        for k in 0..<hidden { a += whh[r][k] * h[k] }
        return a
    }
    var newH = [Double](repeating: 0, count: hidden), newC = newH
    for j in 0..<hidden {
        let i = sigmoid(pre(j))
        let f = sigmoid(pre(hidden + j))
        let g = tanh(pre(2 * hidden + j))
        let o = sigmoid(pre(3 * hidden + j))
        newC[j] = f * c[j] + i * g
        newH[j] = o * tanh(newC[j])
    }
    return LSTMState(h: newH, c: newC)
}
