/// 2-D max pooling (k×k windows, stride 1) as two separable 1-D passes.
///
/// A max over a k×k square splits into a max over columns of maxima over rows:
///
/// ```
/// out[r][c] = max_{0≤a<k} max_{0≤b<k} grid[r+a][c+b]
///           = max_{0≤a<k} H[r+a][c]      where H[y][c] = max_{0≤b<k} grid[y][c+b]
/// ```
///
/// so pooling is the 1-D sliding-window maximum run twice:
///
/// 1. along every row of the R×C grid → H, shaped R×(C-k+1);
/// 2. down every column of H → out, shaped (R-k+1)×(C-k+1).
///
/// Each pass uses the monotonic deque of `MonotonicDequeMax`, so each costs
/// O(cells) however large k is. This is the stride-1 "max pooling" layer of
/// convolutional networks (e.g. Krizhevsky, Sutskever and Hinton, "ImageNet
/// Classification with Deep Convolutional Neural Networks", 2012, section 3.4,
/// which uses overlapping pooling), and the separable 1-D decomposition is
/// the classic one for morphological dilation by a square (van Herk 1992;
/// Gil and Werman 1993).
///
/// Example (worked in the lesson), k = 2:
///
/// ```
/// grid           H (rows)      out (columns of H)
/// 1 3 2 0        3 3 2         5 5 2
/// 4 5 1 2   →    5 5 2    →    5 6 6
/// 0 2 6 4        2 6 6
/// ```
///
/// - Complexity: O(R·C) time; O(R·C) extra space for H plus O(k) for the deque.
public enum MaxPool2D {
    /// k×k max pooling with stride 1 of a rectangular grid.
    ///
    /// - Precondition: `grid` is non-empty and rectangular, `1 <= k <= min(R, C)`.
    public static func pool(_ grid: [[Int]], k: Int) -> [[Int]] {
        let rows = grid.count
        let cols = grid.first?.count ?? 0
        precondition(rows > 0 && cols > 0, "maxPool2D needs a non-empty grid")
        precondition(grid.allSatisfy { $0.count == cols }, "maxPool2D needs a rectangular grid")
        precondition(k >= 1 && k <= min(rows, cols),
                     "window size k must be between 1 and min(rows, cols) (\(min(rows, cols))), got \(k)")
        let outRows = rows - k + 1
        let outCols = cols - k + 1
        var deque = IndexDeque(capacity: k)

        // Pass 1: window maxima along each row.       H: [rows, outCols], row-major
        var h = [Int](repeating: 0, count: rows * outCols)
        h.withUnsafeMutableBufferPointer { hb in
            for r in 0..<rows {
                grid[r].withUnsafeBufferPointer { row in
                    windowMaxima(row.baseAddress!, count: cols, stride: 1, k: k,
                                 into: hb.baseAddress! + r * outCols, outStride: 1, deque: &deque)
                }
            }
        }

        // Pass 2: window maxima down each column of H. out: [outRows, outCols], row-major
        var flat = [Int](repeating: 0, count: outRows * outCols)
        h.withUnsafeBufferPointer { hb in
            flat.withUnsafeMutableBufferPointer { ob in
                for c in 0..<outCols {
                    windowMaxima(hb.baseAddress! + c, count: rows, stride: outCols, k: k,
                                 into: ob.baseAddress! + c, outStride: outCols, deque: &deque)
                }
            }
        }
        return (0..<outRows).map { r in Array(flat[(r * outCols)..<((r + 1) * outCols)]) }
    }

    /// The 1-D monotonic-deque pass over a strided line of values.
    ///
    /// Reads `count` values `base[0], base[stride], …` and writes the
    /// `count - k + 1` window maxima to `out[0], out[outStride], …`. Same
    /// four steps as `MonotonicDequeMax.maxima`; here indices count positions
    /// along the line, and the caller's deque is reused so no line allocates.
    ///
    /// - Complexity: O(count).
    @inline(__always)
    static func windowMaxima(_ base: UnsafePointer<Int>, count: Int, stride: Int, k: Int,
                             into out: UnsafeMutablePointer<Int>, outStride: Int,
                             deque: inout IndexDeque) {
        deque.removeAll()
        var written = 0
        for i in 0..<count {
            let v = base[i * stride]
            if !deque.isEmpty && deque.front <= i - k { deque.popFront() }
            while !deque.isEmpty && base[deque.back * stride] <= v { deque.popBack() }
            deque.pushBack(i)
            if i >= k - 1 {
                out[written * outStride] = base[deque.front * stride]
                written += 1
            }
        }
    }
}
