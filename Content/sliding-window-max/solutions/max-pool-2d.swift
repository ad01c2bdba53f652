// Solution: a k×k maximum is a maximum down a column of maxima along rows,
// so pool every row with the 1-D deque pass, then every column of the result.
// Each pass is O(cells), so the whole is O(R·C) for any k.

func maxPool2D(grid: [[Int]], k: Int) -> [[Int]] {
    let rows = grid.count, cols = grid[0].count
    // Pass 1: rows. h is R × (C - k + 1).
    let h = grid.map { windowMaxima($0, k) }
    // Pass 2: columns of h, each giving R - k + 1 values.
    let outCols = cols - k + 1
    var out = [[Int]](repeating: [Int](repeating: 0, count: outCols), count: rows - k + 1)
    var column = [Int](repeating: 0, count: rows)
    for c in 0..<outCols {
        for r in 0..<rows { column[r] = h[r][c] }
        for (r, value) in windowMaxima(column, k).enumerated() { out[r][c] = value }
    }
    return out
}

/// The 1-D sliding-window maximum with a monotonic deque of indices.
private func windowMaxima(_ values: [Int], _ k: Int) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(values.count - k + 1)
    var deque = [Int](repeating: 0, count: values.count)
    var head = 0, tail = 0
    for i in 0..<values.count {
        if head < tail && deque[head] == i - k { head += 1 }
        while head < tail && values[deque[tail - 1]] <= values[i] { tail -= 1 }
        deque[tail] = i
        tail += 1
        if i >= k - 1 { out.append(values[deque[head]]) }
    }
    return out
}
