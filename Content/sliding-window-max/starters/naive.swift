/// The maximum of every window of `k` consecutive elements of `nums`,
/// found by scanning each window in full.
///
/// - Parameters:
///   - nums: the array, at least one element.
///   - k: the window size, 1 ≤ k ≤ nums.count.
/// - Returns: n - k + 1 maxima, window by window from the left.
///
/// Edge cases: k = 1 returns `nums` itself; k = n returns one value; the
/// values may be negative (so 0 is not a safe starting maximum) and may repeat.
///
/// Example: nums = [1, 3, -1, -3, 5, 3, 6, 7], k = 3 → [3, 3, 5, 5, 6, 7].
func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] {
    // TODO: see the lesson section "The brute force".
    return []
}
