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
