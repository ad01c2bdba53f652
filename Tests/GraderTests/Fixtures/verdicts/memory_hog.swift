// Keeps every window as its own array, and then some: grows without bound.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var hoard: [[Int]] = []
    while true {
        hoard.append([Int](repeating: hoard.count, count: 1 << 20))
        if hoard.count < 0 { break }
    }
    return hoard.map { $0[0] }
}
