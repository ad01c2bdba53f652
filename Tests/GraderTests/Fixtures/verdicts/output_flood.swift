func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var n = 0
    while true {
        print("debugging line \(n): still looking at the window that starts at \(n % max(nums.count, 1))")
        n += 1
    }
}
