func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var i = 0
    while i < nums.count { i = (i + 1) % max(nums.count, 1) }
    return []
}
