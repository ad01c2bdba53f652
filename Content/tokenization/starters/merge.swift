// Replace every occurrence of pair by newId, left to right, without overlap
// (lesson section "Training: merge the most frequent pair").
// Example: ids [1, 2, 3, 1, 2], pair [1, 2], newId 4 → [4, 3, 4].

func mergePair(ids: [Int], pair: [Int], newId: Int) -> [Int] {
    // TODO
    return ids
}
