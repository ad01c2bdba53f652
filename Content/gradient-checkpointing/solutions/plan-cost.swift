/// Walks the segments between consecutive boundaries 0, plan…, n.
func planCost(sizes: [Int], plan: [Int]) -> PlanCost {
    let n = sizes.count
    let cuts = [0] + plan + [n]
    var held = 0
    for c in plan { held += sizes[c - 1] }
    var largest = 0
    var recomputed = 0
    for s in 1..<cuts.count {
        let a = cuts[s - 1], b = cuts[s]
        var interior = 0
        var j = a + 1
        while j < b {
            interior += sizes[j - 1]
            j += 1
        }
        largest = max(largest, interior)
        recomputed += b - a - 1
    }
    return PlanCost(peakMemory: held + largest, forwardEvaluations: n + recomputed)
}
