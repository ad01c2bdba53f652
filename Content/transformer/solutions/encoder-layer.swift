import Foundation

/// x·w + b for w in [in][out] layout.
func dense(_ x: [[Double]], _ w: [[Double]], _ b: [Double]) -> [[Double]] {
    x.map { row in
        var out = b
        for (i, xi) in row.enumerated() where xi != 0 {
            for j in 0..<out.count { out[j] += xi * w[i][j] }
        }
        return out
    }
}

/// softmax(q·kᵀ/√d)·v, causal rows seeing keys 0…i only.
///
/// The keys are transposed once into a flat d×m array so that the score loop
/// runs along memory; one score buffer is reused for every query row.
func attention(q: [[Double]], k: [[Double]], v: [[Double]], causal: Bool) -> [[Double]] {
    let n = q.count, m = k.count, d = q[0].count, e = v[0].count
    let scale = 1 / Double(d).squareRoot()
    var keysT = [Double](repeating: 0, count: d * m)          // keysT[c*m + j] = k[j][c]
    for j in 0..<m { for c in 0..<d { keysT[c * m + j] = k[j][c] } }
    let values = v.flatMap { $0 }                              // m×e, row-major
    var scores = [Double](repeating: 0, count: m)
    var out: [[Double]] = []
    out.reserveCapacity(n)
    for i in 0..<n {
        let seen = causal ? min(i + 1, m) : m
        var row = [Double](repeating: 0, count: e)
        keysT.withUnsafeBufferPointer { kt in
            values.withUnsafeBufferPointer { vals in
                scores.withUnsafeMutableBufferPointer { s in
                    for j in 0..<seen { s[j] = 0 }
                    for c in 0..<d {
                        let a = q[i][c] * scale
                        for j in 0..<seen { s[j] += a * kt[c * m + j] }
                    }
                    var top = -Double.infinity
                    for j in 0..<seen { top = max(top, s[j]) }
                    var sum = 0.0
                    for j in 0..<seen { s[j] = exp(s[j] - top); sum += s[j] }
                    row.withUnsafeMutableBufferPointer { o in
                        for j in 0..<seen {
                            let p = s[j] / sum
                            for t in 0..<e { o[t] += p * vals[j * e + t] }
                        }
                    }
                }
            }
        }
        out.append(row)
    }
    return out
}

/// Multi-head self-attention: project, attend per head on column slices, concatenate, project.
func multiHeadAttention(x: [[Double]], wq: [[Double]], wk: [[Double]], wv: [[Double]], wo: [[Double]],
                        bq: [Double], bk: [Double], bv: [Double], bo: [Double],
                        heads: Int, causal: Bool) -> [[Double]] {
    let q = dense(x, wq, bq), k = dense(x, wk, bk), v = dense(x, wv, bv)
    let size = x[0].count / heads
    var joined = [[Double]](repeating: [], count: x.count)
    for h in 0..<heads {
        let columns = (h * size)..<((h + 1) * size)
        let slice = { (m: [[Double]]) in m.map { Array($0[columns]) } }
        let head = attention(q: slice(q), k: slice(k), v: slice(v), causal: causal)
        for r in 0..<x.count { joined[r] += head[r] }
    }
    return dense(joined, wo, bo)
}

/// Layer norm of each row with the biased variance, computed from centred values.
func layerNorm(x: [[Double]], gamma: [Double], beta: [Double], eps: Double) -> [[Double]] {
    x.map { row in
        let d = Double(row.count)
        let mean = row.reduce(0, +) / d
        let variance = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / d
        let inverse = 1 / (variance + eps).squareRoot()
        return row.indices.map { j in gamma[j] * (row[j] - mean) * inverse + beta[j] }
    }
}

func add(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    zip(a, b).map { zip($0, $1).map(+) }
}

/// One encoder layer: attention and a ReLU feed-forward, each with a residual and a layer norm.
func encoderLayer(x: [[Double]], wq: [[Double]], wk: [[Double]], wv: [[Double]], wo: [[Double]],
                  bq: [Double], bk: [Double], bv: [Double], bo: [Double], heads: Int,
                  w1: [[Double]], b1: [Double], w2: [[Double]], b2: [Double],
                  gamma1: [Double], beta1: [Double], gamma2: [Double], beta2: [Double],
                  normFirst: Bool) -> [[Double]] {
    func attend(_ y: [[Double]]) -> [[Double]] {
        multiHeadAttention(x: y, wq: wq, wk: wk, wv: wv, wo: wo, bq: bq, bk: bk, bv: bv, bo: bo,
                           heads: heads, causal: false)
    }
    func feedForward(_ y: [[Double]]) -> [[Double]] {
        dense(dense(y, w1, b1).map { $0.map { max(0, $0) } }, w2, b2)
    }
    func norm1(_ y: [[Double]]) -> [[Double]] { layerNorm(x: y, gamma: gamma1, beta: beta1, eps: 1e-5) }
    func norm2(_ y: [[Double]]) -> [[Double]] { layerNorm(x: y, gamma: gamma2, beta: beta2, eps: 1e-5) }
    if normFirst {
        let a = add(x, attend(norm1(x)))
        return add(a, feedForward(norm2(a)))
    }
    let a = norm1(add(x, attend(x)))
    return norm2(add(a, feedForward(a)))
}
