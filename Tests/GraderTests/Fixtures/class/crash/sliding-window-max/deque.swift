// Reads one element past the end of every window: Index out of range.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var result: [Int] = []
    for start in 0...(nums.count - k) {
        var best = Int.min
        for j in start...(start + k) { best = max(best, nums[j]) }
        result.append(best)
    }
    return result
}
