import Foundation

private func phi(_ x: Double) -> Double { x > 0 ? x + 1 : exp(x) }

/// Write the token into the state, then read the state with its query.
func linearAttentionStep(state: [[Double]], normalizer: [Double], q: [Double], k: [Double],
                         v: [Double]) -> LinearAttentionStep {
    var newState = state, newNormalizer = normalizer
    for a in k.indices {
        let w = phi(k[a])
        newNormalizer[a] += w
        for b in v.indices { newState[a][b] += w * v[b] }
    }
    let fq = q.map(phi)
    var denominator = 0.0
    var output = [Double](repeating: 0, count: v.count)
    for a in q.indices {
        denominator += fq[a] * newNormalizer[a]
        for b in v.indices { output[b] += fq[a] * newState[a][b] }
    }
    return LinearAttentionStep(state: newState, normalizer: newNormalizer, output: output.map { $0 / denominator })
}
