import Foundation

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
