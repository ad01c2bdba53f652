// Count adjacent pairs (lesson section "Training: merge the most frequent pair").
// Return [a, b, count] rows ordered by where each pair first appears.
// Overlapping pairs count: [97, 97, 97] → [[97, 97, 2]].
// Edge cases: [] and a single id have no pairs and give [].

func pairCounts(ids: [Int]) -> [[Int]] {
    // TODO: one pass over ids; remember which row each pair lives in.
    return []
}
