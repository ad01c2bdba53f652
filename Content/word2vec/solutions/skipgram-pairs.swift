func skipgramPairs(ids: [Int], window: Int) -> [[Int]] {
    var pairs: [[Int]] = []
    let n = ids.count
    for i in 0..<n {
        let lo = max(0, i - window), hi = min(n - 1, i + window)
        if lo > hi { continue }
        for j in lo...hi where j != i {
            pairs.append([ids[i], ids[j]])
        }
    }
    return pairs
}
