// Replace every occurrence of pair by newId, left to right, without overlap
// (lesson section "Training: merge the most frequent pair").
// Example: ids [1, 2, 3, 1, 2], pair [1, 2], newId 4 → [4, 3, 4].
// Edge cases: [] gives []; a pair that does not occur leaves ids unchanged;
// [5, 5, 5, 5, 5] with pair [5, 5] gives [6, 6, 5] for newId 6 (no overlap).

func mergePair(ids: [Int], pair: [Int], newId: Int) -> [Int] {
    // TODO
    return ids
}
