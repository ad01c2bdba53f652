// Solution: the plain BPE loop. Count every pair, merge the most frequent
// (ties: the pair that appears first), repeat. O(merges × length), which is
// fine for the exercise; the lesson explains how to avoid the recount.

func trainBPE(text: String, vocabSize: Int) -> [[Int]] {
    var ids = Array(text.utf8).map { Int($0) }
    var merges: [[Int]] = []
    while 256 + merges.count < vocabSize {
        guard let best = trainMostFrequentPair(ids) else { break }
        let newId = 256 + merges.count
        merges.append(best)
        ids = trainMerge(ids, best, newId)
    }
    return merges
}

/// The most frequent adjacent pair; the first one seen wins a tie. Nil if none.
func trainMostFrequentPair(_ ids: [Int]) -> [Int]? {
    guard ids.count >= 2 else { return nil }
    var order: [[Int]] = []
    var count: [[Int]: Int] = [:]
    for i in 0..<(ids.count - 1) {
        let pair = [ids[i], ids[i + 1]]
        if count[pair] == nil { order.append(pair) }
        count[pair, default: 0] += 1
    }
    var best = order[0]
    for pair in order where count[pair]! > count[best]! { best = pair }   // strictly greater keeps the earlier
    return best
}

func trainMerge(_ ids: [Int], _ pair: [Int], _ newId: Int) -> [Int] {
    var out: [Int] = []
    var i = 0
    while i < ids.count {
        if i + 1 < ids.count && ids[i] == pair[0] && ids[i + 1] == pair[1] {
            out.append(newId); i += 2
        } else {
            out.append(ids[i]); i += 1
        }
    }
    return out
}
