// Solution: a monotonic deque of indices kept in an array with a head index,
// so popping the front is O(1). Every index is pushed once and popped at most
// once: O(n) in total.

func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(nums.count - k + 1)
    var deque = [Int](repeating: 0, count: nums.count)   // slots head..<tail are live
    var head = 0, tail = 0
    for i in 0..<nums.count {
        // 1. The front leaves the window [i - k + 1, i].
        if head < tail && deque[head] == i - k { head += 1 }
        // 2. Older values that are not larger can never be a maximum again.
        while head < tail && nums[deque[tail - 1]] <= nums[i] { tail -= 1 }
        // 3. Push i at the back.
        deque[tail] = i
        tail += 1
        // 4. The front is the maximum of a full window.
        if i >= k - 1 { out.append(nums[deque[head]]) }
    }
    return out
}
