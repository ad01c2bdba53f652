/// The maximum of every window of k consecutive readings, in order
/// (nums.count - k + 1 numbers; 1 <= k <= nums.count).
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    []
}
