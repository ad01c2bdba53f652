// Correct but O(n·k): rescans every window.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(nums.count - k + 1)
    for start in 0...(nums.count - k) {
        var best = nums[start]
        var j = start + 1
        while j < start + k { if nums[j] > best { best = nums[j] }; j += 1 }
        result.append(best)
    }
    return result
}
