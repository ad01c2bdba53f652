import Testing
import Tensor
@testable import Engine

@Suite struct SlidingWindowTests {
    // MARK: hand-worked examples from Content/sliding-window-max/lesson.md

    static let worked = [1, 3, -1, -3, 5, 3, 6, 7]

    @Test func workedExampleBothMethods() {
        #expect(NaiveWindowMax.maxima(Self.worked, k: 3) == [3, 3, 5, 5, 6, 7])
        #expect(MonotonicDequeMax.maxima(Self.worked, k: 3) == [3, 3, 5, 5, 6, 7])
    }

    @Test func smallHandExamples() {
        #expect(MonotonicDequeMax.maxima([1], k: 1) == [1])
        #expect(MonotonicDequeMax.maxima([4, -2], k: 1) == [4, -2])
        #expect(MonotonicDequeMax.maxima([4, -2], k: 2) == [4])
        #expect(MonotonicDequeMax.maxima([2, 2, 2, 1, 2], k: 2) == [2, 2, 2, 2])
        #expect(MonotonicDequeMax.maxima([5, 4, 3, 2, 1], k: 3) == [5, 4, 3])
        #expect(MonotonicDequeMax.maxima([1, 2, 3, 4, 5], k: 3) == [3, 4, 5])
        #expect(MonotonicDequeMax.maxima([-7, -3, -9, -1], k: 2) == [-3, -3, -1])
    }

    /// The step table of the lesson: deque (indices) after each step and the output.
    @Test func workedExampleTrace() {
        let steps = MonotonicDequeMax.trace(Self.worked, k: 3)
        #expect(steps.map(\.deque) == [[0], [1], [1, 2], [1, 2, 3], [4], [4, 5], [6], [7]])
        #expect(steps.map(\.output) == [nil, nil, 3, 3, 5, 5, 6, 7])
        #expect(steps.map(\.expired) == [nil, nil, nil, nil, 1, nil, nil, nil])
        #expect(steps.map(\.poppedBack) == [[], [0], [], [], [3, 2], [], [5, 4], [6]])
        #expect(steps.map(\.windowStart) == [0, 0, 0, 1, 2, 3, 4, 5])
    }

    /// The lesson's 2-D example: k = 2 on a 3×4 grid.
    @Test func workedPoolExample() {
        let grid = [[1, 3, 2, 0],
                    [4, 5, 1, 2],
                    [0, 2, 6, 4]]
        #expect(MaxPool2D.pool(grid, k: 2) == [[5, 5, 2], [5, 6, 6]])
        #expect(NaiveWindowMax.maxPool2D(grid, k: 2) == [[5, 5, 2], [5, 6, 6]])
        #expect(MaxPool2D.pool(grid, k: 3) == [[6, 6]])
        #expect(MaxPool2D.pool(grid, k: 1) == grid)
        #expect(MaxPool2D.pool([[7]], k: 1) == [[7]])
    }

    // MARK: the ring buffer

    @Test func indexDequeWrapsAround() {
        var d = IndexDeque(capacity: 3)
        d.pushBack(1); d.pushBack(2); d.pushBack(3)
        #expect(d.popFront() == 1)
        d.pushBack(4)                              // wraps to slot 0
        #expect(d.contents == [2, 3, 4])
        #expect(d.front == 2 && d.back == 4)
        #expect(d.popBack() == 4)
        #expect(d.popFront() == 2)
        d.pushBack(5); d.pushBack(6)
        #expect(d.contents == [3, 5, 6])
        d.removeAll()
        #expect(d.isEmpty && d.contents.isEmpty)
    }

    @Test func indexDequeMatchesArrayModel() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let cap = rng.int(in: 1...6)
            var d = IndexDeque(capacity: cap)
            var model: [Int] = []
            for step in 0..<60 {
                switch rng.int(in: 0...2) {
                case 0 where model.count < cap: d.pushBack(step); model.append(step)
                case 1 where !model.isEmpty: #expect(d.popFront() == model.removeFirst())
                case 2 where !model.isEmpty: #expect(d.popBack() == model.removeLast())
                default: break
                }
                #expect(d.contents == model)
                #expect(d.count == model.count)
            }
        }
    }

    // MARK: fast versus naive on seeded random cases

    /// Values from a narrow range (many duplicates) or a wide one (negatives, large).
    static func randomArray(_ rng: inout SeededRandom, n: Int) -> [Int] {
        switch rng.int(in: 0...3) {
        case 0: return (0..<n).map { _ in rng.int(in: 0...2) }                  // duplicates
        case 1: return (0..<n).map { _ in rng.int(in: -50...50) }
        case 2: return (0..<n).map { _ in rng.int(in: -1_000_000_000...1_000_000_000) }
        default:                                                               // runs up and down
            var x = rng.int(in: -10...10)
            return (0..<n).map { _ in x += rng.int(in: -3...3); return x }
        }
    }

    @Test func dequeMatchesNaiveOnThousandsOfCases() {
        var rng = SeededRandom(seed: 239)
        var checked = 0
        for caseIndex in 0..<4000 {
            let n = rng.int(in: 1...(caseIndex < 3000 ? 12 : 120))
            let nums = Self.randomArray(&rng, n: n)
            // k = 1 and k = n in every fifth case, otherwise anything in 1...n.
            let k = switch caseIndex % 5 { case 0: 1; case 1: n; default: rng.int(in: 1...n) }
            let expected = NaiveWindowMax.maxima(nums, k: k)
            #expect(expected.count == n - k + 1)
            let got = MonotonicDequeMax.maxima(nums, k: k)
            #expect(got == expected, "nums \(nums), k \(k)")
            let traced = MonotonicDequeMax.trace(nums, k: k)
            #expect(traced.compactMap(\.output) == expected, "trace of nums \(nums), k \(k)")
            checked += 1
        }
        #expect(checked == 4000)
    }

    /// The invariants of the lesson hold after every step.
    @Test func traceKeepsInvariants() {
        var rng = SeededRandom(seed: 3)
        for _ in 0..<1000 {
            let n = rng.int(in: 1...40)
            let nums = Self.randomArray(&rng, n: n)
            let k = rng.int(in: 1...n)
            var pushes = 0, pops = 0
            for step in MonotonicDequeMax.trace(nums, k: k) {
                let d = step.deque
                #expect(d.last == step.i)
                #expect(d.count <= k)
                #expect(d.first! >= step.i - k + 1)
                for j in 1..<max(1, d.count) {
                    #expect(d[j - 1] < d[j])
                    #expect(nums[d[j - 1]] > nums[d[j]])
                }
                pushes += 1
                pops += step.poppedBack.count + (step.expired == nil ? 0 : 1)
            }
            #expect(pops <= pushes)                // each index leaves at most once
        }
    }

    @Test func poolMatchesNaiveOnThousandsOfCases() {
        var rng = SeededRandom(seed: 2012)
        for caseIndex in 0..<2000 {
            let rows = rng.int(in: 1...9), cols = rng.int(in: 1...9)
            let small = min(rows, cols)
            let k = switch caseIndex % 5 { case 0: 1; case 1: small; default: rng.int(in: 1...small) }
            let grid = (0..<rows).map { _ in Self.randomArray(&rng, n: cols) }
            let expected = NaiveWindowMax.maxPool2D(grid, k: k)
            #expect(expected.count == rows - k + 1 && expected.allSatisfy { $0.count == cols - k + 1 })
            #expect(MaxPool2D.pool(grid, k: k) == expected, "grid \(grid), k \(k)")
        }
    }

    /// Separability, checked directly: pooling equals the 1-D maxima along
    /// rows followed by the 1-D maxima down columns.
    @Test func poolIsRowsThenColumns() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let rows = rng.int(in: 1...10), cols = rng.int(in: 1...10)
            let k = rng.int(in: 1...min(rows, cols))
            let grid = (0..<rows).map { _ in (0..<cols).map { _ in rng.int(in: -9...9) } }
            let h = grid.map { NaiveWindowMax.maxima($0, k: k) }                     // [R, C-k+1]
            let columns = (0..<(cols - k + 1)).map { c in NaiveWindowMax.maxima(h.map { $0[c] }, k: k) }
            let expected = (0..<(rows - k + 1)).map { r in columns.map { $0[r] } }  // transpose back
            #expect(MaxPool2D.pool(grid, k: k) == expected)
        }
    }

    /// A large case stays linear: n = 10^6 with k = n/2 finishes quickly and
    /// agrees with a cheap independent answer (prefix and suffix maxima).
    @Test func largeCaseAgreesWithBlockMethod() {
        var rng = SeededRandom(seed: 99)
        let n = 1_000_000, k = n / 2
        let nums = (0..<n).map { _ in rng.int(in: -1_000_000...1_000_000) }
        // van Herk / Gil-Werman: blocks of k, prefix maxima within a block,
        // suffix maxima within a block; a window is suffix[s] ⊔ prefix[s+k-1].
        var prefix = nums, suffix = nums
        for i in 1..<n where i % k != 0 { prefix[i] = max(prefix[i - 1], nums[i]) }
        for i in stride(from: n - 2, through: 0, by: -1) where (i + 1) % k != 0 { suffix[i] = max(suffix[i + 1], nums[i]) }
        let expected = (0...(n - k)).map { s in max(suffix[s], prefix[s + k - 1]) }
        #expect(MonotonicDequeMax.maxima(nums, k: k) == expected)
    }
}
