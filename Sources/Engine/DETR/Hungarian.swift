/// The assignment problem: pair the rows and columns of an n×m cost matrix
/// one-to-one (min(n, m) pairs) with the least total cost.
///
/// Kuhn, "The Hungarian method for the assignment problem" (1955) gave the
/// first polynomial method; this is its O(n²·m) shortest-augmenting-path
/// form with dual potentials, as in Jonker and Volgenant, "A shortest
/// augmenting path algorithm for dense and sparse linear assignment
/// problems" (Computing 38, 1987), the method behind SciPy's
/// `linear_sum_assignment` and DETR's matcher (Carion et al. 2020, §3.1).
///
/// Potentials u (rows) and v (columns) keep every reduced cost
/// c[i][j] - u[i] - v[j] >= 0, and 0 on matched pairs. Rows are added one at
/// a time; for each, a Dijkstra-like search over columns (the reduced costs
/// are the edge lengths, `minv[j]` the tentative distance of column j) grows
/// a tree of tight edges until it reaches a free column, the potentials move
/// by the distance found so the new edges become tight, and the path is
/// flipped, matching one more row. Each search costs O(n·m), so O(n²·m) in
/// all with n <= m (a matrix with more rows is transposed first).
///
/// Example from the lesson: [[4, 1, 3], [2, 0, 5], [3, 2, 2]] gives
/// [[0, 1], [1, 0], [2, 2]], total 1 + 2 + 2 = 5.
extension DETR {
    /// A minimum-cost assignment as `[row, col]` pairs, rows ascending.
    ///
    /// - Parameter cost: n×m finite costs (any sign); n or m may be 0.
    /// - Complexity: O(min(n,m)²·max(n,m)) time, O(n·m) memory.
    public static func hungarian(_ cost: [[Double]]) -> [[Int]] {
        let rows = cost.count, cols = cost.first?.count ?? 0
        guard rows > 0, cols > 0 else { return [] }
        let transposed = rows > cols
        let n = min(rows, cols), m = max(rows, cols)
        // a[i*m + j] for i < n (the shorter side), j < m.
        var a = [Double](repeating: 0, count: n * m)
        for r in 0..<rows {
            for c in 0..<cols {
                if transposed { a[c * m + r] = cost[r][c] } else { a[r * m + c] = cost[r][c] }
            }
        }
        let columnOfRow = assign(a, n: n, m: m)
        var pairs = (0..<n).map { i in transposed ? [columnOfRow[i], i] : [i, columnOfRow[i]] }
        if transposed { pairs.sort { $0[0] < $1[0] } }
        return pairs
    }

    /// The shortest-augmenting-path loop on a flat n×m matrix with n <= m.
    /// Returns the column of every row. Index 0 of u, v, match and way is a
    /// sentinel (the "virtual column" the search starts from); real rows and
    /// columns are 1-based inside.
    static func assign(_ a: [Double], n: Int, m: Int) -> [Int] {
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var match = [Int](repeating: 0, count: m + 1)      // match[j]: row on column j, 0 = free
        var way = [Int](repeating: 0, count: m + 1)        // previous column on the shortest path
        var minv = [Double](repeating: .infinity, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        // The inner loops run n·m times per row; raw buffers keep them free of bounds checks.
        a.withUnsafeBufferPointer { a in
        u.withUnsafeMutableBufferPointer { u in
        v.withUnsafeMutableBufferPointer { v in
        match.withUnsafeMutableBufferPointer { match in
        way.withUnsafeMutableBufferPointer { way in
        minv.withUnsafeMutableBufferPointer { minv in
        used.withUnsafeMutableBufferPointer { used in
            for row in 1...n {
                match[0] = row
                var j0 = 0
                for j in 0...m { minv[j] = .infinity; used[j] = false }
                repeat {
                    // 1. Settle column j0 and relax the edges of its row i0.
                    used[j0] = true
                    let i0 = match[j0]
                    let base = (i0 - 1) * m - 1             // a[i0-1][j-1] = a[base + j]
                    let ui = u[i0]
                    var delta = Double.infinity, j1 = 0
                    for j in 1...m where !used[j] {
                        let reduced = a[base + j] - ui - v[j]
                        if reduced < minv[j] { minv[j] = reduced; way[j] = j0 }
                        if minv[j] < delta { delta = minv[j]; j1 = j }
                    }
                    // 2. Move the potentials by delta: the tree stays tight, j1 becomes tight.
                    for j in 0...m {
                        if used[j] { u[match[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                    }
                    j0 = j1
                } while match[j0] != 0
                // 3. Flip the path back to the virtual column.
                repeat {
                    let j1 = way[j0]
                    match[j0] = match[j1]
                    j0 = j1
                } while j0 != 0
            }
        }}}}}}}
        var columnOfRow = [Int](repeating: -1, count: n)
        for j in 1...m where match[j] != 0 { columnOfRow[match[j] - 1] = j - 1 }
        return columnOfRow
    }

    /// Σ cost[r][c] over the pairs.
    public static func assignmentCost(_ cost: [[Double]], _ pairs: [[Int]]) -> Double {
        pairs.reduce(0) { $0 + cost[$1[0]][$1[1]] }
    }
}
