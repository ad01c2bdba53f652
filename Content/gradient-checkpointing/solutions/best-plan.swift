/// Tries every candidate bound M on the largest segment interior (each an
/// interior sum <= budget). For one M, a dynamic program adds checkpoints one
/// at a time: best[i] is the least total checkpoint size of a plan whose last
/// checkpoint is i, every segment so far having interior <= M. The largest
/// count whose last segment also fits, with total size <= budget - M, wins.
func bestPlan(sizes: [Int], budget: Int) -> [Int]? {
    let n = sizes.count
    if n == 1 { return [] }
    var prefix = [0]
    for s in sizes { prefix.append(prefix.last! + s) }
    func interior(_ a: Int, _ b: Int) -> Int { prefix[b - 1] - prefix[a] }
    if budget >= prefix[n - 1] { return Array(1..<n) }

    var candidates = Set<Int>()
    for a in 0..<n {
        for b in (a + 1)...n where interior(a, b) <= budget { candidates.insert(interior(a, b)) }
    }
    let unreachable = Int.max / 4
    var bestPlan: [Int]? = nil
    for m in candidates.sorted() {
        let room = budget - m
        var current = [Int](repeating: unreachable, count: n)   // k checkpoints, last at i
        current[0] = 0
        var parents: [[Int]] = []
        var k = 0
        while true {
            // Does a plan with k checkpoints close the last segment within the room?
            var end = -1
            for j in 0..<n where current[j] <= room && interior(j, n) <= m {
                if end < 0 || current[j] < current[end] { end = j }
            }
            if end >= 0 && k > (bestPlan?.count ?? -1) {
                var plan: [Int] = []
                var at = end
                var level = k
                while level > 0 {
                    plan.append(at)
                    at = parents[level - 1][at]
                    level -= 1
                }
                bestPlan = plan.reversed()
            }
            if !current.contains(where: { $0 <= room }) || k == n - 1 { break }
            // One more checkpoint.
            var next = [Int](repeating: unreachable, count: n)
            var from = [Int](repeating: -1, count: n)
            for i in 1..<n {
                for j in 0..<i where current[j] <= room && interior(j, i) <= m {
                    let w = current[j] + sizes[i - 1]
                    if w < next[i] { next[i] = w; from[i] = j }
                }
            }
            parents.append(from)
            current = next
            k += 1
        }
    }
    return bestPlan
}
