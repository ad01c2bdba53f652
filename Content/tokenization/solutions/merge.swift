// Solution: one left-to-right pass; after a match, skip both ids so matches never overlap.

func mergePair(ids: [Int], pair: [Int], newId: Int) -> [Int] {
    var out: [Int] = []
    var i = 0
    while i < ids.count {
        if i + 1 < ids.count && ids[i] == pair[0] && ids[i + 1] == pair[1] {
            out.append(newId)
            i += 2
        } else {
            out.append(ids[i])
            i += 1
        }
    }
    return out
}
