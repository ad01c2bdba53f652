// Solution: count adjacent pairs, remembering the order in which pairs first appear.

func pairCounts(ids: [Int]) -> [[Int]] {
    var result: [[Int]] = []          // [a, b, count] in first-occurrence order
    var row: [[Int]: Int] = [:]       // pair → its row in result
    if ids.count < 2 { return result }
    for i in 0..<(ids.count - 1) {
        let pair = [ids[i], ids[i + 1]]
        if let r = row[pair] {
            result[r][2] += 1
        } else {
            row[pair] = result.count
            result.append([ids[i], ids[i + 1], 1])
        }
    }
    return result
}
