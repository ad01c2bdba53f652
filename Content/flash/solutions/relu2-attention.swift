import Foundation

/// A = relu(q·kᵀ/n)², masked above the diagonal when causal; output A·v.
func relu2Attention(q: [[Double]], k: [[Double]], v: [[Double]], causal: Bool) -> [[Double]] {
    let n = q.count, e = v[0].count
    var out = [[Double]](repeating: [Double](repeating: 0, count: e), count: n)
    for i in 0..<n {
        for j in 0..<n where !causal || j <= i {
            var score = 0.0
            for a in q[i].indices { score += q[i][a] * k[j][a] }
            let r = max(0, score / Double(n))
            let weight = r * r
            for b in 0..<e { out[i][b] += weight * v[j][b] }
        }
    }
    return out
}
