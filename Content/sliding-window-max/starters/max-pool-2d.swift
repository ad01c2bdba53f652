/// k×k max pooling with stride 1: the maximum of every k×k window of `grid`.
///
/// - Parameters:
///   - grid: R rows of C integers each, R, C ≥ 1.
///   - k: the window side, 1 ≤ k ≤ min(R, C).
/// - Returns: an (R - k + 1)×(C - k + 1) grid; entry [r][c] is the maximum of
///   the window whose top-left cell is grid[r][c].
/// - Complexity: aim for O(R·C); a 1000×1000 grid with k = 50 is timed.
///
/// Edge cases: k = 1 returns the grid itself; k = R = C returns one 1×1 grid;
/// a single row or a single column is a valid grid; values may be negative.
///
/// Example: grid = [[1, 3, 2, 0], [4, 5, 1, 2], [0, 2, 6, 4]], k = 2
///          → [[5, 5, 2], [5, 6, 6]].
func maxPool2D(grid: [[Int]], k: Int) -> [[Int]] {
    // TODO: see the lesson section "Two dimensions: max pooling".
    return []
}
