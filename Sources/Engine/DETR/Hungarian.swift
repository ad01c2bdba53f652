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
/// are the edge lengths, `shortest[j]` the tentative distance of column j) grows
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
    /// Returns the column of every row.
    ///
    /// Each new row starts a Dijkstra search over the columns in which the
    /// length of edge (i, j) is its reduced cost c[i][j] - u[i] - v[j] >= 0.
    /// `shortest[j]` is the tentative distance of column j, `path[j]` the row
    /// it was reached from; only the columns not yet settled are scanned
    /// (kept packed in `remaining`). The search stops at the first free
    /// column; the potentials of the settled rows and columns then move by
    /// their distances, which keeps every reduced cost >= 0 and makes the
    /// path tight, and the path is flipped. (The same loop as SciPy's
    /// `linear_sum_assignment`, after Crouse, IEEE TAES 52, 2016.)
    static func assign(_ a: [Double], n: Int, m: Int) -> [Int] {
        var u = [Double](repeating: 0, count: n), v = [Double](repeating: 0, count: m)
        var columnOfRow = [Int](repeating: -1, count: n), rowOfColumn = [Int](repeating: -1, count: m)
        var shortest = [Double](repeating: .infinity, count: m)
        var path = [Int](repeating: -1, count: m)
        var remaining = [Int](repeating: 0, count: m)
        var rowSettled = [Bool](repeating: false, count: n), columnSettled = [Bool](repeating: false, count: m)
        // The scan runs O(n·m) times per row: raw buffers keep it free of bounds checks.
        a.withUnsafeBufferPointer { a in
        u.withUnsafeMutableBufferPointer { u in
        v.withUnsafeMutableBufferPointer { v in
        columnOfRow.withUnsafeMutableBufferPointer { columnOfRow in
        rowOfColumn.withUnsafeMutableBufferPointer { rowOfColumn in
        shortest.withUnsafeMutableBufferPointer { shortest in
        path.withUnsafeMutableBufferPointer { path in
        remaining.withUnsafeMutableBufferPointer { remaining in
        rowSettled.withUnsafeMutableBufferPointer { rowSettled in
        columnSettled.withUnsafeMutableBufferPointer { columnSettled in
            for start in 0..<n {
                for j in 0..<m { remaining[j] = m - 1 - j; shortest[j] = .infinity; columnSettled[j] = false }
                for i in 0..<n { rowSettled[i] = false }
                var left = m
                var distance = 0.0           // distance of the last settled column
                var sink = -1
                var i = start
                // 1. Dijkstra from the new row until a free column is settled.
                while sink < 0 {
                    rowSettled[i] = true
                    let base = i * m, ui = u[i]
                    var lowest = Double.infinity, at = -1
                    for k in 0..<left {
                        let j = remaining[k]
                        let d = distance + a[base + j] - ui - v[j]
                        if d < shortest[j] { path[j] = i; shortest[j] = d }
                        // Ties go to a free column: the search can stop sooner.
                        if shortest[j] < lowest || (shortest[j] == lowest && rowOfColumn[j] < 0) {
                            lowest = shortest[j]; at = k
                        }
                    }
                    distance = lowest
                    let j = remaining[at]
                    columnSettled[j] = true
                    left -= 1
                    remaining[at] = remaining[left]
                    if rowOfColumn[j] < 0 { sink = j } else { i = rowOfColumn[j] }
                }
                // 2. Move the potentials: settled rows and columns by their distance.
                u[start] += distance
                for r in 0..<n where rowSettled[r] && r != start { u[r] += distance - shortest[columnOfRow[r]] }
                for j in 0..<m where columnSettled[j] { v[j] -= distance - shortest[j] }
                // 3. Flip the path from the free column back to the new row.
                var j = sink
                while true {
                    let r = path[j]
                    rowOfColumn[j] = r
                    swap(&columnOfRow[r], &j)
                    if r == start { break }
                }
            }
        }}}}}}}}}}
        return columnOfRow
    }

    /// Σ cost[r][c] over the pairs.
    public static func assignmentCost(_ cost: [[Double]], _ pairs: [[Int]]) -> Double {
        pairs.reduce(0) { $0 + cost[$1[0]][$1[1]] }
    }
}
