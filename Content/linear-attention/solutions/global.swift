import Foundation

private func phi(_ x: Double) -> Double { x > 0 ? x + 1 : exp(x) }

/// Global linear attention: S = φ(K)ᵀV and z = Σ φ(k_j), then one read per query.
func linearAttention(q: [[Double]], k: [[Double]], v: [[Double]]) -> [[Double]] {
    let n = q.count, d = q[0].count, e = v[0].count
    var s = [[Double]](repeating: [Double](repeating: 0, count: e), count: d)
    var z = [Double](repeating: 0, count: d)
    for j in 0..<n {
        for a in 0..<d {
            let w = phi(k[j][a])
            z[a] += w
            for b in 0..<e { s[a][b] += w * v[j][b] }
        }
    }
    var out: [[Double]] = []
    for i in 0..<n {
        let fq = q[i].map(phi)
        var numerator = [Double](repeating: 0, count: e)
        var denominator = 0.0
        for a in 0..<d {
            denominator += fq[a] * z[a]
            for b in 0..<e { numerator[b] += fq[a] * s[a][b] }
        }
        out.append(numerator.map { $0 / denominator })
    }
    return out
}
