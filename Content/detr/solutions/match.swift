import Foundation

/// The matching cost of the lesson, then the Hungarian algorithm.
func detrMatch(logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]],
               costClass: Double, costBbox: Double, costGiou: Double) -> [[Int]] {
    if targets.isEmpty { return [] }
    func corners(_ b: [Double]) -> [Double] { [b[0] - b[2] / 2, b[1] - b[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2] }
    func giou(_ p: [Double], _ q: [Double]) -> Double {
        let inter = max(0, min(p[2], q[2]) - max(p[0], q[0])) * max(0, min(p[3], q[3]) - max(p[1], q[1]))
        let union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter
        let enclosing = (max(p[2], q[2]) - min(p[0], q[0])) * (max(p[3], q[3]) - min(p[1], q[1]))
        return inter / union - (enclosing - union) / enclosing
    }
    var cost: [[Double]] = []
    for q in 0..<logits.count {
        let top = logits[q].max()!
        let e = logits[q].map { exp($0 - top) }
        let total = e.reduce(0, +)
        var row: [Double] = []
        for t in 0..<targets.count {
            var l1 = 0.0
            for k in 0..<4 { l1 += abs(boxes[q][k] - targets[t][k]) }
            let p = e[labels[t]] / total
            row.append(costBbox * l1 - costClass * p - costGiou * giou(corners(boxes[q]), corners(targets[t])))
        }
        cost.append(row)
    }
    return hungarian(cost: cost)
}

/// Shortest augmenting paths with row and column potentials (Jonker and
/// Volgenant 1987), O(n²·m) with n <= m; wider-than-tall after transposing.
func hungarian(cost: [[Double]]) -> [[Int]] {
    let rows = cost.count
    let cols = cost.first?.count ?? 0
    if rows == 0 || cols == 0 { return [] }
    let flip = rows > cols
    let n = min(rows, cols), m = max(rows, cols)
    // a[i][j] with i over the shorter side.
    var a = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
    for r in 0..<rows {
        for c in 0..<cols {
            if flip { a[c][r] = cost[r][c] } else { a[r][c] = cost[r][c] }
        }
    }
    var u = [Double](repeating: 0, count: n + 1)
    var v = [Double](repeating: 0, count: m + 1)
    var match = [Int](repeating: 0, count: m + 1)   // 1-based row on each column, 0 = free
    var way = [Int](repeating: 0, count: m + 1)
    for i in 1...n {
        match[0] = i
        var j0 = 0
        var minv = [Double](repeating: .infinity, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        repeat {
            used[j0] = true
            let i0 = match[j0]
            var delta = Double.infinity
            var j1 = 0
            for j in 1...m where !used[j] {
                let reduced = a[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < minv[j] { minv[j] = reduced; way[j] = j0 }
                if minv[j] < delta { delta = minv[j]; j1 = j }
            }
            for j in 0...m {
                if used[j] { u[match[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
            }
            j0 = j1
        } while match[j0] != 0
        repeat {
            let j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
        } while j0 != 0
    }
    var pairs: [[Int]] = []
    for j in 1...m where match[j] != 0 {
        pairs.append(flip ? [j - 1, match[j] - 1] : [match[j] - 1, j - 1])
    }
    return pairs.sorted { $0[0] < $1[0] }
}
