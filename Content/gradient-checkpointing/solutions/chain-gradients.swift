import Foundation

/// Forward once keeping x_0, the checkpoints and x_n; then for each segment
/// (a, b], last first, recompute x_{a+1} … x_{b-1} and backpropagate through it.
func chainGradients(x: [Double], weights: [[[Double]]], plan: [Int]) -> ChainGradients {
    let n = weights.count
    var evaluations = 0
    func layer(_ w: [[Double]], _ input: [Double]) -> [Double] {
        evaluations += 1
        return w.map { row in
            var s = 0.0
            for c in 0..<row.count { s += row[c] * input[c] }
            return tanh(s)
        }
    }

    var stored: [Int: [Double]] = [0: x]
    let keep = Set(plan)
    var current = x
    for i in 1...n {
        current = layer(weights[i - 1], current)
        if keep.contains(i) || i == n { stored[i] = current }
    }
    let loss = current.reduce(0, +)

    var grads = [[[Double]]](repeating: [], count: n)
    var g = [Double](repeating: 1, count: current.count)
    let cuts = [0] + plan + [n]
    for s in stride(from: cuts.count - 1, through: 1, by: -1) {
        let a = cuts[s - 1], b = cuts[s]
        var segment = [stored[a]!]
        for i in (a + 1)..<b { segment.append(layer(weights[i - 1], segment.last!)) }
        segment.append(stored[b]!)
        for i in stride(from: b, through: a + 1, by: -1) {
            let out = segment[i - a], input = segment[i - a - 1]
            let w = weights[i - 1]
            let delta = (0..<out.count).map { g[$0] * (1 - out[$0] * out[$0]) }
            grads[i - 1] = delta.map { d in input.map { d * $0 } }
            var back = [Double](repeating: 0, count: input.count)
            for r in 0..<w.count {
                for c in 0..<w[r].count { back[c] += w[r][c] * delta[r] }
            }
            g = back
        }
    }
    return ChainGradients(loss: loss, grads: grads, forwardEvaluations: evaluations)
}
