// Solution: scan each of the n - k + 1 windows in full. O(n·k).

func maxSlidingWindowNaive(nums: [Int], k: Int) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(nums.count - k + 1)
    for start in 0...(nums.count - k) {
        var best = nums[start]                 // not 0: the numbers may be negative
        for j in (start + 1)..<(start + k) where nums[j] > best {
            best = nums[j]
        }
        out.append(best)
    }
    return out
}
