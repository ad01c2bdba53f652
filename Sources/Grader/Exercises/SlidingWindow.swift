import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 1).
enum SlidingWindowExercises {
    static let all: [ExerciseSpec] = [naive, deque, maxPool2D]

    /// `{nums: [Int], k: Int}`, shared by the naive and deque exercises.
    struct WindowCase: Codable, Sendable, Equatable {
        var nums: [Int]
        var k: Int
    }

    /// `{grid: [[Int]], k: Int}`.
    struct GridCase: Codable, Sendable, Equatable {
        var grid: [[Int]]
        var k: Int
    }

    static let naive = ExerciseSpec.define(
        id: "sliding-window-max/naive",
        signature: Signature(function: "maxSlidingWindowNaive",
                             parameters: [.init("nums", "[Int]"), .init("k", "Int")], returns: "[Int]"),
        input: WindowCase.self,
        validate: validateWindow,
        reference: { NaiveWindowMax.maxima($0.nums, k: $0.k) },
        generate: { rng in windowGroups(&rng) },
        shrink: shrinkWindow)

    static let deque = ExerciseSpec.define(
        id: "sliding-window-max/deque",
        signature: Signature(function: "maxSlidingWindow",
                             parameters: [.init("nums", "[Int]"), .init("k", "Int")], returns: "[Int]"),
        input: WindowCase.self,
        validate: validateWindow,
        reference: { MonotonicDequeMax.maxima($0.nums, k: $0.k) },
        generate: { rng in windowGroups(&rng) },
        shrink: shrinkWindow,
        performance: PerformanceSpec(
            // n = 10^6 with k ∈ {2, 1000, n/2}: O(n·k) is fine for k = 2 and hopeless
            // for k = n/2. On random data the deque stays short, so the k = n/2
            // case uses falling values, which keep k indices in the deque: a
            // deque whose front pop is O(k) (Array.removeFirst) is O(n·k) there.
            // The random cases use three-digit values: the complexity is the
            // same, and half the bytes cross the harness (I/O is most of the
            // time of a correct solution's performance run).
            cases: { rng in
                let n = 1_000_000
                return [2, 1000].map { k in
                    encode(WindowCase(nums: randomNums(&rng, n: n, range: -999...999), k: k))
                } + [encode(WindowCase(nums: fallingNums(&rng, n: n), k: n / 2))]
            },
            // k = n/2 on falling values: a linear solution grows like n; the scan,
            // and a deque with an O(k) front pop, grow like n².
            ladder: { rng in
                [4000, 8000, 16000, 32000].map { n in
                    (n: n, input: encode(WindowCase(nums: fallingNums(&rng, n: n), k: n / 2)))
                }
            },
            slack: 10, sizeName: "n"),
        notes: [
            VerdictNote([.tooSlow, .timeout],
                        "the usual cause: `Array.removeFirst()` is O(n), so popping the front of a "
                        + "deque kept in an array costs the window's length; keep a head index "
                        + "that moves forward instead (and pop the back with `removeLast()`)"),
            VerdictNote([.runtimeError],
                        "an index out of range here usually means the deque was read after it "
                        + "emptied, or the front index was not dropped once it left the window (i - k)"),
        ])

    static let maxPool2D = ExerciseSpec.define(
        id: "sliding-window-max/max-pool-2d",
        signature: Signature(function: "maxPool2D",
                             parameters: [.init("grid", "[[Int]]"), .init("k", "Int")], returns: "[[Int]]"),
        input: GridCase.self,
        validate: validateGrid,
        reference: { MaxPool2D.pool($0.grid, k: $0.k) },
        generate: { rng in gridGroups(&rng) },
        shrink: shrinkGrid,
        performance: PerformanceSpec(
            // 1000×1000, k = 50: the k×k scan does 2.3·10⁹ comparisons, two deque passes 2·10⁶.
            cases: { rng in [encode(GridCase(grid: randomGrid(&rng, rows: 1000, cols: 1000), k: 50))] },
            // Square grids with k = R/2: the k×k scan grows like R⁴, separable scans like R³, deques like R².
            ladder: { rng in
                [32, 64, 128, 256].map { r in
                    (n: r, input: encode(GridCase(grid: randomGrid(&rng, rows: r, cols: r), k: r / 2)))
                }
            },
            slack: 10, sizeName: "R"))

    // MARK: validation

    @Sendable static func validateWindow(_ c: WindowCase) -> CaseProblem? {
        if c.nums.isEmpty { return CaseProblem(field: "nums", message: "must not be empty") }
        if c.k < 1 || c.k > c.nums.count {
            return CaseProblem(field: "k", message: "must be between 1 and the length of nums (\(c.nums.count)), got \(c.k)")
        }
        return nil
    }

    @Sendable static func validateGrid(_ c: GridCase) -> CaseProblem? {
        guard let first = c.grid.first else { return CaseProblem(field: "grid", message: "must have at least one row") }
        if first.isEmpty { return CaseProblem(field: "grid[0]", message: "must not be empty") }
        for (r, row) in c.grid.enumerated() where row.count != first.count {
            return CaseProblem(field: "grid[\(r)]",
                               message: "has \(row.count) value\(row.count == 1 ? "" : "s") but grid[0] has \(first.count); the grid must be rectangular")
        }
        let limit = min(c.grid.count, first.count)
        if c.k < 1 || c.k > limit {
            return CaseProblem(field: "k", message: "must be between 1 and min(rows, cols) = min(\(c.grid.count), \(first.count)) = \(limit), got \(c.k)")
        }
        return nil
    }

    // MARK: cases

    /// The lesson's worked examples, boundaries, and 40 seeded random cases.
    static func windowGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<WindowCase>] {
        let examples = [
            WindowCase(nums: [1, 3, -1, -3, 5, 3, 6, 7], k: 3),
            WindowCase(nums: [1], k: 1),
            WindowCase(nums: [4, 2, 12, 3], k: 2),
        ]
        let edges = [
            WindowCase(nums: [5, -2, 7, 7, 0], k: 1),                 // k = 1: the array itself
            WindowCase(nums: [5, -2, 7, 7, 0], k: 5),                 // k = n: one window
            WindowCase(nums: [2, 2, 2, 2, 2, 2], k: 3),               // all equal
            WindowCase(nums: [3, 1, 3, 1, 3, 1, 3], k: 2),            // repeated maxima
            WindowCase(nums: [1, 2, 3, 4, 5, 6, 7, 8], k: 3),         // increasing: every push empties the deque
            WindowCase(nums: [8, 7, 6, 5, 4, 3, 2, 1], k: 3),         // decreasing: every max expires
            WindowCase(nums: [-4, -9, -1, -7, -3, -8], k: 2),         // all negative
            WindowCase(nums: [9, 1, 1, 1, 1, 1, 1, 1], k: 4),         // old maximum must leave
            WindowCase(nums: [-1_000_000_000, 1_000_000_000, 0, -1_000_000_000], k: 2),
        ]
        var hidden: [WindowCase] = []
        for index in 0..<40 {
            let n = rng.int(in: 1...(index < 25 ? 16 : 300))
            let k = switch index % 5 { case 0: 1; case 1: n; default: rng.int(in: 1...n) }
            let range = index % 3 == 0 ? -3...3 : -1000...1000      // a third with many duplicates
            hidden.append(WindowCase(nums: randomNums(&rng, n: n, range: range), k: k))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// The lesson's 2-D example, boundaries, and 40 seeded random grids.
    static func gridGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<GridCase>] {
        let lessonGrid = [[1, 3, 2, 0], [4, 5, 1, 2], [0, 2, 6, 4]]
        let examples = [GridCase(grid: lessonGrid, k: 2), GridCase(grid: lessonGrid, k: 3)]
        let edges = [
            GridCase(grid: [[7]], k: 1),                                     // 1×1
            GridCase(grid: lessonGrid, k: 1),                                // k = 1: the grid itself
            GridCase(grid: [[3, -1, 4, 1, -5, 9, 2]], k: 1),                 // one row
            GridCase(grid: [[3], [-1], [4], [1], [-5]], k: 1),               // one column
            GridCase(grid: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], k: 3),         // k = R = C: one window
            GridCase(grid: [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]], k: 2),       // k = R < C
            GridCase(grid: Array(repeating: [4, 4, 4, 4], count: 4), k: 2),  // all equal
            GridCase(grid: [[-5, -3, -8], [-2, -9, -4], [-7, -1, -6]], k: 2),
        ]
        var hidden: [GridCase] = []
        for index in 0..<40 {
            let big = index >= 25
            let rows = rng.int(in: 1...(big ? 40 : 6)), cols = rng.int(in: 1...(big ? 40 : 6))
            let small = min(rows, cols)
            let k = switch index % 5 { case 0: 1; case 1: small; default: rng.int(in: 1...small) }
            hidden.append(GridCase(grid: randomGrid(&rng, rows: rows, cols: cols, range: index % 3 == 0 ? -2...2 : -99...99), k: k))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func randomNums(_ rng: inout SeededRandom, n: Int, range: ClosedRange<Int>) -> [Int] {
        (0..<n).map { _ in rng.int(in: range) }
    }

    /// Strictly falling values with a little noise: (n - i)·4 + noise in 0...3.
    static func fallingNums(_ rng: inout SeededRandom, n: Int) -> [Int] {
        (0..<n).map { i in (n - i) * 4 + rng.int(in: 0...3) }
    }

    static func randomGrid(_ rng: inout SeededRandom, rows: Int, cols: Int,
                           range: ClosedRange<Int> = -1_000_000...1_000_000) -> [[Int]] {
        (0..<rows).map { _ in randomNums(&rng, n: cols, range: range) }
    }

    // MARK: shrinking

    /// Smaller windows problems: halves, one element fewer, smaller k, smaller numbers.
    /// k is clamped so every variant stays valid.
    @Sendable static func shrinkWindow(_ c: WindowCase) -> [WindowCase] {
        let n = c.nums.count
        var out: [WindowCase] = []
        func add(_ nums: [Int], _ k: Int) {
            guard !nums.isEmpty else { return }
            let variant = WindowCase(nums: nums, k: max(1, min(k, nums.count)))
            if variant != c && !out.contains(variant) { out.append(variant) }
        }
        if n >= 2 {
            add(Array(c.nums[..<(n / 2)]), c.k)
            add(Array(c.nums[(n / 2)...]), c.k)
        }
        for i in 0..<min(n, 32) where n > 1 {
            var fewer = c.nums
            fewer.remove(at: i)
            add(fewer, c.k)
        }
        if c.k > 1 { add(c.nums, c.k - 1); add(c.nums, c.k / 2) }
        if c.nums.contains(where: { $0 != 0 }) {
            add(c.nums.map { $0 / 2 }, c.k)
            add(c.nums.map { $0.signum() * min(abs($0), 9) }, c.k)
        }
        return out
    }

    /// Smaller grids: halves of the rows or columns, one row or column fewer,
    /// smaller k, smaller numbers. k is clamped so every variant stays valid.
    @Sendable static func shrinkGrid(_ c: GridCase) -> [GridCase] {
        let rows = c.grid.count, cols = c.grid.first?.count ?? 0
        var out: [GridCase] = []
        func add(_ grid: [[Int]], _ k: Int) {
            guard let first = grid.first, !first.isEmpty else { return }
            let variant = GridCase(grid: grid, k: max(1, min(k, grid.count, first.count)))
            if variant != c && !out.contains(variant) { out.append(variant) }
        }
        func dropColumns(_ range: Range<Int>) -> [[Int]] {
            c.grid.map { row in Array(row[..<range.lowerBound] + row[range.upperBound...]) }
        }
        if rows >= 2 {
            add(Array(c.grid[..<(rows / 2)]), c.k)
            add(Array(c.grid[(rows / 2)...]), c.k)
        }
        if cols >= 2 {
            add(dropColumns((cols / 2)..<cols), c.k)
            add(dropColumns(0..<(cols / 2)), c.k)
        }
        for r in 0..<min(rows, 16) where rows > 1 {
            var fewer = c.grid
            fewer.remove(at: r)
            add(fewer, c.k)
        }
        for col in 0..<min(cols, 16) where cols > 1 { add(dropColumns(col..<(col + 1)), c.k) }
        if c.k > 1 { add(c.grid, c.k - 1) }
        if c.grid.contains(where: { $0.contains { $0 != 0 } }) {
            add(c.grid.map { $0.map { $0 / 2 } }, c.k)
            add(c.grid.map { $0.map { $0.signum() * min(abs($0), 9) } }, c.k)
        }
        return out
    }

    // Performance cases are built as JSON directly: going through
    // JSONEncoder for 10^6 numbers costs seconds, and the keys keep their order.
    private static func encode(_ c: WindowCase) -> JSONValue {
        .object([("nums", .array(c.nums.map(JSONValue.int))), ("k", .int(c.k))])
    }

    private static func encode(_ c: GridCase) -> JSONValue {
        .object([("grid", .array(c.grid.map { .array($0.map(JSONValue.int)) })), ("k", .int(c.k))])
    }
}
