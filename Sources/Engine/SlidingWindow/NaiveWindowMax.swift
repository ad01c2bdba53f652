/// Sliding-window maximum by brute force: look at every window in full.
///
/// For an array `nums` of length n and a window size k (1 ≤ k ≤ n) the
/// answer has n - k + 1 entries:
///
/// ```
/// out[s] = max(nums[s], nums[s+1], …, nums[s+k-1])      for s = 0 … n-k
/// ```
///
/// Example (the lesson's worked example, LeetCode problem 239):
/// `nums = [1, 3, -1, -3, 5, 3, 6, 7], k = 3 → [3, 3, 5, 5, 6, 7]`.
///
/// Neighbouring windows share k - 1 elements, and the scan below throws that
/// overlap away: every window is read again from scratch. That is exactly the
/// waste the monotonic deque (`SlidingWindow.maxima`) removes. The brute force
/// stays here because it is obviously right, so the fast versions are tested
/// against it.
///
/// - Complexity: O((n - k + 1) · k) time, which is O(n·k) and, for k = n/2,
///   O(n²); O(1) extra space besides the output.
public enum NaiveWindowMax {
    /// The maximum of every window of `k` consecutive elements of `nums`.
    ///
    /// - Precondition: `1 <= k <= nums.count`.
    public static func maxima(_ nums: [Int], k: Int) -> [Int] {
        precondition(k >= 1 && k <= nums.count,
                     "window size k must be between 1 and nums.count (\(nums.count)), got \(k)")
        let n = nums.count
        var out: [Int] = []                      // [n - k + 1]
        out.reserveCapacity(n - k + 1)
        for start in 0...(n - k) {
            var best = nums[start]
            for j in (start + 1)..<(start + k) where nums[j] > best { best = nums[j] }
            out.append(best)
        }
        return out
    }

    /// 2-D max pooling (k×k windows, stride 1) by scanning every window cell by cell.
    ///
    /// ```
    /// out[r][c] = max{ grid[r + a][c + b] : 0 ≤ a < k, 0 ≤ b < k }
    /// ```
    ///
    /// `grid` is R×C, the output (R - k + 1)×(C - k + 1).
    ///
    /// - Precondition: `grid` is rectangular and non-empty, `1 <= k <= min(R, C)`.
    /// - Complexity: O((R-k+1)·(C-k+1)·k²) time.
    public static func maxPool2D(_ grid: [[Int]], k: Int) -> [[Int]] {
        let rows = grid.count
        let cols = grid.first?.count ?? 0
        precondition(grid.allSatisfy { $0.count == cols }, "maxPool2D needs a rectangular grid")
        precondition(k >= 1 && k <= min(rows, cols),
                     "window size k must be between 1 and min(rows, cols) (\(min(rows, cols))), got \(k)")
        var out: [[Int]] = []                    // [R - k + 1][C - k + 1]
        out.reserveCapacity(rows - k + 1)
        for r in 0...(rows - k) {
            var line: [Int] = []
            line.reserveCapacity(cols - k + 1)
            for c in 0...(cols - k) {
                var best = grid[r][c]
                for a in r..<(r + k) {
                    for b in c..<(c + k) where grid[a][b] > best { best = grid[a][b] }
                }
                line.append(best)
            }
            out.append(line)
        }
        return out
    }
}
