import Foundation

/// Local relu² attention inside chunks plus a linear summary across chunks.
func mixedChunkAttention(quadQ: [[Double]], quadK: [[Double]], linQ: [[Double]], linK: [[Double]],
                         v: [[Double]], chunk c: Int, causal: Bool) -> [[Double]] {
    let n = quadQ.count, s = quadQ[0].count, e = v[0].count
    var out = [[Double]](repeating: [Double](repeating: 0, count: e), count: n)
    var summary = [Double](repeating: 0, count: s * e)      // Σ linKᵀ·v as a flat s×e array

    func addToSummary(_ rows: Range<Int>) {
        for j in rows {
            let key = linK[j], value = v[j]
            for a in 0..<s {
                for b in 0..<e { summary[a * e + b] += key[a] * value[b] }
            }
        }
    }
    func readSummary(_ rows: Range<Int>, scale: Double) {
        for i in rows {
            var row = out[i]
            let query = linQ[i]
            for a in 0..<s {
                let w = query[a] * scale
                for b in 0..<e { row[b] += w * summary[a * e + b] }
            }
            out[i] = row
        }
    }

    if !causal {
        addToSummary(0..<n)
        readSummary(0..<n, scale: 1 / Double(n))
    }
    for start in stride(from: 0, to: n, by: c) {
        let rows = start..<(start + c)
        // Exact attention inside the chunk.
        for i in rows {
            var row = out[i]
            let query = quadQ[i]
            for j in rows where !causal || j <= i {
                var score = 0.0
                for a in 0..<s { score += query[a] * quadK[j][a] }
                let r = max(0, score / Double(c))
                if r == 0 { continue }
                let value = v[j]
                for b in 0..<e { row[b] += r * r * value[b] }
            }
            out[i] = row
        }
        // Causal: read the earlier chunks' summary, then add this chunk to it.
        if causal {
            readSummary(rows, scale: 1 / Double(c))
            addToSummary(rows)
        }
    }
    return out
}
