/// The maximum of every window of `k` consecutive elements of `nums`, in one
/// pass with a monotonic deque of indices.
///
/// - Parameters:
///   - nums: the array, at least one element (up to a million in the timed cases).
///   - k: the window size, 1 ≤ k ≤ nums.count.
/// - Returns: n - k + 1 maxima, window by window from the left.
/// - Complexity: must be O(n); an O(n·k) solution is too slow for k = n/2.
///
/// Edge cases: k = 1 returns `nums` itself; k = n returns one value; the
/// values may be negative (so 0 is not a safe starting maximum) and may repeat.
///
/// Example: nums = [1, 3, -1, -3, 5, 3, 6, 7], k = 3 → [3, 3, 5, 5, 6, 7].
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    // TODO: see the lesson sections "The monotonic deque" and "Why one pass is O(n)".
    return []
}
