func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var result: [Int] = []
    for i in 0...(nums.count - k) {
        result.append(nums[i..<(i + k)].max()!)
    }
    return reslt
}
