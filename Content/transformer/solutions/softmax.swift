import Foundation

/// Row-wise softmax, shifted by each row's maximum so that no exponential overflows.
func softmaxRows(x: [[Double]]) -> [[Double]] {
    x.map { row in
        let top = row.max() ?? 0
        let exps = row.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}
