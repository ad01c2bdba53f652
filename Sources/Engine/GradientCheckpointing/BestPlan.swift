/// The best checkpointing plan under a memory budget: the most checkpoints
/// (so the fewest forward evaluations, 2n - 1 - |plan|) whose peak memory
/// fits. The cost model is `PlanCost.swift`'s (Chen et al. 2016, §3-4);
/// Griewank and Walther's `revolve` (ACM TOMS 26, 2000) solves the related
/// problem of equal-size steps with a fixed number of slots and repeated
/// recomputation, which this model does not allow.
///
/// Write M for the largest segment interior and W for the checkpoints'
/// total size, so peak = W + M. For a fixed bound M the plans whose every
/// interior is at most M are those with a checkpoint inside every run of
/// layers heavier than M: interval constraints. With the count of
/// checkpoints fixed too, the constraint matrix has consecutive ones in
/// every row, so it is totally unimodular, and the least total size with k
/// checkpoints, W_M(k), is convex in k. Then
///
/// ```
/// K(M) = max { k : W_M(k) <= budget - M }      answer = max over M of K(M)
/// ```
///
/// and K(M) is read off Lagrangian relaxations: for an integer price λ the
/// plan minimising Σ_{c ∈ plan} (size(x_c) - λ) is one sliding-window
/// dynamic program, O(n), and a binary search over λ finds the last linear
/// piece of W_M that stays under the budget (the "Aliens trick").
///
/// Only the values of M that are interior sums can be optimal (between two
/// of them W_M does not change while the budget shrinks). They are visited
/// in increasing order by merging n sorted lists; two bounds prune them:
/// K(M) is at most the number of smallest layers whose sizes fit in
/// budget - M (which only falls as M grows, so the search stops), and at
/// most (budget - M - g_M(λ*)) / λ* for the price λ* of the best plan so far
/// (one dynamic program instead of a binary search).
///
/// - Complexity: O(n) per visited M, O(n log max size) when it is not pruned;
///   O(n · |plan|) once to build the plan.
extension Checkpointing {
    /// A plan with peak memory <= `budget` and the most checkpoints; nil if none fits.
    ///
    /// - Parameters:
    ///   - sizes: the size of x_1 … x_n, each >= 1 (x_n, the output, never counts).
    ///   - budget: the memory budget, >= 0.
    public static func bestPlan(sizes: [Int], budget: Int) -> [Int]? {
        let n = sizes.count
        precondition(n >= 1 && sizes.allSatisfy { $0 >= 1 } && budget >= 0, "sizes >= 1, n >= 1, budget >= 0")
        if n == 1 { return [] }
        let chain = Chain(sizes: sizes)
        // Every layer 1...n-1 is either a checkpoint or inside a segment, so
        // no plan peaks above their total; storing everything reaches it.
        if budget >= chain.total { return Array(1..<n) }

        let smallest = sizes[0..<(n - 1)].sorted()
        var smallestPrefix = [0]
        for s in smallest { smallestPrefix.append(smallestPrefix.last! + s) }
        var greedyCount = n - 1            // K(M) <= greedyCount(M), falling as M grows

        var best: (count: Int, bound: Int, price: Int)? = nil
        var candidates = InteriorSums(chain: chain)
        while let m = candidates.next(), m <= budget {
            let room = budget - m
            while greedyCount > 0 && smallestPrefix[greedyCount] > room { greedyCount -= 1 }
            if let b = best, greedyCount <= b.count { break }
            if let b = best {
                let g = chain.relaxed(bound: m, price: b.price)
                if (room - g.value) / b.price <= b.count { continue }
            }
            if let found = chain.mostCheckpoints(bound: m, room: room), found.count > (best?.count ?? -1) {
                best = (found.count, m, found.price)
            }
        }
        guard let b = best else { return nil }
        return chain.lightestPlan(bound: b.bound, count: b.count)
    }

    /// Prefix sums of a chain and the dynamic programs over it.
    struct Chain {
        let sizes: [Int]
        let n: Int
        /// prefix[j] = size(x_1) + … + size(x_j), j = 0...n.
        let prefix: [Int]
        var total: Int { prefix[n - 1] }

        init(sizes: [Int]) {
            self.sizes = sizes
            n = sizes.count
            var p = [0]
            p.reserveCapacity(n + 1)
            for s in sizes { p.append(p.last! + s) }
            prefix = p
        }

        /// Σ_{a<j<b} size(x_j).
        @inline(__always) func interior(_ a: Int, _ b: Int) -> Int { prefix[b - 1] - prefix[a] }

        /// min over plans with every interior <= bound of Σ_{c ∈ plan} (size(x_c) - price),
        /// with the most checkpoints among the minimisers.
        ///
        /// dp[i] = size(x_i) - price + min_{j in window(i)} dp[j], dp[0] = 0, where
        /// window(i) = { j < i : interior(j, i) <= bound } slides right as i grows,
        /// so a monotone deque gives each minimum in O(1) amortised.
        func relaxed(bound: Int, price: Int) -> (value: Int, count: Int) {
            var value = [Int](repeating: 0, count: n + 1), count = [Int](repeating: 0, count: n + 1)
            var deque = [Int](repeating: 0, count: n + 1)
            // Called O(log max size) times per candidate M: raw buffers, no bounds checks.
            return value.withUnsafeMutableBufferPointer { value in
            count.withUnsafeMutableBufferPointer { count in
            deque.withUnsafeMutableBufferPointer { deque in
            prefix.withUnsafeBufferPointer { prefix in
            sizes.withUnsafeBufferPointer { sizes in
                var head = 0, tail = 1             // deque holds j = 0
                var low = 0
                for i in 1..<n {
                    while prefix[i - 1] - prefix[low] > bound { low += 1 }
                    while deque[head] < low { head += 1 }   // j = i-1 is always in the window
                    let j = deque[head]
                    value[i] = value[j] + sizes[i - 1] - price
                    count[i] = count[j] + 1
                    while tail > head, value[deque[tail - 1]] > value[i]
                            || (value[deque[tail - 1]] == value[i] && count[deque[tail - 1]] <= count[i]) {
                        tail -= 1
                    }
                    deque[tail] = i; tail += 1
                }
                // The last segment (j, n].
                while prefix[n - 1] - prefix[low] > bound { low += 1 }
                while deque[head] < low { head += 1 }
                return (value[deque[head]], count[deque[head]])
            }}}}}
        }

        /// K(M): the most checkpoints with every interior <= bound and total size <= room,
        /// and the price λ whose linear piece of W_M holds it; nil when even the lightest
        /// such plan is too heavy.
        func mostCheckpoints(bound: Int, room: Int) -> (count: Int, price: Int)? {
            func weightAt(_ price: Int) -> (count: Int, weight: Int) {
                let r = relaxed(bound: bound, price: price)
                return (r.count, r.value + price * r.count)     // W_M(k) on the minimiser k
            }
            guard weightAt(0).weight <= room else { return nil }
            // Above the largest size every layer is worth taking: all n-1, weight = total > room.
            var low = 0, high = (sizes.max() ?? 0) + 1
            while high - low > 1 {
                let mid = (low + high) / 2
                if weightAt(mid).weight <= room { low = mid } else { high = mid }
            }
            // Between the minimisers at `low` and at `high`, W_M grows by exactly `high` per checkpoint.
            let a = weightAt(low), b = weightAt(high)
            return (a.count + min(b.count - a.count, (room - a.weight) / high), high)
        }

        /// A plan with exactly `count` checkpoints, every interior <= bound, and the
        /// least total size: dp over (checkpoints used, last checkpoint).
        func lightestPlan(bound: Int, count: Int) -> [Int] {
            let unreachable = Int.max / 4
            var current = [Int](repeating: unreachable, count: n + 1)
            current[0] = 0
            var parent = [[Int32]]()
            parent.reserveCapacity(count)
            var deque = [Int](repeating: 0, count: n + 1)
            for _ in 0..<count {
                var next = [Int](repeating: unreachable, count: n + 1)
                var from = [Int32](repeating: -1, count: n + 1)
                var head = 0, tail = 0, low = 0, pushed = 0
                for i in 1..<n {
                    while pushed < i {       // offer j = pushed to the window
                        if current[pushed] < unreachable {
                            while tail > head, current[deque[tail - 1]] >= current[pushed] { tail -= 1 }
                            deque[tail] = pushed; tail += 1
                        }
                        pushed += 1
                    }
                    while interior(low, i) > bound { low += 1 }
                    while head < tail, deque[head] < low { head += 1 }
                    if head < tail {
                        next[i] = current[deque[head]] + sizes[i - 1]
                        from[i] = Int32(deque[head])
                    }
                }
                parent.append(from)
                current = next
            }
            // The last segment (last checkpoint, n].
            var end = -1
            for j in 0..<n where current[j] < unreachable && interior(j, n) <= bound {
                if end < 0 || current[j] < current[end] { end = j }
            }
            precondition(end >= 0 || count == 0, "no plan with \(count) checkpoints under bound \(bound)")
            var plan: [Int] = []
            var at = count == 0 ? 0 : end
            for level in stride(from: count - 1, through: 0, by: -1) {
                plan.append(at)
                at = Int(parent[level][at])
            }
            return plan.reversed()
        }
    }

    /// The distinct values of interior(a, b), 0 <= a < b <= n, in increasing
    /// order: a merge of the n lists interior(a, a+1) <= interior(a, a+2) <= …
    /// through a binary heap.
    struct InteriorSums {
        let chain: Chain
        private var heap: [(value: Int, a: Int, b: Int)]
        private var last = -1

        init(chain: Chain) {
            self.chain = chain
            heap = (0..<chain.n).map { (0, $0, $0 + 1) }   // all zeros: already a heap
        }

        mutating func next() -> Int? {
            while let top = heap.first {
                if top.b < chain.n {
                    heap[0] = (chain.interior(top.a, top.b + 1), top.a, top.b + 1)
                } else {
                    heap[0] = heap[heap.count - 1]
                    heap.removeLast()
                }
                siftDown()
                if top.value != last { last = top.value; return top.value }
            }
            return nil
        }

        private mutating func siftDown() {
            var i = 0
            let count = heap.count
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < count && heap[l].value < heap[m].value { m = l }
                if r < count && heap[r].value < heap[m].value { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
    }
}
