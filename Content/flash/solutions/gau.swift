import Foundation

private func silu(_ x: Double) -> Double { x / (1 + exp(-x)) }

/// x·w + b for w in [in][out] layout.
private func dense(_ x: [[Double]], _ w: [[Double]], _ b: [Double]) -> [[Double]] {
    x.map { row in
        var out = b
        for (i, xi) in row.enumerated() {
            for j in out.indices { out[j] += xi * w[i][j] }
        }
        return out
    }
}

/// u ⊙ (relu²-attention of q, k over v), then the output layer.
func gatedAttentionUnit(x: [[Double]], wu: [[Double]], bu: [Double], wv: [[Double]], bv: [Double],
                        wz: [[Double]], bz: [Double], gammaQ: [Double], betaQ: [Double],
                        gammaK: [Double], betaK: [Double], wo: [[Double]], bo: [Double],
                        causal: Bool) -> [[Double]] {
    let n = x.count
    let u = dense(x, wu, bu).map { $0.map(silu) }
    let v = dense(x, wv, bv).map { $0.map(silu) }
    let z = dense(x, wz, bz).map { $0.map(silu) }
    let q = z.map { row in row.indices.map { row[$0] * gammaQ[$0] + betaQ[$0] } }
    let k = z.map { row in row.indices.map { row[$0] * gammaK[$0] + betaK[$0] } }
    var gated: [[Double]] = []
    for i in 0..<n {
        var attended = [Double](repeating: 0, count: v[0].count)
        for j in 0..<n where !causal || j <= i {
            var score = 0.0
            for a in q[i].indices { score += q[i][a] * k[j][a] }
            let r = max(0, score / Double(n))
            for b in attended.indices { attended[b] += r * r * v[j][b] }
        }
        gated.append(attended.indices.map { u[i][$0] * attended[$0] })
    }
    return dense(gated, wo, bo)
}
