import Foundation

private func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// One GRU step in PyTorch's layout: three row blocks of H, for r, z, n.
/// r multiplies the whole recurrent term of n, (W_hn·h + b_hn).
func gruCell(x: [Double], h: [Double], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double]) -> [Double] {
    let hidden = h.count
    func fromInput(_ r: Int) -> Double {
        var a = bih[r]
        for k in x.indices { a += wih[r][k] * x[k] }
        return a
    }
    func fromState(_ r: Int) -> Double {
        var a = bhh[r]
        for k in 0..<hidden { a += whh[r][k] * h[k] }
        return a
    }
    return (0..<hidden).map { j in
        let r = sigmoid(fromInput(j) + fromState(j))
        let z = sigmoid(fromInput(hidden + j) + fromState(hidden + j))
        let n = tanh(fromInput(2 * hidden + j) + r * fromState(2 * hidden + j))
        return (1 - z) * n + z * h[j]
    }
}
