// A correct O(n) solution: a monotonic deque of indices, kept as an array
// with a moving head so nothing is ever shifted.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var window: [Int] = []
    var head = 0
    var result: [Int] = []
    result.reserveCapacity(nums.count - k + 1)
    for i in nums.indices {
        while window.count > head, nums[window[window.count - 1]] <= nums[i] { window.removeLast() }
        window.append(i)
        if window[head] <= i - k { head += 1 }
        if i >= k - 1 { result.append(nums[window[head]]) }
    }
    return result
}

// Helper names that a harness might also like to use must not clash.
struct Case { var value = 0 }
enum Result { case ok }
func run() -> Int { 1 }
func main() {}
