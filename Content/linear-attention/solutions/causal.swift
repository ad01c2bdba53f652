import Foundation

private func phi(_ x: Double) -> Double { x > 0 ? x + 1 : exp(x) }

/// Causal linear attention by running sums: O(n·d·e) time, O(d·e) state.
func causalLinearAttention(q: [[Double]], k: [[Double]], v: [[Double]]) -> [[Double]] {
    let n = q.count, d = q[0].count, e = v[0].count
    var s = [Double](repeating: 0, count: d * e)     // S as one flat array, S[a][b] = s[a*e + b]
    var z = [Double](repeating: 0, count: d)
    var fq = [Double](repeating: 0, count: d)
    var out = [[Double]](repeating: [], count: n)
    for i in 0..<n {
        let key = k[i], value = v[i], query = q[i]
        // Write token i into the state first: it attends to itself.
        for a in 0..<d {
            let w = phi(key[a])
            z[a] += w
            for b in 0..<e { s[a * e + b] += w * value[b] }
        }
        // Then read the state with its query.
        var denominator = 0.0
        for a in 0..<d { fq[a] = phi(query[a]); denominator += fq[a] * z[a] }
        var row = [Double](repeating: 0, count: e)
        for a in 0..<d {
            let w = fq[a] / denominator
            for b in 0..<e { row[b] += w * s[a * e + b] }
        }
        out[i] = row
    }
    return out
}
