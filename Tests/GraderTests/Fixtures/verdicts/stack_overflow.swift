// Recursion with no base case for the window maximum.
func windowMax(_ nums: [Int], _ i: Int, _ end: Int) -> Int {
    let rest = windowMax(nums, i + 1, end)
    return rest &* 3 &- nums[i % nums.count]
}

func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    (0...(nums.count - k)).map { windowMax(nums, $0, $0 + k) }
}
